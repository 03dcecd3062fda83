/**
 * Spaced review in Chromium against the built site, with the browser's clock under the test's control
 * (Playwright's clock): a session graded with the keys, cards leaving today's queue, surviving a reload and
 * coming back due days later; the header's and home page's "N due" without the scheduler; grading a question
 * on its entry page; decks in the URL; the daily new-card limit.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browser, server, openSiteSession } from '../helpers/site-session';

openSiteSession();

const MIN = 60_000;
const DAY = 86_400_000;
// 9:00 local time on a Wednesday: the test's "today".
const T0 = new Date(2026, 11, 2, 9).getTime();
const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;
const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('fg-library') ?? 'null'));
/** The scheduler's chunk (src/lib/review.ts with ts-fsrs). */
const SCHEDULER = /\/_astro\/review\.[\w-]+\.js$/;

type Watched = Page & { errors: string[]; scripts: string[] };
async function open(context: BrowserContext, path: string): Promise<Watched> {
  const page = (await context.newPage()) as Watched;
  page.errors = [];
  page.scripts = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('request', (r) => page.scripts.push(new URL(r.url()).pathname));
  await page.goto(url(path));
  return page;
}
async function atTime(t: number) {
  const context = await browser.newContext();
  await context.clock.install({ time: t });
  await context.clock.setFixedTime(t);
  return context;
}

describe('a review session with a controlled clock', () => {
  it('reviews with Space and 1–4, shows when each grade brings a card back, and cards leave today\'s queue, survive a reload and come back due', async () => {
    const context = await atTime(T0);
    const page = await open(context, '/flashcards/?concept=kafka/partitions');
    const due = page.locator('[data-fc-due]');
    const start = page.locator('[data-fc-start]');
    const progress = page.locator('[data-fc-progress]');
    const keys = await page.locator('.fc-card[data-page="kafka/partitions"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
    expect(keys.length).toBe(5);
    await expect.poll(() => due.textContent()).toBe('0 due');
    expect(await page.locator('[data-fc-next]').textContent()).toBe('· 5 new today');
    expect(await start.textContent()).toBe('Review 5 cards');
    // The deck is in the URL, and only its cards are listed.
    expect(await page.getByLabel('Concept').inputValue()).toBe('kafka/partitions');
    expect(await page.locator('.fc-card:not([hidden])').count()).toBe(5);
    // Nothing has loaded the scheduler yet.
    expect(page.scripts.filter((s) => SCHEDULER.test(s))).toEqual([]);

    await start.click();
    await expect.poll(() => progress.textContent()).toBe('Card 1 of 5 · new card'); // its module loads on the click
    const question = await page.locator('[data-fc-q]').textContent();
    expect(question).toBe(await page.locator(`.fc-card[data-key="${keys[0]}"] .fc-text`).textContent());
    expect(await page.locator('[data-fc-a]').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await page.locator('[data-fc-grades]').waitFor();
    // The answer as its page renders it, and each grade's next interval (ts-fsrs repeat() for a new card).
    expect(await page.locator('[data-fc-a]').innerHTML()).toBe(await page.locator(`.fc-card[data-key="${keys[0]}"] .question-answer`).innerHTML());
    expect(await page.locator('[data-fc-grades] button').allTextContents()).toEqual(['Again 1m 1', 'Hard 6m 2', 'Good 10m 3', 'Easy 8d 4']);
    await page.keyboard.press('4');
    // Easy: the card leaves today's queue for 8 days.
    expect(await progress.textContent()).toBe('Card 2 of 5 · new card');
    expect((await stored(page)).reviews[keys[0]!]).toMatchObject({ due: T0 + 8 * DAY, state: 2 });
    // Again: it comes back in this session.
    await page.keyboard.press('Space');
    await page.keyboard.press('1');
    expect(await progress.textContent()).toBe('Card 3 of 6 · new card');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
    }
    // The card graded Again, a minute later: now in learning, no longer new.
    await context.clock.setFixedTime(T0 + 2 * MIN);
    expect(await progress.textContent()).toBe('Card 6 of 6');
    expect(await page.locator('[data-fc-q]').textContent()).toBe(await page.locator(`.fc-card[data-key="${keys[1]}"] .fc-text`).textContent());
    // Good would bring it back in 10 minutes, in this session again (within the 20-minute learn-ahead).
    await page.keyboard.press('Space');
    expect(await page.locator('[data-fc-grades] button').nth(2).textContent()).toBe('Good 10m 3');
    await page.keyboard.press('3');
    expect(await progress.textContent()).toBe('Card 7 of 7');
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await expect.poll(() => page.locator('[data-fc-result]').textContent()).toBe('Session done: 7 reviews saved.');
    expect(await page.locator('[data-fc-session]').isVisible()).toBe(false);
    expect(await due.textContent()).toBe('0 due');
    expect(await start.isDisabled()).toBe(true);
    const lib = await stored(page);
    expect(Object.keys(lib.reviews).sort()).toEqual([...keys].sort());
    expect(lib.log.map((e: { r: number }) => e.r)).toEqual([4, 1, 4, 4, 4, 3, 4]);
    const dues = Object.values(lib.reviews as Record<string, { due: number }>).map((r) => r.due);
    expect(Math.min(...dues)).toBeGreaterThan(T0 + 2 * MIN + 20 * MIN); // nothing left for today

    // A reload: still nothing due, the day's reviews counted.
    await page.reload();
    await expect.poll(() => page.locator('[data-fc-streak]').textContent()).toBe('7 of 20 reviews today');
    expect(await due.textContent()).toBe('0 due');
    expect(await page.locator('header [data-lib-due]').isVisible()).toBe(false);

    // Eight days later the Easy cards are due again: on the page, in the concept's option and in the header.
    await context.clock.setFixedTime(T0 + 8 * DAY + MIN);
    await page.reload();
    const expected = dues.filter((d) => d <= T0 + 8 * DAY + MIN).length;
    expect(expected).toBeGreaterThanOrEqual(4);
    await expect.poll(() => due.textContent()).toBe(`${expected} due`);
    expect(await page.locator('header [data-lib-due]').textContent()).toBe(`${expected} due`);
    expect(await page.locator('select[name="concept"] option[value="kafka/partitions"]').textContent()).toBe(`Partitions (${expected} due)`);
    await start.click();
    await expect.poll(() => progress.textContent()).toBe(`Card 1 of ${expected}`);
    // A card reviewed before shows its longer intervals.
    await page.keyboard.press('Space');
    const easy = await page.locator('[data-fc-grades] button').nth(3).textContent();
    expect(easy).toMatch(/^Easy (\d+d|\d+mo) 4$/);
    expect(Number(/(\d+)d/.exec(easy!)?.[1] ?? 99)).toBeGreaterThan(8);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('limits new cards per day, as the reader sets it, until the next day', async () => {
    const context = await atTime(T0);
    const page = await open(context, '/flashcards/?track=python');
    await page.locator('summary', { hasText: 'Daily limits' }).click();
    const limit = page.getByLabel('New cards a day');
    await expect.poll(() => limit.inputValue()).toBe('10');
    await limit.fill('2');
    await limit.press('Enter');
    await limit.blur();
    await expect.poll(() => page.locator('[data-fc-start]').textContent()).toBe('Review 2 cards');
    await page.locator('[data-fc-start]').click();
    await page.locator('[data-fc-session]').waitFor();
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
    }
    await expect.poll(() => page.locator('[data-fc-start]').textContent()).toBe('Nothing to review now');
    // The next morning, two more new cards.
    await context.clock.setFixedTime(T0 + DAY);
    await page.reload();
    await expect.poll(() => page.locator('[data-fc-start]').textContent()).toBe('Review 2 cards');
    expect((await stored(page)).prefs).toMatchObject({ newPerDay: 2, goal: 20 });
    // The track filter is in the URL.
    expect(new URL(page.url()).search).toBe('?track=python');
    await context.close();
  });

  it('counts a streak that forgives one missed day, quietly', async () => {
    const context = await atTime(T0);
    const log = [-4, -3, -1].flatMap((d) => [0, 1].map((i) => ({ k: 'kafka/topics#topics-what', r: 3, at: T0 + d * DAY + i * MIN, st: 2 })));
    await context.addInitScript((l) => localStorage.getItem('fg-library') || localStorage.setItem('fg-library', l),
      JSON.stringify({ version: 2, bookmarks: {}, progress: {}, cards: {}, notes: {}, log, prefs: { newPerDay: 10, goal: 2, at: 1 } }));
    const page = await open(context, '/flashcards/');
    await expect.poll(() => page.locator('[data-fc-streak]').textContent()).toBe('0 of 2 reviews today · 3-day streak');
    // The chart is drawn (inline SVG, no library), with a summary a screen reader gets.
    await expect.poll(() => page.locator('[data-fc-chart] svg rect').count()).toBe(3);
    expect(await page.locator('[data-fc-chart] svg').getAttribute('aria-label')).toBe('6 reviews in the last 30 days, 100% of learned cards recalled on average.');
    await context.close();
  });
});

describe('due counts outside /flashcards/', () => {
  it('shows "N due" in the header and on the home page from the stored due dates, without loading the scheduler', async () => {
    const context = await atTime(T0);
    await context.addInitScript((l) => localStorage.getItem('fg-library') || localStorage.setItem('fg-library', l), JSON.stringify({
      version: 2, bookmarks: {}, progress: {}, cards: {}, notes: {},
      reviews: {
        'kafka/topics#a': { due: T0 - MIN, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, sd: 1, at: T0 - DAY },
        'kafka/topics#b': { due: T0 + DAY, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, sd: 1, at: T0 - DAY },
      },
    }));
    const page = await open(context, '/kafka/topics/');
    const header = page.locator('header a[href$="/flashcards/"]');
    await expect.poll(() => header.locator('[data-lib-due]').textContent()).toBe('1 due');
    expect(await header.textContent()).toMatch(/Flashcards\s*1 due/);
    await page.goto(url('/'));
    const home = page.locator('[data-lib-due-box]');
    await expect.poll(() => home.isVisible()).toBe(true);
    expect(await home.textContent()).toBe('Flashcards: 1 due, review them now');
    await Promise.all([page.waitForURL(/\/flashcards\/$/), home.locator('a').click()]);
    await context.clock.setFixedTime(T0 + 2 * DAY);
    await page.goto(url('/python/'));
    await expect.poll(() => page.locator('header [data-lib-due]').textContent()).toBe('2 due');
    expect(page.scripts.filter((s) => SCHEDULER.test(s))).toEqual([]);
    await context.close();
  });
  it('shows no count and keeps the plain link when nothing is due', async () => {
    const context = await atTime(T0);
    const page = await open(context, '/kafka/topics/');
    const header = page.locator('header a[href$="/flashcards/"]');
    expect((await header.textContent())!.trim()).toBe('Flashcards');
    expect(await header.locator('[data-lib-due]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('grading a question on its page', () => {
  it('offers the four grades once a question is opened (the code loads then), and puts the card in the queue', async () => {
    const context = await atTime(T0);
    const page = await open(context, '/kafka/partitions/');
    await page.waitForLoadState('networkidle');
    expect(page.scripts.filter((s) => /review/.test(s))).toEqual([]);
    const question = page.locator('details.question#partitions-why');
    await question.locator('summary').click();
    const grades = question.getByRole('group', { name: /How well did you know it/ });
    await grades.waitFor();
    expect(await grades.locator('button').allTextContents()).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 8d']);
    expect(page.scripts.filter((s) => SCHEDULER.test(s))).toHaveLength(1);
    await grades.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(() => question.locator('.lib-msg').textContent()).toBe('Saved in your flashcards: back in 10m.');
    const lib = await stored(page);
    expect(lib.reviews['kafka/partitions#partitions-why']).toMatchObject({ due: T0 + 10 * MIN, state: 1 });
    expect(lib.log).toEqual([{ k: 'kafka/partitions#partitions-why', r: 3, at: T0, st: 0 }]);
    // The buttons now say when a second grade would bring it back.
    expect(await grades.locator('button').nth(2).textContent()).not.toBe('Good 10m');
    // Ten minutes later it is due on /flashcards/ and in the header.
    await context.clock.setFixedTime(T0 + 11 * MIN);
    await page.goto(url('/flashcards/?concept=kafka/partitions'));
    await expect.poll(() => page.locator('[data-fc-due]').textContent()).toBe('1 due');
    expect(await page.locator('header [data-lib-due]').textContent()).toBe('1 due');
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
