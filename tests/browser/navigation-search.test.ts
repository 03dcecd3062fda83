/**
 * What a reader does, in headless Chromium against the built site served on 127.0.0.1:
 * search from the dialog and the search page, shortcuts, track filter, theme, mobile menu, no-JS reading.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browser, server, openSiteSession } from '../helpers/site-session';
import { DIST, sourceEntries } from '../helpers/dist';

const entries = sourceEntries();
const kafkaPartitions = entries.find((e) => e.track === 'kafka' && e.id === 'partitions')!;

openSiteSession();

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  return page;
}
const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

describe('search dialog', () => {
  it('opens from the header button, shows results as you type, and Enter on a result lands on the page', async () => {
    const page = await open('/');
    await page.click('[data-open-search]');
    const input = page.locator('#search-dialog-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill(kafkaPartitions.title);
    const first = page.locator('.search-dialog .search-result-link').first();
    await first.waitFor();
    const hrefs = await page.locator('.search-dialog .search-result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain('/kafka/partitions/');
    // Walk down to the partitions result with the arrow keys, then open it with Enter.
    const target = hrefs.indexOf('/kafka/partitions/');
    await input.press('ArrowDown');
    const links = page.locator('.search-dialog .search-results a');
    const all = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
    for (let i = 0; i < all.indexOf('/kafka/partitions/'); i++) await page.keyboard.press('ArrowDown');
    expect(target).toBeGreaterThanOrEqual(0);
    await Promise.all([page.waitForURL(/\/kafka\/partitions\/$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe(kafkaPartitions.title);
    expect(errorsOf(page)).toEqual([]);
  });

  it('opens with "/" and with Ctrl+K, and closes with Escape', async () => {
    const page = await open('/kafka/');
    const dialog = page.locator('dialog.search-dialog');
    await page.keyboard.press('/');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
  });

  it('filters results by track', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await page.locator('#search-dialog-input').fill('the');
    await page.locator('.search-dialog .search-result').first().waitFor();
    const unfiltered = await page.locator('.search-dialog .search-track').allTextContents();
    expect(new Set(unfiltered).size).toBeGreaterThan(1);
    await page.locator('.search-filter input[value="Kafka"]').check();
    await expect.poll(async () => page.locator('.search-dialog .search-status').textContent()).toContain('in Kafka');
    const filtered = await page.locator('.search-dialog .search-track').allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered)).toEqual(new Set(['Kafka']));
  });
});

describe('loading', () => {
  it('loads the search code and Pagefind only when search is first used', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(new URL('kafka/partitions/', server.url).href);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.includes('pagefind') || /\/search\.[\w-]+\.js$/.test(p))).toEqual([]);
    await page.keyboard.press('/');
    await page.fill('#search-dialog-input', 'partition');
    await page.locator('.search-dialog .search-result').first().waitFor();
    expect(requested.some((p) => /\/search\.[\w-]+\.js$/.test(p))).toBe(true);
    expect(requested).toContain('/pagefind/pagefind.js');
  });
});

describe('search page', () => {
  it('/search/?q= shows the same results on a page that can be bookmarked', async () => {
    const page = await open(`/search/?q=${encodeURIComponent(kafkaPartitions.title)}`);
    await page.locator('.search-page .search-result-link').first().waitFor();
    const hrefs = await page.locator('.search-page .search-result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain('/kafka/partitions/');
    expect(await page.locator('[data-all-entries]').isHidden()).toBe(true);
    await page.locator('#search-page-input').fill('offsets');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('offsets');
  });
});

describe('theme', () => {
  it('follows the system first, then remembers the toggle across reloads and pages', async () => {
    const page = await open('/', { colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('false');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.goto(new URL('kafka/', server.url).href);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(255, 255, 255)');
  });
  it('sets the theme before first paint (no flash): the attribute is there when the body starts', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    await context.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.body) {
          (window as unknown as { atBody: string | undefined }).atBody = document.documentElement.dataset.theme;
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => (window as unknown as { atBody?: string }).atBody)).toBe('dark');
  });
});

describe('layout and reading', () => {
  it('on a phone the sidebar folds away and the menu button opens it', async () => {
    const page = await open('/kafka/partitions/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    await page.click('[data-menu-toggle]');
    expect(await sidebar.isVisible()).toBe(true);
    expect(await page.getAttribute('[data-menu-toggle]', 'aria-expanded')).toBe('true');
    expect(await page.locator('#sidebar a[aria-current="page"]').textContent()).toBe(kafkaPartitions.title);
  });

  it('reads fine with JavaScript disabled: article, navigation, menu and a search link that lists every entry', async () => {
    const page = await open('/kafka/partitions/', { javaScriptEnabled: false });
    expect(await page.locator('article h1').textContent()).toBe(kafkaPartitions.title);
    expect(await page.locator('#sidebar a[aria-current="page"]').count()).toBe(1);
    expect(await page.locator('[data-theme-toggle]').isHidden()).toBe(true);
    expect(await page.locator('.copy').first().isHidden().catch(() => true)).toBe(true);
    await Promise.all([page.waitForURL(/\/search\/$/), page.click('[data-open-search]')]);
    const listed = await page.locator('[data-all-entries] li a').count();
    expect(listed).toBe(entries.length);
    const phone = await open('/kafka/partitions/', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    expect(await phone.locator('#sidebar').isVisible()).toBe(false);
    await phone.click('.menu-button');
    expect(await phone.locator('#sidebar').isVisible()).toBe(true);
  });

  it('highlights the section being read in the on-page contents', async () => {
    const page = await open('/kafka/partitions/', { viewport: { width: 1400, height: 700 } });
    const ids = await page.locator('.toc a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(ids.length).toBeGreaterThan(1);
    expect(await page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(`#${ids[0]}`);
    const last = ids.at(-1)!;
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start', behavior: 'instant' }), last);
    // A short page may not scroll its last heading to the top; the highlight follows the last heading above 120px.
    const expected = await page.evaluate((all) => {
      let current = all[0];
      for (const id of all) if (document.getElementById(id)!.getBoundingClientRect().top < 120) current = id;
      return current;
    }, ids);
    expect(expected).not.toBe(ids[0]);
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(`#${expected}`);
  });

  it('copies a code block with its copy button', async () => {
    const withCode = entries.find((e) => e.track === 'python')!;
    const page = await open(`/${withCode.track}/${withCode.id}/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const button = page.locator('figure.code .copy').first();
    await button.waitFor({ state: 'visible' });
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const code = await page.locator('figure.code pre').first().textContent();
    expect(copied).toBe(code);
    expect(copied.length).toBeGreaterThan(0);
  });
});
