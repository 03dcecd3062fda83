import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listFiles } from './dist-files';
import { fillPrintHtml, scopePrintHtml } from '../lib/print';
import { withBase } from '../lib/paths';

/**
 * After the build, fills the print pages with each entry's text from the entry's built page (read once per print
 * page it is on), makes their ids unique per entry and opens every <details>.
 */
export function printPages(base = '/'): AstroIntegration {
  const prefix = withBase(base);
  return {
    name: 'field-guide:print-pages',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = listFiles(root).filter((f) => /^\/print\/(.+\/)?index\.html$/.test(f));
        const entryHtml = (url: string) => {
          if (!url.startsWith(prefix)) throw new Error(`print pages: ${url} is not under the base path ${prefix}`);
          return readFileSync(`${root}${url.slice(prefix.length)}index.html`, 'utf8');
        };
        let bytes = 0;
        for (const f of pages) {
          const html = scopePrintHtml(fillPrintHtml(readFileSync(root + f.slice(1), 'utf8'), entryHtml));
          bytes = Math.max(bytes, html.length);
          writeFileSync(root + f.slice(1), html);
        }
        logger.info(`print pages: ${pages.length} (the largest ${(bytes / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
