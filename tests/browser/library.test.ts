/**
 * The reader's library in Chromium against the built site: what a reader sees when they save pages and
 * sections, mark pages learned, write notes, drill flashcards, export and import, and what happens when
 * storage is corrupt, from an older version, disabled, or JavaScript is off.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browser, server, openSiteSession } from '../helpers/site-session';
import { axeViolations } from '../helpers/axe';
import { DIST, sourceEntries } from '../helpers/dist';

const kafkaTotal = sourceEntries().filter((e) => e.track === 'kafka').length;

openSiteSession();

type Watched = Page & { errors: string[] };
async function open(context: BrowserContext, path: string): Promise<Watched> {
  const page = (await context.newPage()) as Watched;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  return page;
}
const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;
const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('fg-library') ?? 'null'));
const pressed = (page: Page, selector: string) => page.locator(selector).getAttribute('aria-pressed');
const sectionButton = (page: Page, id: string) => page.locator(`button[data-lib-section="${id}"]`);

describe('first visit', () => {
  /** The library code's chunk (library.ts), which a first visit loads only when a control is used. */
  const LIBRARY_CODE = /\/_astro\/library\.[\w-]+\.js$/;
  const libraryCode = (page: Page) => {
    const scripts: string[] = [];
    page.on('request', (r) => { if (LIBRARY_CODE.test(new URL(r.url()).pathname)) scripts.push(r.url()); });
    return scripts;
  };
  /** A slow network for the library code: it arrives 800 ms after it is asked for. */
  const slowLibraryCode = (context: BrowserContext) => context.route(LIBRARY_CODE, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  it('loads the library code only when a control is used, and that one click counts', async () => {
    const context = await browser.newContext();
    const page = (await context.newPage()) as Watched;
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    const scripts = libraryCode(page);
    await page.goto(url('/kafka/partitions/'), { waitUntil: 'networkidle' });
    expect(await page.locator('.nav-count').first().textContent()).toMatch(/^0 \/ \d+$/);
    expect(scripts).toEqual([]);
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => pressed(page, '[data-lib-save]')).toBe('true');
    expect(scripts).toHaveLength(1);
    expect(Object.keys((await stored(page)).bookmarks)).toEqual(['kafka/partitions']);
    expect(page.errors).toEqual([]);
    await context.close();
  });
  it('counts every control used while the library code loads, in order', async () => {
    const context = await browser.newContext();
    // A slow network: the library code arrives well after the three clicks.
    await slowLibraryCode(context);
    const page = await open(context, '/kafka/partitions/');
    await page.getByRole('button', { name: 'Save page' }).click();
    await page.locator('.lib-actions [data-lib-learned]').click();
    await sectionButton(page, 'why-it-exists').click();
    await expect.poll(() => pressed(page, '.lib-actions [data-lib-learned]')).toBe('true');
    await expect.poll(() => pressed(page, '[data-lib-section="why-it-exists"]')).toBe('true');
    const lib = await stored(page);
    expect(Object.keys(lib.bookmarks).sort()).toEqual(['kafka/partitions', 'kafka/partitions#why-it-exists']);
    expect(lib.progress['kafka/partitions'].on).toBe(true);
    await context.close();
  });
  it('keeps a note typed before the library code loaded, and the note open', async () => {
    const context = await browser.newContext();
    await slowLibraryCode(context);
    const page = await open(context, '/kafka/partitions/');
    await page.locator('details.lib-note summary').click();
    await page.locator('#lib-note-text').pressSequentially('first words');
    await expect.poll(async () => (await stored(page))?.notes?.['kafka/partitions']?.text).toBe('first words');
    expect(await page.locator('details.lib-note').getAttribute('open')).not.toBeNull();
    await context.close();
  });
  it('leaves the note open when the library code arrives while the reader is about to write', async () => {
    const context = await browser.newContext();
    await slowLibraryCode(context);
    const page = await open(context, '/kafka/topics/');
    await page.locator('details.lib-note summary').click();
    await page.locator('#lib-note-text').focus(); // starts loading the library code; nothing typed yet
    await page.waitForFunction(() => 'libReady' in document.querySelector<HTMLElement>('[data-lib-page]')!.dataset);
    expect(await page.locator('details.lib-note').getAttribute('open')).not.toBeNull();
    await context.close();
  });
  it('records the page read when the reader leaves it, without loading the library code', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = libraryCode(page);
    await page.goto(url('/kafka/offsets/'), { waitUntil: 'networkidle' });
    expect(scripts).toEqual([]);
    expect(await stored(page)).toBeNull();
    await page.goto(url('/'));
    const cont = page.locator('[data-lib-continue]');
    await expect.poll(() => cont.isVisible()).toBe(true);
    expect(await cont.locator('a').textContent()).toBe('Offsets');
    expect(new URL((await cont.locator('a').getAttribute('href'))!, server.url).pathname).toBe('/kafka/offsets/');
    expect(scripts.length).toBe(1); // on the home page, which now finds a library
    await context.close();
  });
  it('keeps a use even when the library code cannot load, and the controls work once it can', async () => {
    const context = await browser.newContext();
    let block = true;
    await context.route(LIBRARY_CODE, (route) => (block ? route.abort() : route.continue()));
    const page = await context.newPage();
    await page.goto(url('/kafka/partitions/'));
    const save = page.getByRole('button', { name: 'Save page' });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    expect(Object.keys((await stored(page)).bookmarks)).toEqual(['kafka/partitions']);
    block = false;
    await page.locator('.lib-actions [data-lib-learned]').click();
    await page.waitForFunction(() => 'libReady' in document.querySelector<HTMLElement>('[data-lib-page]')!.dataset);
    expect((await stored(page)).progress['kafka/partitions']).toMatchObject({ on: true });
    await save.click(); // now handled by the library code: unsaves
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
    expect((await stored(page)).bookmarks).toEqual({});
    await context.close();
  });
  it('keeps "Save page" clicked just before following a link while the library code is still loading', async () => {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      // The library code does not arrive before the reader leaves.
      await context.route(LIBRARY_CODE, async (route) => {
        await new Promise((r) => setTimeout(r, 3000));
        await route.continue().catch(() => {});
      });
      const page = await context.newPage();
      await page.goto(url('/kafka/partitions/'));
      await page.getByRole('button', { name: 'Save page' }).click();
      await Promise.all([page.waitForURL(/\/kafka\/offsets\/$/), page.locator('.pager a[rel="next"]').click()]);
      expect(Object.keys((await stored(page))?.bookmarks ?? {}), `try ${i + 1}`).toEqual(['kafka/partitions']);
      await context.close();
    }
  });
});

describe('bookmarks', () => {
  it('saves and unsaves a page and a section, shows them on /library/ by track, and keeps them across reloads', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/kafka/partitions/');
    const save = page.getByRole('button', { name: 'Save page' });
    await save.waitFor();
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    const section = page.getByRole('button', { name: 'Save section: Why it exists' });
    expect(await section.isVisible()).toBe(true);
    await section.click();
    await expect.poll(() => section.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await expect.poll(() => pressed(page, '[data-lib-save]')).toBe('true');
    expect(await sectionButton(page, 'why-it-exists').getAttribute('aria-pressed')).toBe('true');
    expect(await sectionButton(page, 'partitions-and-consumers').getAttribute('aria-pressed')).toBe('false');

    await page.goto(url('/library/'));
    const kafka = page.getByRole('region', { name: 'Kafka bookmarks' });
    await expect.poll(() => kafka.locator('li').count()).toBe(2);
    const links = await kafka.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash]));
    expect(links).toEqual([['Partitions', '/kafka/partitions/'], ['Partitions › Why it exists', '/kafka/partitions/#why-it-exists']]);
    expect(await page.getByText('Nothing saved yet').isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Remove bookmark: Partitions › Why it exists' }).click();
    await expect.poll(() => kafka.locator('li').count()).toBe(1);
    await page.reload();
    await expect.poll(() => kafka.locator('a').allTextContents()).toEqual(['Partitions']);

    await page.goto(url('/kafka/partitions/'));
    await expect.poll(() => pressed(page, '[data-lib-save]')).toBe('true');
    expect(await sectionButton(page, 'why-it-exists').getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => pressed(page, '[data-lib-save]')).toBe('false');
    expect(await stored(page)).toMatchObject({ version: 2, bookmarks: {} });
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('saves an AWS service section and an interview question (both h2s)', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/aws/compute/');
    const lambda = page.getByRole('button', { name: 'Save section: Lambda', exact: true });
    await lambda.click();
    await expect.poll(() => lambda.getAttribute('aria-pressed')).toBe('true');
    await page.goto(url('/kafka/interview-questions/'));
    const hw = page.getByRole('button', { name: 'Save section: What is the High Watermark?' });
    await hw.click();
    await expect.poll(() => hw.getAttribute('aria-pressed')).toBe('true');
    await page.goto(url('/library/'));
    await expect.poll(() => page.getByRole('region', { name: 'AWS bookmarks' }).locator('a').allTextContents()).toEqual([expect.stringMatching(/ › Lambda$/)]);
    expect(await page.getByRole('region', { name: 'Kafka bookmarks' }).locator('a').allTextContents()).toEqual(['Kafka interview questions › What is the High Watermark?']);
    await context.close();
  });
});

describe('two tabs', () => {
  it('an edit in one tab does not undo what another tab saved', async () => {
    const context = await browser.newContext();
    const a = await open(context, '/kafka/partitions/');
    const b = await open(context, '/kafka/partitions/');
    await a.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => pressed(b, '[data-lib-save]')).toBe('true');
    await b.locator('.lib-actions [data-lib-learned]').click();
    await expect.poll(async () => (await stored(a)).progress['kafka/partitions']?.on).toBe(true);
    expect(Object.keys((await stored(a)).bookmarks)).toEqual(['kafka/partitions']);
    await context.close();
  });
});

describe('two tabs: notes', () => {
  it('a note edited in another tab is followed here, never overwritten by this tab\'s older text', async () => {
    const context = await browser.newContext();
    const a = await open(context, '/kafka/partitions/');
    const b = await open(context, '/kafka/partitions/');
    const note = (p: Page) => p.getByLabel('Private note, saved in this browser as you type');
    await a.locator('details.lib-note').evaluate((d: HTMLDetailsElement) => (d.open = true));
    await note(a).fill('first');
    await expect.poll(async () => (await stored(a))?.notes['kafka/partitions']?.text).toBe('first');
    await b.locator('details.lib-note').evaluate((d: HTMLDetailsElement) => (d.open = true));
    await expect.poll(() => note(b).inputValue()).toBe('first');
    await note(b).fill('first, then second');
    await expect.poll(async () => (await stored(b)).notes['kafka/partitions'].text).toBe('first, then second');
    // The first tab shows the second tab's text, and typing there adds to it.
    await expect.poll(() => note(a).inputValue()).toBe('first, then second');
    await note(a).press('End');
    await note(a).pressSequentially(' and third');
    await expect.poll(async () => (await stored(a)).notes['kafka/partitions'].text).toBe('first, then second and third');
    await expect.poll(() => note(b).inputValue()).toBe('first, then second and third');
    expect([...a.errors, ...b.errors]).toEqual([]);
    await context.close();
  });
});

describe('progress', () => {
  it('continues with the first entry not learned after the last one learned, on the home page and the track card', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/python/fundamentals/');
    await page.locator('.lib-actions [data-lib-learned]').click();
    await expect.poll(() => pressed(page, '.lib-actions [data-lib-learned]')).toBe('true');
    // The entry ends with the same mark and the next entry.
    const end = page.locator('.lib-end');
    expect(await end.locator('[data-lib-learned]').getAttribute('aria-pressed')).toBe('true');
    expect(await end.locator('a').textContent()).toBe('Next: Data structures');
    await Promise.all([page.waitForURL(/\/python\/data-structures\/$/), end.locator('a').click()]);
    await page.locator('.lib-end [data-lib-learned]').click();
    await expect.poll(() => pressed(page, '.lib-actions [data-lib-learned]')).toBe('true');
    await page.goto(url('/'));
    const cont = page.locator('[data-lib-continue] a');
    await expect.poll(() => cont.textContent()).toBe('stage 3 · Environments and projects');
    expect(new URL((await cont.getAttribute('href'))!, server.url).pathname).toBe('/python/environments-and-projects/');
    const card = page.locator('.track-card', { has: page.locator('#python') }).locator('.start-link');
    expect(await card.textContent()).toBe('Continue with stage 3 · Environments and projects →');
    expect(new URL((await card.getAttribute('href'))!, server.url).pathname).toBe('/python/environments-and-projects/');
    // A track not started keeps its "Start with".
    expect(await page.locator('.track-card', { has: page.locator('#kafka') }).locator('.start-link').textContent()).toMatch(/^Start with /);
    await context.close();
  });

  it('does not count marks for pages the site does not have, and removes them from the library', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      if (!localStorage.getItem('fg-library')) {
        localStorage.setItem('fg-library', JSON.stringify({ version: 1, bookmarks: {}, progress: { 'kafka/gone': { on: true, at: 1 }, 'kafka/topics': { on: true, at: 2 } }, cards: {}, notes: {} }));
      }
    });
    const page = await open(context, '/kafka/');
    await expect.poll(() => page.locator('.lib-progress').textContent()).toBe(`1 of ${kafkaTotal} learned`);
    await page.goto(url('/library/'));
    const line = page.locator('.lib-tracks li', { hasText: 'Kafka' });
    await expect.poll(() => line.locator('[data-lib-count]').textContent()).toBe(`1 of ${kafkaTotal} learned`);
    const orphans = page.locator('[data-list="orphans"] li');
    await expect.poll(() => orphans.allTextContents()).toEqual([expect.stringMatching(/^kafka\/gone Remove/)]);
    await page.getByRole('button', { name: 'Remove learned mark for kafka/gone' }).click();
    await expect.poll(async () => Object.keys((await stored(page)).progress)).toEqual(['kafka/topics']);
    await expect.poll(() => page.locator('.lib-orphans').isVisible()).toBe(false);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('marks a page learned: the sidebar, the track page and /library/ count it; reset per track clears it', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/kafka/partitions/');
    const sidebarCount = page.locator('.nav-track a[href$="/kafka/"] .nav-count');
    await expect.poll(() => sidebarCount.textContent()).toBe(`0 / ${kafkaTotal}`);
    await page.locator('.lib-actions [data-lib-learned]').click();
    await expect.poll(() => sidebarCount.textContent()).toBe(`1 / ${kafkaTotal}`);
    expect(await pressed(page, '.lib-actions [data-lib-learned]')).toBe('true');
    await expect.poll(() => page.locator('.nav-entries a[aria-current="page"]').getAttribute('class')).toContain('learned');

    await page.goto(url('/kafka/'));
    await expect.poll(() => page.locator('.lib-progress').textContent()).toBe(`1 of ${kafkaTotal} learned`);
    // The counts (library-core.ts) and the ticks (library.ts) come from two modules, which may run a moment apart.
    await expect.poll(() => page.locator('.track-path a[href$="/kafka/partitions/"]').getAttribute('class')).toContain('learned');

    await page.goto(url('/library/'));
    const line = page.locator('.lib-tracks li', { hasText: 'Kafka' });
    await expect.poll(() => line.locator('[data-lib-count]').textContent()).toBe(`1 of ${kafkaTotal} learned`);
    await page.getByRole('button', { name: 'Reset Kafka progress' }).click();
    await expect.poll(() => line.locator('[data-lib-count]').textContent()).toBe(`0 of ${kafkaTotal} learned`);
    await page.goto(url('/kafka/partitions/'));
    await expect.poll(() => sidebarCount.textContent()).toBe(`0 / ${kafkaTotal}`);
    expect(await pressed(page, '.lib-actions [data-lib-learned]')).toBe('false');
    await context.close();
  });

  it('offers "continue where you left off" on the home page, pointing at the last page read', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/');
    expect(await page.locator('[data-lib-continue]').isVisible()).toBe(false);
    await page.goto(url('/kafka/offsets/'));
    await page.goto(url('/python/testing/'));
    // A library is stored now, so the library code records the page once it has loaded (then marks the article).
    await page.locator('article[data-lib-ready]').waitFor();
    const testing = await page.locator('h1').textContent();
    await page.goto(url('/'));
    const link = page.locator('[data-lib-continue] a');
    await link.waitFor();
    expect(await link.textContent()).toBe(testing);
    await Promise.all([page.waitForURL(/\/python\/testing\/$/), link.click()]);
    await context.close();
  });
});

describe('notes', () => {
  it('saves a note as you type, keeps it across reloads and lists it in the library', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/kafka/offsets/');
    const note = page.locator('details.lib-note');
    await note.locator('summary').click();
    const area = page.getByLabel('Private note, saved in this browser as you type');
    await area.pressSequentially('Ask about __consumer_offsets');
    await expect.poll(() => page.locator('.lib-note .lib-msg').textContent()).toBe('Note saved.');
    await page.reload();
    await expect.poll(() => page.getByLabel('Private note, saved in this browser as you type').inputValue()).toBe('Ask about __consumer_offsets');
    expect(await note.getAttribute('open')).not.toBeNull();
    await page.goto(url('/library/'));
    const item = page.locator('.lib-notes li');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('a').textContent()).toBe(await (async () => sourceEntries().find((e) => e.track === 'kafka' && e.id === 'offsets')!.title)());
    expect(await item.locator('p').textContent()).toBe('Ask about __consumer_offsets');
    expect(page.errors).toEqual([]);
    await context.close();
  });
});

describe('flashcards', () => {
  it('every card links to an anchor that exists on its page', () => {
    const html = readFileSync(join(DIST, 'flashcards/index.html'), 'utf8');
    const links = [...html.matchAll(/class="fc-source"><a href="\/([^"#]+)\/#([^"]+)"/g)];
    expect(links.length).toBeGreaterThan(100);
    for (const [, page, anchor] of links) expect(readFileSync(join(DIST, page!, 'index.html'), 'utf8'), `${page}#${anchor}`).toContain(`id="${anchor}"`);
  });
});

describe('export and import', () => {
  it('exports everything to a file and imports it into a fresh browser, reporting what was merged', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await open(context, '/kafka/partitions/');
    await page.getByRole('button', { name: 'Save page' }).click();
    await page.locator('.lib-actions [data-lib-learned]').click();
    await page.locator('details.lib-note summary').click();
    await page.getByLabel('Private note, saved in this browser as you type').fill('keys keep order');
    await expect.poll(() => page.locator('.lib-note .lib-msg').textContent()).toBe('Note saved.');
    await page.goto(url('/library/'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^field-guide-library-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(tmpdir(), `fg-export-${process.pid}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ version: 2, bookmarks: { 'kafka/partitions': { title: 'Partitions' } }, progress: { 'kafka/partitions': { on: true } } });
    await context.close();

    const fresh = await browser.newContext();
    const other = await open(fresh, '/library/');
    await other.getByLabel('Import a library file').setInputFiles(file);
    await expect.poll(() => other.locator('.lib-import + .lib-msg').textContent())
      .toBe(`Imported ${file.split('/').pop()}: 1 bookmark, 1 progress mark, 0 card marks, 1 note, 0 card schedules, 0 reviews added or updated.`);
    await expect.poll(() => other.getByRole('region', { name: 'Kafka bookmarks' }).locator('a').allTextContents()).toEqual(['Partitions']);
    expect(await other.locator('.lib-notes p').textContent()).toBe('keys keep order');
    await other.goto(url('/kafka/partitions/'));
    await expect.poll(() => pressed(other, '.lib-actions [data-lib-learned]')).toBe('true');
    expect(other.errors).toEqual([]);
    await fresh.close();
  });

  it('rejects a malformed file with a clear message and changes nothing', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/kafka/topics/');
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => pressed(page, '[data-lib-save]')).toBe('true');
    await page.goto(url('/library/'));
    const before = await stored(page);
    const bad = join(tmpdir(), `fg-bad-${process.pid}.json`);
    writeFileSync(bad, '{"bookmarks": {"kafka/acls": ');
    await page.getByLabel('Import a library file').setInputFiles(bad);
    const name = bad.split('/').pop();
    const message = page.locator('.lib-import + .lib-msg');
    await expect.poll(() => message.textContent()).toBe(`Could not import ${name}: it is not valid JSON (it ends too early, at line 1, column 30), so nothing was imported.`);
    expect(await message.getAttribute('class')).toContain('lib-error');
    writeFileSync(bad, '{"version": 7, "bookmarks": {}}');
    await page.getByLabel('Import a library file').setInputFiles(bad);
    await expect.poll(() => message.textContent()).toBe(`Could not import ${name}: it is from a newer version of the site (version 7); nothing was imported.`);
    // Every record malformed: a refusal that names the fields, not a success with "2 skipped".
    writeFileSync(bad, JSON.stringify({ version: 1, bookmarks: { 'kafka/acls': { title: 'ACLs' } }, progress: { 'kafka/acls': { on: 'yes', at: 1 } } }));
    await page.getByLabel('Import a library file').setInputFiles(bad);
    await expect.poll(() => message.textContent()).toBe(
      `Could not import ${name}: none of its 2 records could be read (bookmarks "kafka/acls": field "at" is missing; progress "kafka/acls": field "on" is not a boolean), so nothing was imported.`,
    );
    expect(await message.getAttribute('class')).toContain('lib-error');
    // A 20 MB file: too large, said before it is read, not "storage is full".
    const big = join(tmpdir(), `fg-big-${process.pid}.json`);
    writeFileSync(big, `{"version":2,"notes":{},"pad":"${'x'.repeat(20 * 1024 * 1024)}"}`);
    await page.getByLabel('Import a library file').setInputFiles(big);
    await expect.poll(() => message.textContent()).toBe(`Could not import ${big.split('/').pop()}: the file is 20.0 MB, too large for a library export (at most 5 MB), so nothing was imported.`);
    expect(await message.getAttribute('class')).toContain('lib-error');
    expect(await stored(page)).toEqual(before);
    expect(await page.getByRole('region', { name: 'Kafka bookmarks' }).locator('a').allTextContents()).toEqual(['Topics']);
    await context.close();
  });
});

describe('robust storage', () => {
  it('sets corrupt storage aside without breaking pages, reports it in the library, and offers download and discard', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await open(context, '/kafka/partitions/');
    await page.evaluate(() => localStorage.setItem('fg-library', '{"version":1,"bookmarks":'));
    await page.reload();
    await page.getByRole('button', { name: 'Save page' }).click();
    await expect.poll(() => pressed(page, '[data-lib-save]')).toBe('true');
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys).toEqual(['fg-library', expect.stringMatching(/^fg-library-corrupt-\d+$/)]);
    await page.goto(url('/library/'));
    const aside = page.locator('.lib-aside');
    await aside.waitFor();
    expect(await aside.locator('li').textContent()).toMatch(/^Library data that could not be read, found on /);
    const [download] = await Promise.all([page.waitForEvent('download'), aside.getByRole('button', { name: /^Download/ }).click()]);
    const file = join(tmpdir(), `fg-aside-${process.pid}.json`);
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"bookmarks":');
    await aside.getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => aside.locator('.lib-msg').textContent()).toMatch(/cannot be read as a library/);
    await aside.getByRole('button', { name: /^Discard/ }).click();
    await expect.poll(() => aside.isVisible()).toBe(false);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['fg-library']);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('sets an older version aside and restores it into the library', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/');
    await page.evaluate(() => localStorage.setItem('fg-library', JSON.stringify({ bookmarks: ['kafka/topics', 'aws/compute#aws-lambda'], learned: ['kafka/topics'] })));
    await page.goto(url('/library/'));
    const aside = page.locator('.lib-aside');
    await aside.waitFor();
    expect(await aside.locator('li').textContent()).toMatch(/^A library in an older format/);
    await aside.getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Kafka bookmarks' }).locator('a').allTextContents()).toEqual(['kafka/topics']);
    expect(await page.locator('.lib-tracks li', { hasText: 'Kafka' }).locator('[data-lib-count]').textContent()).toBe(`1 of ${kafkaTotal} learned`);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('says clearly, next to the control, when storage is disabled, and the page keeps working', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const page = await open(context, '/kafka/partitions/');
    await page.getByRole('button', { name: 'Save page' }).click();
    const message = page.locator('.lib-actions + .lib-msg');
    await expect.poll(() => message.textContent()).toBe('Not saved: this browser blocks storage for this site.');
    expect(await pressed(page, '[data-lib-save]')).toBe('false');
    await sectionButton(page, 'why-it-exists').click();
    await expect.poll(() => page.locator('#why-it-exists + button + .lib-msg').textContent()).toMatch(/^Not saved/);
    // The rest of the page still works: the theme toggle and the contents.
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeTruthy();
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('says so when storage is full', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    const page = await open(context, '/flashcards/');
    // A grade that cannot be saved: said under the session's progress, and the card stays.
    await page.locator('[data-fc-start]').click();
    await page.locator('[data-fc-session]').waitFor(); // its module loads on the click
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('[data-fc-progress] + .lib-msg').textContent()).toBe('Not saved: storage is full.');
    expect(await page.locator('[data-fc-progress]').textContent()).toBe('Card 1 of 10 · new card');
    expect(await page.locator('[data-fc-grades]').isVisible()).toBe(true);
    await context.close();
  });
});

describe('accessibility with a full library', () => {
  it.each(['light', 'dark'] as const)('has no axe violations on the library, an entry page and flashcards with things saved and messages shown (%s)', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await open(context, '/kafka/partitions/');
    await page.getByRole('button', { name: 'Save page' }).click();
    await page.locator('.lib-actions [data-lib-learned]').click();
    await page.getByRole('button', { name: 'Save section: Why it exists' }).click();
    await page.locator('details.lib-note summary').click();
    await page.getByLabel('Private note, saved in this browser as you type').fill('note');
    await expect.poll(() => page.locator('.lib-note .lib-msg').textContent()).toBe('Note saved.');
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem('fg-library-corrupt-1700000000000', '{'));
    await page.goto(url('/library/'));
    await page.locator('.lib-aside li').waitFor();
    await page.getByRole('button', { name: 'Reset Python progress' }).click();
    await expect.poll(() => page.getByText('Progress reset.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // A question graded on its page.
    await page.goto(url('/kafka/partitions/'));
    await page.locator('details.question#partitions-why summary').click();
    await page.locator('.fc-inline button', { hasText: 'Good' }).click();
    await expect.poll(() => page.locator('.fc-inline + .lib-msg').textContent()).toMatch(/^Saved in your flashcards/);
    expect(await axeViolations(page)).toEqual([]);
    // /flashcards/ with its chart, then a session with the answer and the grades shown.
    await page.goto(url('/flashcards/?concept=kafka/partitions'));
    await page.locator('[data-fc-chart] svg').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-fc-start]').click();
    await page.locator('[data-fc-session]').waitFor(); // its module loads on the click
    await page.keyboard.press('Space');
    await page.locator('[data-fc-grades]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('4');
    await page.getByRole('button', { name: 'End review' }).click();
    await expect.poll(() => page.locator('[data-fc-result]').textContent()).toBe('Session done: 1 review saved.');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('reads fine and shows no library controls', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, '/kafka/partitions/');
    expect(await page.locator('h1').isVisible()).toBe(true);
    // The controls are made by the library script, so without it the page carries none.
    for (const selector of ['.lib-actions button', 'button.lib-save', 'details.lib-note']) expect(await page.locator(selector).count(), selector).toBe(0);
    expect(await page.locator('.lib-actions').evaluate((e) => e.getBoundingClientRect().height)).toBe(0);
    expect(await page.locator('.prose h2 > a.anchor').count()).toBeGreaterThan(3);
    await page.goto(url('/flashcards/'));
    expect(await page.locator('.fc-card').first().isVisible()).toBe(true);
    // The review's controls are in the page but hidden until its script runs.
    expect(await page.locator('[data-fc-review], [data-fc-session]').evaluateAll((els) => els.map((e) => (e as HTMLElement).offsetHeight))).toEqual([0, 0]);
    expect(await page.locator('[data-fc-start]').isVisible()).toBe(false);
    // Answers open as plain details.
    await page.locator('.fc-card summary').first().click();
    expect(await page.locator('.fc-card .question-answer').first().isVisible()).toBe(true);
    await page.goto(url('/library/'));
    expect(await page.getByText('The library needs JavaScript').isVisible()).toBe(true);
    expect(await page.locator('[data-library]').isVisible()).toBe(false);
    await page.goto(url('/'));
    expect(await page.locator('[data-lib-continue]').isVisible()).toBe(false);
    await context.close();
  });
});
