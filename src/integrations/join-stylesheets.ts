import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, readText } from './dist-files';
import { joinStylesheets } from '../lib/stylesheets';
import { withBase } from '../lib/paths';

const TEXT = /\.(css|js|mjs|json|webmanifest|xml|txt)$/;

/**
 * After the build, gives every page one stylesheet (src/lib/stylesheets.ts) and removes the parts nothing links
 * any more. Runs before the service worker lists the files to precache.
 */
export function joinStylesheetsIntegration(base: string): AstroIntegration {
  const prefix = withBase(base);
  return {
    name: 'field-guide:one-stylesheet',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const toFile = (href: string) => join(root, href.slice(prefix.length));
        const files = listFiles(root);
        const pages = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, html: readText(root, file) }));
        const result = joinStylesheets(pages, (href) => readFileSync(toFile(href), 'utf8'), withBase(base, '_astro/'));
        for (const [href, css] of result.written) writeFileSync(toFile(href), css);
        for (const p of result.pages) writeFileSync(join(root, p.file), p.html);
        // A part may still be referred to elsewhere (a page with one stylesheet, a script): keep those. The pages'
        // HTML is already in memory, as rewritten; only the other text files are read.
        const rewritten = new Map(result.pages.map((p) => [p.file, p.html]));
        const texts = [...pages.map((p) => rewritten.get(p.file) ?? p.html), ...files.filter((f) => TEXT.test(f)).map((f) => readText(root, f))];
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
