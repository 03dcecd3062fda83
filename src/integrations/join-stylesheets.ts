import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, readText } from './dist-files';
import { joinStylesheets } from '../lib/stylesheets';

const TEXT = /\.(html|css|js|mjs|json|webmanifest|xml|txt)$/;

/**
 * After the build, gives every page one stylesheet (src/lib/stylesheets.ts) and removes the parts nothing links
 * any more. Runs before the service worker lists the files to precache.
 */
export function joinStylesheetsIntegration(base: string): AstroIntegration {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return {
    name: 'field-guide:one-stylesheet',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const toFile = (href: string) => join(root, href.slice(prefix.length));
        const pages = listFiles(root).filter((f) => f.endsWith('.html')).map((file) => ({ file, html: readText(root, file) }));
        const result = joinStylesheets(pages, (href) => readFileSync(toFile(href), 'utf8'), `${prefix}_astro/`);
        for (const [href, css] of result.written) writeFileSync(toFile(href), css);
        for (const p of result.pages) writeFileSync(join(root, p.file), p.html);
        const texts = listFiles(root).filter((f) => TEXT.test(f)).map((f) => readText(root, f));
        const unused = [...result.joined].filter((href) => {
          const name = href.slice(href.lastIndexOf('/') + 1);
          return !texts.some((t) => t.includes(name));
        });
        for (const href of unused) rmSync(toFile(href));
        logger.info(`stylesheets: ${result.pages.length} pages link one file instead of several (${result.written.size} files written, ${unused.length} parts removed)`);
      },
    },
  };
}
