/**
 * axe-core on every page, in the light and the dark theme, on a desktop and a phone-sized viewport:
 * no violation of the WCAG 2.2 A and AA rules. Plus a keyboard-only walk and reduced motion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browser, server, openSiteSession } from '../helpers/site-session';
import { axeViolations } from '../helpers/axe';
import { DIST } from '../helpers/dist';
import { listFiles, pagePath } from '../../src/integrations/dist-files';

const pages = listFiles(DIST).filter((f) => f.endsWith('.html')).map(pagePath);

openSiteSession();

const modes = [
  { name: 'light desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

// The print pages repeat every entry on one page (the whole guide is several MB of HTML): they are checked in
// the first mode only; every entry is also checked on its own page in every mode.
const isPrint = (path: string) => path.startsWith('/print/');

// Two tabs per mode check pages side by side (axe is single-threaded per page; the machine has two cores).
const TABS = 2;

describe('the axe check itself', () => {
  it('reports a violation when a page has one (a missing alt text and an unlabelled button)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><button type="button"></button>'));
    const found = await axeViolations(page);
    await context.close();
    expect(found.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
  });
});

for (const [i, mode] of modes.entries()) {
  describe(`axe-core (WCAG 2.2 A and AA), ${mode.name}`, () => {
    const free: Page[] = [];
    const waiting: ((p: Page) => void)[] = [];
    const take = () => new Promise<Page>((resolve) => { const p = free.pop(); if (p) resolve(p); else waiting.push(resolve); });
    const give = (p: Page) => { const next = waiting.shift(); if (next) next(p); else free.push(p); };
    beforeAll(async () => {
      // bypassCSP lets axe's injected script run; the site's own CSP is tested in origin.test.ts.
      const context = await browser.newContext({ colorScheme: mode.colorScheme, viewport: mode.viewport, bypassCSP: true });
      for (let t = 0; t < TABS; t++) free.push(await context.newPage());
    });
    afterAll(async () => free[0]?.context().close());
    it.concurrent.each(pages.filter((p) => i === 0 || !isPrint(p)).map((p) => [p]))('%s', async (path) => {
      const page = await take();
      try {
        await page.goto(new URL(path.replace(/^\//, ''), server.url).href, { waitUntil: 'load' });
        // Entry pages: check the library controls too, which their script makes after load.
        if (await page.locator('.lib-actions').count()) await page.locator('.lib-actions button').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(mode.colorScheme);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        give(page);
      }
    });
  });
}

describe('keyboard', () => {
  it('reaches the skip link first, then the header controls, search results and page controls, with a visible focus', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL('kafka/partitions/', server.url).href);
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-copy]')?.hidden && !!document.querySelector('.lib-save'));
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, text: (el.textContent ?? '').trim().slice(0, 40), cls: el.className, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ cls: 'skip-link', outline: true });
    // Walk the whole page with Tab and record what gets focus.
    const seen: { tag: string; text: string; cls: string; outline: boolean }[] = [];
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      // Past the last control focus leaves the document (body), or wraps to the first control.
      if (f.tag === 'BODY' || (seen.length && f.text === seen[0]!.text && f.cls === seen[0]!.cls)) break;
      seen.push(f);
    }
    const classes = seen.map((s) => s.cls);
    expect(classes).toContain('search-button');
    expect(classes).toContain('theme-toggle');
    expect(classes).toContain('copy');
    expect(classes).toContain('anchor');
    expect(classes).toContain('lib-btn');
    expect(classes).toContain('lib-save');
    expect(seen.some((s) => s.tag === 'SUMMARY')).toBe(true);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((s) => !s.outline)).toEqual([]);
    // The skip link moves focus to the article.
    await page.reload();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Search with the keyboard only: open, type, arrow down to a result, which shows focus.
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'search-dialog-input');
    await page.keyboard.type('partition');
    await page.locator('.search-dialog .search-result').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ cls: 'search-result-link', outline: true });
  });

  it('respects prefers-reduced-motion: no smooth scrolling', async () => {
    const reduced = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await reduced.newPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    const normal = await browser.newContext({ reducedMotion: 'no-preference' });
    const p2 = await normal.newPage();
    await p2.goto(server.url);
    expect(await p2.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  });
});
