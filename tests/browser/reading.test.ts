/**
 * What a newcomer trips over while reading, in headless Chromium against the built site: the on-page contents
 * (kept in view on a desktop, "On this page" on a phone), wide tables on a phone, the dark system theme with
 * JavaScript off, the learned tick and the heading star on a phone, and old anchors landing where they did.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browser, server, openSiteSession } from '../helpers/site-session';

openSiteSession();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  return page;
}

/** The part of an element that shows inside its scrolling box, in px (0 when it is scrolled out of view). */
const visibleIn = (page: Page, selector: string, box: string) =>
  page.evaluate(([s, b]) => {
    const r = document.querySelector(s!)!.getBoundingClientRect();
    const c = document.querySelector(b!)!.getBoundingClientRect();
    return Math.max(0, Math.min(r.bottom, c.bottom, innerHeight) - Math.max(r.top, c.top));
  }, [selector, box]);

describe('on-page contents', () => {
  it('on a desktop, scrolls itself so the section being read stays in view', async () => {
    const page = await open('/aws/compute/', DESKTOP);
    const box = await page.locator('.toc').evaluate((el) => ({ height: el.clientHeight, content: el.scrollHeight }));
    expect(box.content).toBeGreaterThan(box.height); // the contents are taller than the window, as on /aws/compute/
    for (const id of ['eks-limits', 'decision-table', 'lambda-billing']) {
      await page.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: 'start', behavior: 'instant' }), id);
      await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(`#${id}`);
      await expect.poll(() => visibleIn(page, '.toc a[aria-current="true"]', '.toc')).toBeGreaterThan(15);
    }
  });

  it('on a desktop, shows the contents open in their column, with JavaScript off too', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open('/kafka/partitions/', { ...DESKTOP, javaScriptEnabled });
      const first = page.locator('.toc nav a').first();
      expect(await first.isVisible(), `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toBe(true);
      const main = await page.locator('main').boundingBox();
      const toc = await page.locator('.toc').boundingBox();
      expect(toc!.x).toBeGreaterThanOrEqual(main!.x + main!.width - 1); // to the right of the article, not over it
    }
  });

  it('on a phone, is a folded "On this page" at the top of the article that opens and leads to a section', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open('/aws/compute/', { ...PHONE, javaScriptEnabled });
      const summary = page.locator('article > details.toc > summary');
      expect(await summary.isVisible()).toBe(true);
      expect(await summary.textContent()).toBe('On this page');
      // Above the article's first section, below its title.
      const order = await page.evaluate(() => {
        const toc = document.querySelector('details.toc')!;
        const h1 = document.querySelector('article h1')!;
        const prose = document.querySelector('.prose')!;
        return [h1.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING, toc.compareDocumentPosition(prose) & Node.DOCUMENT_POSITION_FOLLOWING];
      });
      expect(order.every(Boolean)).toBe(true);
      const link = page.locator('.toc a[href="#lambda-limits"]');
      expect(await link.isVisible()).toBe(false);
      await summary.click();
      expect(await link.isVisible()).toBe(true);
      await link.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#lambda-limits');
      await expect.poll(() => page.locator('#lambda-limits').evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(120);
    }
  });
});

describe('wide tables on a phone', () => {
  it('keep their first column in view while they scroll, and show a shadow at the edge that scrolls', async () => {
    const page = await open('/aws/compute/', PHONE);
    // The decision table: EC2, Lambda, ECS and EKS side by side.
    const wrap = page.locator('.table-wrap').filter({ has: page.locator('th', { hasText: 'Lambda' }) }).first();
    await wrap.scrollIntoViewIfNeeded();
    const size = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(size.scroll).toBeGreaterThan(size.client); // it is wider than a phone
    const cue = await wrap.evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(cue).toMatch(/radial-gradient/); // the shadow at the right edge
    const firstCell = wrap.locator('tbody tr:first-child td:first-child');
    const secondCell = wrap.locator('tbody tr:first-child td:nth-child(2)');
    const before = { first: (await firstCell.boundingBox())!.x, second: (await secondCell.boundingBox())!.x };
    await wrap.evaluate((el) => el.scrollBy({ left: 200, behavior: 'instant' }));
    const after = { first: (await firstCell.boundingBox())!.x, second: (await secondCell.boundingBox())!.x };
    expect(after.second).toBeLessThan(before.second - 150); // the table moved…
    expect(Math.abs(after.first - before.first)).toBeLessThan(1); // …its row names did not
    // The scrolled-under columns are hidden behind the sticky one, not drawn through it.
    expect(await firstCell.evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  });
});

describe('dark system theme', () => {
  it('with JavaScript off, a page follows the system: dark page, dark code colours', async () => {
    const page = await open('/python/pandas-and-numpy/', { colorScheme: 'dark', javaScriptEnabled: false });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 19, 24)');
    expect(await page.locator('.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(13, 17, 23)');
    const light = await open('/python/pandas-and-numpy/', { colorScheme: 'light', javaScriptEnabled: false });
    expect(await light.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await light.locator('.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  });

  it("with JavaScript on, the reader's choice wins over the system's", async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    await context.addInitScript(() => localStorage.setItem('theme', 'light'));
    const page = await context.newPage();
    await page.goto(new URL('python/pandas-and-numpy/', server.url).href);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const token = page.locator('.astro-code span[class]').first();
    const lightColour = await token.evaluate((el) => getComputedStyle(el).color);
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 19, 24)');
    expect(await token.evaluate((el) => getComputedStyle(el).color)).not.toBe(lightColour);
  });
});

describe('ticks and stars stay with their words', () => {
  it('the learned tick in the sidebar stays on the row of its label, however the label wraps', async () => {
    const page = await open('/python/fundamentals/', DESKTOP);
    const result = await page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('.nav-entries a')!;
      const text = a.firstChild as Text;
      const lines = () => [...(() => { const r = document.createRange(); r.selectNodeContents(text); return r.getClientRects(); })()];
      // A label that just fills its row: one more word would wrap it.
      const words = 'Reading and writing files with the standard library and more words still'.split(' ');
      let label = '';
      for (const w of words) {
        text.data = label ? `${label} ${w}` : w;
        if (new Set(lines().map((l) => Math.round(l.top))).size > 1) break;
        label = text.data;
      }
      text.data = label;
      a.classList.add('learned');
      const last = lines().at(-1)!;
      return { linkBottom: a.getBoundingClientRect().bottom, textBottom: last.bottom, tick: getComputedStyle(a, '::after').content };
    });
    expect(result.tick).toContain('✓');
    // With the tick on a line of its own, the link would be a line taller than its text.
    expect(result.linkBottom - result.textBottom).toBeLessThan(8);
  });

  it("on a phone, a heading that wraps keeps its star on its last line, beside the #", async () => {
    const page = await open('/python/pandas-and-numpy/', PHONE);
    await page.locator('.prose .heading .lib-save').first().waitFor();
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.prose .heading')].map((row) => {
        const h = row.querySelector('h2, h3')!;
        const r = document.createRange();
        r.selectNodeContents(h.querySelector('a.anchor')!);
        const lines = [...r.getClientRects()];
        const star = row.querySelector('.lib-save')!.getBoundingClientRect();
        return { lines: new Set(lines.map((l) => Math.round(l.top))).size, last: lines.at(-1)!, star: { top: star.top, bottom: star.bottom } };
      }));
    const wrapped = rows.filter((r) => r.lines > 1);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const r of wrapped) {
      const middle = (r.star.top + r.star.bottom) / 2;
      expect(middle).toBeGreaterThan(r.last.top);
      expect(middle).toBeLessThan(r.last.bottom);
    }
  });
});

describe('shareable anchors', () => {
  it('an old numbered anchor lands on the same heading as its new name', async () => {
    for (const [old, now] of [['limits-and-defaults-that-bite-1', 'lambda-limits'], ['what-it-is-3', 'eks-what-it-is']] as const) {
      const page = await open(`/aws/compute/#${old}`, DESKTOP);
      // The browser scrolls to the fragment once the page has laid out; poll rather than read it once.
      const top = () => page.locator(`#${now}`).evaluate((h) => h.getBoundingClientRect().top);
      await expect.poll(top, { message: `#${old}` }).toBeGreaterThan(40);
      await expect.poll(top, { message: `#${old}` }).toBeLessThan(120);
    }
  });
});

describe('home page', () => {
  it('leaves no hole in its card grid: the last row of cards fills the width, on a desktop and a tablet', async () => {
    for (const width of [1280, 1000, 390]) {
      const page = await open('/', { viewport: { width, height: 900 } });
      const { row, list } = await page.evaluate(() => {
        const cards = [...document.querySelectorAll('.track-card')].map((c) => c.getBoundingClientRect());
        const lastTop = Math.max(...cards.map((c) => c.top));
        const last = cards.filter((c) => Math.abs(c.top - lastTop) < 1);
        return { row: Math.max(...last.map((c) => c.right)) - Math.min(...last.map((c) => c.left)), list: document.querySelector('.track-cards')!.getBoundingClientRect().width };
      });
      expect(row, `${width}px`).toBeGreaterThan(list - 2);
    }
  });
});
