/**
 * Drawn diagrams in Chromium, on a fixture built through CONTENT_DIR (tests/fixtures/diagrams: a flowchart, a
 * step figure with a sequence diagram, a state diagram, a wide flowchart and a hand-drawn figure): the theme
 * toggle switches which picture shows and the hidden one is not fetched; no figure makes a 390 px phone scroll
 * sideways (a wide one scrolls in its own region); print shows the light picture; axe passes in four modes; the
 * search index holds the text equivalent once and none of the diagram's own labels.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { buildContent, type BuildResult } from '../helpers/build-fixture';
import { serveDir, type StaticServer } from '../helpers/serve';
import { axeViolations } from '../helpers/axe';
import { diagramImageProblems } from '../helpers/figures';
import { loadPagefind } from '../helpers/pagefind';

const FIXTURE = 'tests/fixtures/diagrams';
const files: Record<string, string> = {};
for (const track of readdirSync(FIXTURE)) for (const f of readdirSync(join(FIXTURE, track))) files[`${track}/${f}`] = readFileSync(join(FIXTURE, track, f), 'utf8');
const PAGES = ['/kafka/replication/', '/python/pipelines/'];

let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  build = buildContent(files);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output.slice(-3000)}`);
  server = await serveDir(build.outDir, '/');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const at = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

/** Open a page, scroll every figure into view (lazy images load near the viewport), and list diagram requests. */
async function open(path: string, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(at(path), { waitUntil: 'load' });
  await scrollAll(page);
  return { page, requested, close: () => context.close() };
}

async function scrollAll(page: Page) {
  for (const fig of await page.locator('figure.diagram').all()) await fig.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
}

/** For each drawn diagram: which of its pictures is displayed, and whether it has loaded. */
const shown = (page: Page) =>
  page.$$eval('.diagram-drawn', (arts) =>
    arts.map((art) => {
      const visible = [...art.querySelectorAll('img')].filter((img) => getComputedStyle(img).display !== 'none');
      return visible.map((img) => `${img.className}:${img.complete && img.naturalWidth > 0 ? 'loaded' : 'not loaded'}`).join(',');
    }),
  );

describe('drawn diagrams in Chromium', () => {
  it('the fixture has drawn diagrams whose pictures are all in the build, standing alone', () => {
    const { problems, images } = diagramImageProblems(build.outDir);
    expect(problems).toEqual([]);
    expect(images).toBe(8);
  });

  it('shows the light pictures only, fetches no dark one, and switches to the dark pictures with the theme toggle', async () => {
    const { page, requested, close } = await open('/kafka/replication/');
    try {
      expect(await shown(page)).toEqual(['diagram-light:loaded', 'diagram-light:loaded', 'diagram-light:loaded']);
      const diagrams = requested.filter((p) => p.includes('/_astro/diagrams/'));
      expect(diagrams.filter((p) => p.endsWith('-light.svg'))).toHaveLength(3);
      expect(diagrams.filter((p) => p.endsWith('-dark.svg'))).toEqual([]);
      await page.click('[data-theme-toggle]');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await scrollAll(page);
      await expect.poll(() => shown(page)).toEqual(['diagram-dark:loaded', 'diagram-dark:loaded', 'diagram-dark:loaded']);
      await page.click('[data-theme-toggle]');
      expect(await shown(page)).toEqual(['diagram-light:loaded', 'diagram-light:loaded', 'diagram-light:loaded']);
    } finally {
      await close();
    }
  });

  it('starts on the dark pictures when the system is dark, fetching no light one', async () => {
    const { page, requested, close } = await open('/kafka/replication/', { colorScheme: 'dark' });
    try {
      expect(await shown(page)).toEqual(['diagram-dark:loaded', 'diagram-dark:loaded', 'diagram-dark:loaded']);
      expect(requested.filter((p) => p.endsWith('-light.svg'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('makes no page scroll sideways on a 390 px phone; a wide diagram scrolls in its own focusable region', async () => {
    for (const path of PAGES) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await open(path, { width: 390, height: 844, colorScheme });
        try {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} ${colorScheme}`).toBeLessThanOrEqual(0);
          const regions = await page.$$eval('.diagram-scroll', (els) => els.map((el) => ({ scrolls: el.scrollWidth > el.clientWidth, tabindex: el.getAttribute('tabindex'), label: el.getAttribute('aria-label') ?? '' })));
          for (const r of regions) expect(r).toMatchObject({ tabindex: '0', label: expect.stringMatching(/scrolls sideways/) });
          if (path === '/python/pipelines/') expect(regions.some((r) => r.scrolls)).toBe(true);
        } finally {
          await close();
        }
      }
    }
  });

  it('lets a diagram that fits the desktop column at a readable size fit it there, without a scrollbar', async () => {
    const { page, close } = await open('/kafka/replication/');
    try {
      // The first figure scrolls on a phone (its region is .diagram-scroll) but fits 1280 px.
      expect(await page.$$eval('.diagram-scroll', (els) => els.map((el) => el.scrollWidth > el.clientWidth))).toEqual([false, false]);
    } finally {
      await close();
    }
  });

  it('prints the light pictures, also from the dark theme (Chromium loads them for printing), and the print page loads them at once', async () => {
    const { page, requested, close } = await open('/kafka/replication/', { colorScheme: 'dark' });
    try {
      expect(requested.filter((u) => u.endsWith('-light.svg'))).toEqual([]);
      await page.pdf({ path: join(build.outDir, 'replication.pdf') });
      expect(requested.filter((u) => u.endsWith('-light.svg'))).toHaveLength(3);
      await page.emulateMedia({ media: 'print' });
      expect(await shown(page)).toEqual(['diagram-light:loaded', 'diagram-light:loaded', 'diagram-light:loaded']);
    } finally {
      await close();
    }
    const html = readFileSync(join(build.outDir, 'print/kafka/index.html'), 'utf8');
    const light = [...html.matchAll(/<img class="diagram-light"[^>]*>/g)].map((m) => m[0]);
    expect(light).toHaveLength(3);
    for (const img of light) expect(img).not.toContain('loading="lazy"');
  });

  it('passes axe in the light and dark theme, on a desktop and a phone', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const context = await browser.newContext({ viewport: { width, height: 844 }, colorScheme, bypassCSP: true });
        const page = await context.newPage();
        try {
          for (const path of PAGES) {
            await page.goto(at(path), { waitUntil: 'load' });
            await scrollAll(page);
            expect(await axeViolations(page), `${path} ${colorScheme} ${width}`).toEqual([]);
          }
        } finally {
          await context.close();
        }
      }
    }
  });

  it('indexes the text equivalent once and none of the labels drawn in the picture', async () => {
    const pf = await loadPagefind(build.outDir);
    const find = async (q: string) => Promise.all((await pf.search(q)).results.map((r) => r.data() as unknown as Promise<{ url: string; content: string }>));
    const page = (await find('in-sync replica set')).find((r) => r.url.includes('/kafka/replication/'));
    expect(page).toBeDefined();
    // The alt sentence is on the page twice as <img alt> and once in "The diagram in words": indexed once.
    expect(page!.content.split('which are in the in-sync replica set').length - 1).toBe(1);
    expect(page!.content.split('the controller fences it').length - 1).toBe(1);
    // "Follower on broker 2" is a label only the drawn picture holds.
    expect((await find('"Follower on broker 2"')).filter((r) => r.content.includes('Follower on broker 2'))).toEqual([]);
  });

  it('makes no request to another origin', async () => {
    const { requested, close } = await open('/kafka/replication/');
    await close();
    expect(requested.filter((u) => u.includes('/_astro/diagrams/'))).toHaveLength(3);
    expect([...new Set(requested.map((u) => new URL(u).origin))]).toEqual([new URL(server.url).origin]);
  });
});
