import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findBrokenLinks, formatBroken, scanHtml } from '../lib/links';
import { listFiles, pagePath, readText } from './dist-files';

/** Fails the build when an internal link or #anchor on any built page leads nowhere. */
export function linkCheck(): AstroIntegration {
  return {
    name: 'field-guide:link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = listFiles(root);
        const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
        const pages = files
          .filter((f) => f.endsWith('.html'))
          .map((f) => scanHtml(base.replace(/\/$/, '') + pagePath(f), readText(root, f)));
        const assets = new Set(files.map((f) => base.replace(/\/$/, '') + f));
        const broken = findBrokenLinks(pages, assets);
        if (broken.length) {
          const { count, text } = formatBroken(broken);
          const message = `Broken internal links (${count}):\n${text}`;
          // LINK_CHECK=warn lets writers build while pages they link to are still being written.
          if (process.env.LINK_CHECK === 'warn') logger.warn(message);
          else {
            // Leave nothing half-right behind: a site with broken links must not be deployed by mistake.
            rmSync(root, { recursive: true, force: true });
            throw new Error(message);
          }
        }
        else logger.info(`checked the links of ${pages.length} pages: none broken`);
      },
    },
  };
}
