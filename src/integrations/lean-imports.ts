/**
 * Lazy imports without Vite's preload helper. For every `import()` in browser code, Vite bundles a helper
 * (`__vitePreload`, about 0.7 KiB gzip) that adds `<link rel="modulepreload">` tags for the imported chunk's own
 * imports, plus a table of chunk names (`__vite__mapDeps`). Astro 7 offers no setting that turns it off. This site
 * has three lazy loads (search, the library, the update prompt), so the helper cost every page more than it saved:
 * this plugin makes it a plain call and drops the table. Where a lazy chunk needs another chunk the page does not
 * have, the calling code asks for both at once (site.ts, library-start.ts), so they still load side by side.
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

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Chunks that import CSS but load only through `import()`: an entry's CSS is linked by the page, and so is the CSS
 * of every chunk an entry imports statically; anything else had its CSS loaded by the helper, which is gone.
 */
export function lazyChunksWithCss(bundle: Record<string, ChunkLike>): string[] {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const linked = new Set<string>();
  const visit = (name: string) => {
    if (linked.has(name)) return;
    linked.add(name);
    for (const i of byName.get(name)?.imports ?? []) visit(i);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  return chunks.filter((c) => !linked.has(c.fileName) && c.viteMetadata?.importedCss.size).map((c) => `${c.fileName} (${[...c.viteMetadata!.importedCss].join(', ')})`);
}

/** Removes the chunk-name table from one chunk's code; throws when a trace of it is left. */
export function dropPreloadTable(code: string, fileName: string): string {
  if (!code.includes('__vite__mapDeps')) return code;
  const out = code.replace(TABLE, '').replace(TABLE_USE, '');
  if (out.includes('__vite__mapDeps')) {
    throw new Error(`lean imports: ${fileName} still refers to __vite__mapDeps after rewriting; Vite's output changed (src/integrations/lean-imports.ts)`);
  }
  return out;
}

/**
 * When two entry scripts both use import(), the one-line helper becomes a chunk of its own, which every page
 * would fetch (one more request for 48 bytes): each importer gets its own copy of the line instead.
 */
export function inlineHelper(bundle: Record<string, ChunkLike & { code: string; moduleIds?: string[] }>) {
  const helper = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds?.length === 1 && c.moduleIds[0] === HELPER);
  if (!helper) return;
  const name = helper.fileName.split('/').pop()!.replace(/[.$]/g, '\\$&');
  const use = new RegExp(`import\\{t as ([\\w$]+)\\}from"\\./${name}";`);
  for (const c of Object.values(bundle)) {
    if (c.type !== 'chunk' || !c.imports?.includes(helper.fileName)) continue;
    const m = use.exec(c.code);
    if (!m) throw new Error(`lean imports: ${c.fileName} imports ${helper.fileName} in a form this plugin does not know (src/integrations/lean-imports.ts)`);
    c.code = c.code.replace(m[0], `const ${m[1]}=e=>e();`);
    c.imports = c.imports.filter((i) => i !== helper.fileName);
  }
  delete bundle[helper.fileName];
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
        const unloaded = lazyChunksWithCss(bundle as unknown as Record<string, ChunkLike>);
        if (unloaded.length) {
          throw new Error(`lean imports: code loaded only through import() imports CSS, which nothing would load: ${unloaded.join('; ')}. Import it with ?inline and add it to the page (see search-dialog.ts)`);
        }
        for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = dropPreloadTable(chunk.code, chunk.fileName);
        inlineHelper(bundle as unknown as Record<string, ChunkLike & { code: string; moduleIds?: string[] }>);
        // If a later Vite names its helper differently, the stand-in above no longer replaces it: fail, not ship it.
        const helper = Object.values(bundle).filter((c) => c.type === 'chunk' && /vite:preloadError|modulepreload/.test(c.code)).map((c) => c.fileName);
        if (helper.length) throw new Error(`lean imports: Vite's preload helper is still bundled in ${helper.join(', ')}; its module id is no longer ${JSON.stringify(HELPER)} (src/integrations/lean-imports.ts)`);
      },
    },
  };
}
