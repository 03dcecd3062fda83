/**
 * Page weight on a first visit, measured in Chromium: what each page fetches before the reader interacts
 * (HTML, CSS, JavaScript), gzip-compressed as a static host would send it, against the budgets below.
 * Pictures (the drawn diagrams' SVG files, any other image) load lazily, after first paint: they are measured
 * apart, after scrolling through the whole page, and are not part of the HTML + CSS + JS budget.
 * Prints the figures for every page.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browser, server, openSiteSession } from '../helpers/site-session';
import { DIST } from '../helpers/dist';
import { listFiles, pagePath } from '../../src/integrations/dist-files';

/**
 * Ratchets at what the pages measure now, so they cannot grow unnoticed; lower them as pages get lighter. They are
 * above the targets (docs/PERFORMANCE.md): the median page's HTML + CSS is 16.2 KiB against 14 KiB and HTML + CSS + JS
 * 20.3 KiB (the stages and categories grew: environments, concurrency, large inputs, Airflow, validation, disaster
 * recovery, load balancing, DynamoDB and S3 depth), and CSS + JS is 8.8 KiB on /flashcards/ (the spaced review) and
 * 8.0 KiB on entry pages, against 8 KB on every page.
 */
export const BUDGET = { medianTotal: 21 * 1024, htmlCssMedian: 16.5 * 1024, cssJsEveryPage: 9 * 1024 };

openSiteSession();

interface Weight { page: string; html: number; css: number; js: number; total: number; pictures: number; pictureCount: number; search: number }

describe('page weight', () => {
  // Every page in a fresh profile, pictures included: minutes on a shared two-core machine.
  it('stays within budget on every page', { timeout: 600_000 }, async () => {
    const pages = listFiles(DIST).filter((f) => f.endsWith('.html')).map(pagePath);
    // A first visit: a fresh browser profile per page, so no page finds another's cache or stored library.
    // Sizes do not depend on timing, so four pages are measured at a time.
    const measure = async (path: string): Promise<Weight> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Promise<{ type: string; bytes: number }>[] = [];
      const pictures: Promise<number>[] = [];
      const searchBytes: Promise<number>[] = [];
      // Requests in flight, and when the network last moved: the page has settled after 500 ms with none.
      let inflight = 0;
      let moved = Date.now();
      page.on('request', () => { inflight++; moved = Date.now(); });
      const finished = () => { inflight--; moved = Date.now(); };
      page.on('requestfinished', finished);
      page.on('requestfailed', finished);
      page.on('response', (r) => {
        const type = r.request().resourceType();
        // The search index (Pagefind's loader, wasm and chunks, which the 404 page loads to offer results) loads
        // after first paint like pictures: measured apart, not in the budget (the design notes' rule).
        if (new URL(r.url()).pathname.includes('/pagefind/')) {
          if (r.status() === 200) searchBytes.push(r.body().then((b) => gzipSync(b, { level: 6 }).length, () => 0));
        } else if (['document', 'stylesheet', 'script'].includes(type)) {
          bodies.push(r.body().then((b) => ({ type, bytes: gzipSync(b, { level: 6 }).length })));
        } else if (type === 'image' && r.status() === 200) {
          // SVG is text a host compresses; PNG and the like go as they are.
          pictures.push(r.body().then((b) => (/\.svg$/.test(new URL(r.url()).pathname) ? gzipSync(b, { level: 6 }).length : b.length), () => 0));
        }
      });
      const settled = async () => {
        const start = Date.now();
        while (inflight > 0 || Date.now() - moved < 500) {
          if (Date.now() - start > 20_000) throw new Error(`${path}: the network did not settle (${inflight} requests in flight)`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await page.goto(new URL(path.replace(/^\//, ''), server.url).href, { waitUntil: 'load' });
      // What the page loads when idle counts too: wait for an idle moment (after the page's own idle callbacks,
      // registered earlier), then for the network to settle, requests started meanwhile included.
      await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 })));
      await settled();
      const loaded = await Promise.all([...bodies]);
      // Then the pictures: bring each displayed image into view, as a reader scrolling through the page would, so
      // the lazy ones load (one scroll per image, not per screenful: the print pages are very long).
      const lazy = await page.evaluate(async () => {
        let n = 0;
        for (const img of document.querySelectorAll('img')) {
          if (getComputedStyle(img).display === 'none' || img.complete) continue;
          img.scrollIntoView({ block: 'center' });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          n++;
        }
        return n;
      });
      if (lazy) await settled();
      const images = await Promise.all(pictures);
      const search = (await Promise.all(searchBytes)).reduce((a, b) => a + b, 0);
      await context.close();
      const sum = (t: string) => loaded.filter((l) => l.type === t).reduce((a, l) => a + l.bytes, 0);
      const w = { page: path, html: sum('document'), css: sum('stylesheet'), js: sum('script'), total: 0, pictures: images.reduce((a, b) => a + b, 0), pictureCount: images.length, search };
      w.total = w.html + w.css + w.js;
      return w;
    };
    const weights: Weight[] = [];
    const queue = [...pages];
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) weights.push(await measure(path));
    }));
    weights.sort((a, b) => a.page.localeCompare(b.page));
    const totals = weights.map((w) => w.total).sort((a, b) => a - b);
    const median = totals[Math.floor(totals.length / 2)]!;
    const worst = weights.reduce((a, b) => (b.total > a.total ? b : a));
    const kb = (n: number) => (n / 1024).toFixed(1);
    const htmlCss = weights.map((w) => w.html + w.css).sort((a, b) => a - b);
    console.log(`page weight (gzip KiB): median ${kb(median)}, worst ${kb(worst.total)} (${worst.page}); HTML + CSS median ${kb(htmlCss[Math.floor(htmlCss.length / 2)]!)}`);
    const withPictures = weights.filter((w) => w.pictureCount > 0);
    const pictureKb = withPictures.map((w) => w.pictures).sort((a, b) => a - b);
    console.log(
      `pictures (gzip KiB, after scrolling; not in the budget): ${withPictures.length} pages load any` +
        (withPictures.length ? `, median ${kb(pictureKb[Math.floor(pictureKb.length / 2)]!)}, most ${kb(pictureKb[pictureKb.length - 1]!)}` : ''),
    );
    console.log(weights.map((w) => `  ${w.page.padEnd(44)} html ${kb(w.html)}  css ${kb(w.css)}  js ${kb(w.js)}  total ${kb(w.total)}${w.pictureCount ? `  pictures ${kb(w.pictures)} (${w.pictureCount})` : ''}${w.search ? `  search index ${kb(w.search)}` : ''}`).join('\n'));
    const cssJs = weights.reduce((a, b) => (b.css + b.js > a.css + a.js ? b : a));
    console.log(`largest CSS + JS: ${cssJs.css + cssJs.js} bytes (${cssJs.page}); HTML + CSS median: ${htmlCss[Math.floor(htmlCss.length / 2)]} bytes`);
    expect(weights.every((w) => w.html > 0 && w.css > 0)).toBe(true);
    expect(median).toBeLessThanOrEqual(BUDGET.medianTotal);
    expect(htmlCss[Math.floor(htmlCss.length / 2)]!).toBeLessThanOrEqual(BUDGET.htmlCssMedian);
    expect(weights.filter((w) => w.css + w.js > BUDGET.cssJsEveryPage)).toEqual([]);
  });
});
