#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile, its default) on the home page, a track index, an entry page and the
// search page of the built site, served on 127.0.0.1 with Debian's Chromium. Fails below 100 in any category.
import { existsSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDir } from '../tests/helpers/serve.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const PAGES = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/kafka/', '/kafka/partitions/', '/search/'];
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync('dist/index.html')) {
  console.error('No built site in dist/: run npm run build first.');
  process.exit(2);
}
const server = await serveDir(`${process.cwd()}/dist`, '/', { production: true });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (const path of PAGES) {
    const url = new URL(path.replace(/^\//, ''), server.url).href;
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const scores = CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]);
    console.log(`${path.padEnd(24)} ${scores.map(([c, s]) => `${c} ${s}`).join('  ')}`);
    for (const [c, s] of scores) {
      if (s < 100) {
        failed = true;
        const audits = lhr.categories[c].auditRefs
          .map((r) => lhr.audits[r.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
        for (const a of audits) console.log(`    ${c}: ${a.id} (${a.score}) ${a.displayValue ?? ''} ${a.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
if (failed) {
  console.error('Lighthouse: below 100 somewhere (see above).');
  process.exit(1);
}
console.log('Lighthouse: 100 in every category on every page checked.');
