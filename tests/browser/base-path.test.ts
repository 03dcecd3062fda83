/**
 * The site built under a base path (a GitHub Pages project site), served only under that path, crawled:
 * every link and asset resolves inside the base, and search results and permalinks carry the base.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { serveDir, type StaticServer } from '../helpers/serve';
import { listFiles, pagePath } from '../../src/integrations/dist-files';
import { findBrokenLinks, scanHtml } from '../../src/lib/links';
import { buildEnv } from '../helpers/build-fixture';
import { loadPagefind } from '../helpers/pagefind';
import { formatReport, scoreRelevance } from '../helpers/relevance';
import { RELEVANCE } from '../site/search-queries';

const BASE = '/field-guide/';
const out = join(mkdtempSync(join(tmpdir(), 'fg-base-')), 'dist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const build = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    env: buildEnv({ BASE_PATH: BASE, SITE_URL: 'https://example.github.io', ASTRO_CACHE_DIR: join(out, '..', 'cache') }),
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build with BASE_PATH failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveDir(out, BASE);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`built with BASE_PATH=${BASE}`, () => {
  it('every link and asset on every page stays under the base and resolves', () => {
    const files = listFiles(out);
    const prefix = BASE.slice(0, -1);
    const pages = files.filter((f) => f.endsWith('.html')).map((f) => scanHtml(prefix + pagePath(f), readFileSync(join(out, f), 'utf8')));
    const assets = new Set(files.map((f) => prefix + f));
    expect(findBrokenLinks(pages, assets)).toEqual([]);
    const outside: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(join(out, f), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) if (!m[1]!.startsWith(BASE)) outside.push(`${f}: ${m[1]}`);
    }
    expect(outside).toEqual([]);
  });

  it('passes the relevance suite with results under the base (top-1 ≥ 90 %, top-3 ≥ 98 %)', async () => {
    const report = await scoreRelevance(await loadPagefind(out, BASE), RELEVANCE, { base: BASE });
    console.log(formatReport(`relevance under ${BASE}`, report));
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.top3).toBeGreaterThanOrEqual(0.98);
  }, 120_000);

  it('serves the Markdown twins and llms.txt under the base, with links that carry it', () => {
    const llms = readFileSync(join(out, 'llms.txt'), 'utf8');
    expect(llms).toContain('(https://example.github.io/field-guide/kafka/partitions.md)');
    expect(readFileSync(join(out, 'kafka/partitions/index.html'), 'utf8')).toContain(`<link rel="alternate" type="text/markdown" href="${BASE}kafka/partitions.md">`);
    expect(readFileSync(join(out, 'kafka/partitions.md'), 'utf8')).toContain('](https://example.github.io/field-guide/kafka/topics/)');
  });

  it('loads pages with their CSS and scripts, and search finds pages under the base', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
    await page.goto(new URL('kafka/', server.url).href);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('sticky');
    await page.keyboard.press('/');
    await page.fill('#search-dialog-input', 'partitions');
    await page.locator('.search-dialog .search-result-link').first().waitFor();
    const hrefs = await page.locator('.search-dialog .search-results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.startsWith(BASE))).toBe(true);
    await Promise.all([page.waitForURL(/\/field-guide\/kafka\/partitions\//), page.locator(`.search-dialog a[href^="${BASE}kafka/partitions/"]`).first().click()]);
    const permalink = await page.locator('.prose .anchor').first().getAttribute('href');
    expect(permalink).toMatch(/^#/);
    expect(failed).toEqual([]);
  });
});
