import type { AstroIntegration } from 'astro';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';

/** Pagefind's ready-made search interfaces, which this site does not use (it has its own, src/scripts/search.ts). */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Builds the Pagefind index into dist/pagefind/ after every build, and reports what it indexed. Pagefind also
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
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await close();
        for (const f of readdirSync(`${site}pagefind`)) if (UNUSED_UI.test(f)) rmSync(`${site}pagefind/${f}`);
        logger.info(`search index: ${added.page_count} pages indexed into dist/pagefind/`);
      },
    },
  };
}
