/**
 * Lazy imports without Vite's preload helper. For every `import()` in browser code, Vite bundles a helper
 * (`__vitePreload`, about 0.7 KiB gzip) that adds `<link rel="modulepreload">` tags for the imported chunk's own
 * imports, plus a table of chunk names (`__vite__mapDeps`). Astro 7 offers no setting that turns it off. This site's
 * lazy chunks are small and import at most one or two chunks the page already has, so the helper costs every page
 * more than it saves: this plugin makes it a plain call and drops the table.
 *
 * The helper also loaded a lazy chunk's CSS. Without it a lazy module must bring its styles as text
 * (`import css from './x.css?inline'`, as search-dialog.ts does), so the build fails when one imports CSS;
 * it also fails if a later Vite writes the table differently, rather than shipping a broken chunk.
 */
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';
// The table Vite writes at the top of a chunk, and its uses as the helper's second argument (minified output).
const TABLE = /^const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);\n?/;
const TABLE_USE = /,__vite__mapDeps\(\[[\d,]*\]\)/g;

/** Removes the chunk-name table from one chunk's code; throws when a trace of it is left. */
export function dropPreloadTable(code: string, fileName: string): string {
  if (!code.includes('__vite__mapDeps')) return code;
  const out = code.replace(TABLE, '').replace(TABLE_USE, '');
  if (out.includes('__vite__mapDeps')) {
    throw new Error(`lean imports: ${fileName} still refers to __vite__mapDeps after rewriting; Vite's output changed (src/integrations/lean-imports.ts)`);
  }
  return out;
}

export function leanImports(): Plugin {
  return {
    name: 'field-guide:lean-imports',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    resolveId: (id) => (id === HELPER ? HELPER : undefined),
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
    // After Vite's own hook, which writes the table.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          const css = (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss;
          if (chunk.isDynamicEntry && css?.size) {
            throw new Error(`lean imports: the lazily loaded ${chunk.facadeModuleId ?? chunk.fileName} imports CSS (${[...css].join(', ')}), which nothing would load; import it with ?inline and add it to the page (see search-dialog.ts)`);
          }
          chunk.code = dropPreloadTable(chunk.code, chunk.fileName);
        }
      },
    },
  };
}
