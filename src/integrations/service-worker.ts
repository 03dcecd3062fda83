import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { withBase } from '../lib/paths';

/**
 * After the build, Workbox writes dist/sw.js: it precaches the pages, their assets and the search index, so
 * the guide reads and searches offline after a first visit. A new build makes a new worker that waits until
 * the reader accepts the update (src/scripts/offline.ts).
 * Past `maxPrecachedPages` pages (a very large site) pages are cached as they are read instead (the 404 page is
 * always precached: offline, an address the worker has no copy of shows it).
 */
export function serviceWorker({ base, maxPrecachedPages = 500 }: { base: string; maxPrecachedPages?: number }): AstroIntegration {
  return {
    name: 'field-guide:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const b = withBase(base);
        let pageCount = 0;
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          globPatterns: ['**/*.{html,css,js,json,svg,wasm,webmanifest}', 'pagefind/**/*'],
          globIgnores: ['sw.js', 'workbox-*.js', 'print/**'],
          swDest: `${root}sw.js`,
          modifyURLPrefix: { '': b },
          manifestTransforms: [
            async (entries) => {
              const pages = entries.filter((e) => e.url.endsWith('.html'));
              pageCount = pages.length;
              // The 404 page is always kept: it is what an unknown address shows offline.
              const keep = pages.length > maxPrecachedPages ? entries.filter((e) => !e.url.endsWith('.html') || /(^|\/)404\.html$/.test(e.url)) : entries;
              return { manifest: keep, warnings: [] };
            },
          ],
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
          directoryIndex: 'index.html',
          // Pagefind adds ?ts=… to bust HTTP caches; the precache holds the file itself.
          ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: false,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: 'production',
          runtimeCaching: [
            {
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkFirst',
              // Offline, an address that is neither precached nor cached gets the site's 404 page (it searches the
              // words of the address), not the browser's error page.
              options: { cacheName: 'pages', networkTimeoutSeconds: 3, expiration: { maxEntries: 200 }, precacheFallback: { fallbackURL: `${b}404.html` } },
            },
          ],
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`service worker: ${count} files precached (${(size / 1024).toFixed(0)} KB), ${pageCount > maxPrecachedPages ? 'pages cached as read' : `${pageCount} pages`}`);
      },
    },
  };
}
