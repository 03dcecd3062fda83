/**
 * Every page, loaded in Chromium: no request leaves the origin, nothing breaks the Content-Security-Policy,
 * no script error. Search is opened on one page too, so Pagefind (WebAssembly, worker) runs under the policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browser, server, openSiteSession } from '../helpers/site-session';
import { DIST } from '../helpers/dist';
import { listFiles, pagePath } from '../../src/integrations/dist-files';

const pages = listFiles(DIST).filter((f) => f.endsWith('.html')).map(pagePath);

openSiteSession();

describe('nothing leaves the origin', () => {
  it('every page declares the CSP, loads only from its own origin, and logs no error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    for (const path of pages) {
      expect(readFileSync(join(DIST, path.endsWith('.html') ? path : `${path}index.html`), 'utf8')).toContain('http-equiv="Content-Security-Policy"');
      await page.goto(new URL(path.replace(/^\//, ''), server.url).href, { waitUntil: 'load' });
    }
    await page.keyboard.press('/');
    await page.fill('#search-dialog-input', 'kafka');
    await page.locator('.search-dialog .search-result').first().waitFor();
    expect(pages.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
    expect(errors.filter((e) => !/404 \(Not Found\)/.test(e) || !e.includes('404.html'))).toEqual([]);
  });
});
