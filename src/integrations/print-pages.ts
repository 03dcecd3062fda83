import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listFiles } from './dist-files';
import { scopePrintHtml } from '../lib/print';

/** After the build, makes the print pages' ids unique per entry and opens every <details>. */
export function printPages(): AstroIntegration {
  return {
    name: 'field-guide:print-pages',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = listFiles(root).filter((f) => /^\/print\/(.+\/)?index\.html$/.test(f));
        for (const f of pages) writeFileSync(root + f.slice(1), scopePrintHtml(readFileSync(root + f.slice(1), 'utf8')));
        logger.info(`print pages: ${pages.length}`);
      },
    },
  };
}
