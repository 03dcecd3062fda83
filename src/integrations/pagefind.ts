import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { listFiles } from './dist-files';
import { isIndexed, stripIndexOnly } from '../lib/search-index';

/** Pagefind's ready-made search interfaces, which this site does not use (it has its own, src/scripts/search.ts). */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Builds the Pagefind index into dist/pagefind/ after every build, and reports what it indexed. Each page is
 * indexed as built, with its index-only search terms (src/components/search/SearchTerms.astro); then those
 * terms and the indexing attributes are taken out of the page, so readers do not download them. Pagefind also
 * writes its ready-made interfaces (0.4 MB); they are removed, so they are neither deployed nor precached by the
 * service worker for every reader.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'field-guide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let pages = 0;
        const stripped = new Map<string, string>();
        for (const file of listFiles(site).filter((f) => f.endsWith('.html'))) {
          const content = readFileSync(join(site, file), 'utf8');
          const lean = stripIndexOnly(content);
          if (lean !== content) stripped.set(file, lean);
          // Only pages that mark a body are indexed (print pages, search and 404 do not).
          if (!isIndexed(content)) continue;
          const added = await index.addHTMLFile({ sourcePath: file.slice(1), content });
          if (added.errors.length) throw new Error(`Pagefind, ${file}: ${added.errors.join('; ')}`);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await close();
        for (const [file, lean] of stripped) writeFileSync(join(site, file), lean);
        for (const f of readdirSync(`${site}pagefind`)) if (UNUSED_UI.test(f)) rmSync(`${site}pagefind/${f}`);
        logger.info(`search index: ${pages} pages indexed into dist/pagefind/`);
      },
    },
  };
}
