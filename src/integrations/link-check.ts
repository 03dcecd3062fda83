import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { cssUrls, findBrokenLinks, formatBroken, scanHtml, type PageLinks } from '../lib/links';
import { listFiles, pagePath, readText } from './dist-files';

/**
 * Fails the build when an internal link or #anchor on any built page leads nowhere, a file a page or stylesheet
 * loads does not exist, or an id appears twice on a page.
 */
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
        // Stylesheets load files too (url()), relative to themselves.
        const styles: PageLinks[] = files
          .filter((f) => f.endsWith('.css'))
          .map((f) => ({ path: base.replace(/\/$/, '') + f, ids: new Set(), hrefs: [], assets: cssUrls(readText(root, f)), source: `dist${f}` }));
        const assets = new Set(files.map((f) => base.replace(/\/$/, '') + f));
        const broken = findBrokenLinks([...pages, ...styles], assets);
        if (broken.length) {
          const { count, text } = formatBroken(broken);
          const message = `Broken internal links, missing files or repeated ids (${count}):\n${text}`;
          // LINK_CHECK=warn lets writers build while pages they link to are still being written.
          if (process.env.LINK_CHECK === 'warn') logger.warn(message);
          // The build stops here, and dist/ keeps the previous build (src/integrations/staged-build.ts).
          else throw new Error(message);
        }
        else logger.info(`checked the links of ${pages.length} pages: none broken`);
      },
    },
  };
}
