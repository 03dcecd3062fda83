/**
 * An address the guide does not have: the site's 404 page, online and offline (the service worker serves its
 * precached copy instead of the browser's error page), searching the words of the address. Pagefind loads
 * there because a search runs; other pages keep it off until search is used (navigation-search.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { browser, server, openSiteSession } from '../helpers/site-session';

openSiteSession();

describe('404', () => {
  it('searches the words of the address and finds the page that was meant', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(new URL('kafka/high-watermak/', server.url).href);
    expect(response!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.inputValue('#not-found-search')).toBe('kafka high waterm');
    const first = page.locator('search-box[data-not-found] .search-result-link').first();
    await first.waitFor({ timeout: 20_000 });
    const hrefs = await page.locator('search-box[data-not-found] .search-result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.slice(0, 3)).toContain('/kafka/high-watermark/');
    expect(new URL(page.url()).pathname).toBe('/kafka/high-watermak/'); // the address stays what the reader typed
    await context.close();
  });

  it("offline, an unknown address shows the site's 404 page, not the browser's error page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', null, { timeout: 60_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await context.setOffline(true);
    await page.goto(new URL('kafka/log-compacton/', server.url).href);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.inputValue('#not-found-search')).toBe('kafka log compac');
    // Search works offline too (the index is precached).
    await page.locator('search-box[data-not-found] a[href$="/kafka/log-compaction/"]').first().waitFor({ timeout: 20_000 });
    await context.close();
  });
});
