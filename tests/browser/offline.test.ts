/**
 * Offline reading: after a first visit the service worker has precached the guide and its search index, so
 * pages open and search works with the network off; a new build offers a reload into the new version.
 */
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { serveDir, type StaticServer } from '../helpers/serve';
import { DIST, sourceEntries } from '../helpers/dist';

// A copy of dist/, so the test can publish a "new version" without touching the real build.
const root = join(mkdtempSync(join(tmpdir(), 'fg-offline-')), 'dist');
let server: StaticServer;
let browser: Browser;
const entry = sourceEntries().find((e) => e.track === 'kafka')!;

beforeAll(async () => {
  cpSync(DIST, root, { recursive: true });
  server = await serveDir(root);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline', () => {
  it('reads and searches the guide with the network off after a first visit, and offers new versions', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    // The worker installs (precaching everything) and takes control.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', null, { timeout: 60_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

    await context.setOffline(true);
    await page.goto(new URL(`${entry.track}/${entry.id}/`, server.url).href);
    expect(await page.locator('article h1').textContent()).toBe(entry.title);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('sticky');
    await page.keyboard.press('/');
    await page.fill('#search-dialog-input', entry.title);
    await page.locator('.search-dialog .search-result-link').first().waitFor();
    const hrefs = await page.locator('.search-dialog .search-result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain(`/${entry.track}/${entry.id}/`);
    await page.click('.search-dialog [data-close]');
    await context.setOffline(false);

    // Publish a new version: a changed worker. The page offers to reload, and reloading activates it.
    appendFileSync(join(root, 'sw.js'), '\n// new version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const prompt = page.locator('.update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.textContent()).toContain('new version');
    // Its styles travel with its script (update-prompt.css): pinned to the bottom of the viewport.
    expect(await prompt.evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
    const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    await Promise.all([page.waitForEvent('load'), prompt.locator('button').click()]);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())!.waiting === null);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(oldWorker);
    expect(await page.locator('.update-prompt').count()).toBe(0);
  });
});
