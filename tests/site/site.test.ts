/**
 * Assertions over the built site in dist/: every entry has its page, navigation follows `order`,
 * previous/next chains are complete, every internal link and anchor resolves, search indexes every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, hasPage, htmlOf, sourceEntries, type SourceEntry } from '../helpers/dist';
import { loadPagefind, type PagefindApi } from '../helpers/pagefind';
import { findBrokenLinks, scanHtml } from '../../src/lib/links';
import { listFiles, pagePath } from '../../src/integrations/dist-files';
import { TRACKS } from '../../src/tracks';
import { keyTerms } from '../../src/lib/search';

const entries = sourceEntries();
const inOrder = (track: string) => entries.filter((e) => e.track === track).sort((a, b) => a.order - b.order);
const url = (e: SourceEntry) => `/${e.track}/${e.id}/`;
const attr = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);

describe('pages', () => {
  it('has content to test', () => {
    expect(entries.length).toBeGreaterThanOrEqual(TRACKS.length);
  });
  it.each(entries.map((e) => [url(e), e] as const))('%s exists with its title, description and canonical URL', (path, e) => {
    expect(hasPage(path)).toBe(true);
    const html = htmlOf(path);
    expect(html).toContain(`<h1>${e.title.replace(/&/g, '&amp;')}</h1>`);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}">/);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+${path}">`));
  });
  it('has a home page, a search page, a 404 page and an index page per track', () => {
    for (const p of ['/', '/search/', ...TRACKS.map((t) => `/${t.id}/`)]) expect(hasPage(p), p).toBe(true);
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
  });
  it('gives every page a unique title', () => {
    const titles = listFiles(DIST).filter((f) => f.endsWith('.html')).map((f) => /<title>([^<]+)<\/title>/.exec(readFileSync(join(DIST, f), 'utf8'))?.[1]);
    expect(titles.every(Boolean)).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('navigation', () => {
  it.each(TRACKS.map((t) => [t.id]))('the %s sidebar lists the entries in `order`, with the current page marked', (track) => {
    const expected = inOrder(track).map(url);
    for (const e of inOrder(track)) {
      const html = htmlOf(url(e));
      const sidebar = /<nav id="sidebar"[\s\S]*?<\/nav>/.exec(html)![0];
      const listed = attr(sidebar, /<ol class="nav-entries">([\s\S]*?)<\/ol>/g).flatMap((ol) => attr(ol, /href="([^"]+)"/g));
      expect(listed).toEqual(expected);
      expect(attr(sidebar, /<a href="([^"]+)" aria-current="page"/g)).toEqual([url(e)]);
    }
  });
  it.each(TRACKS.map((t) => [t.id]))('the %s index lists the entries in order', (track) => {
    const html = htmlOf(`/${track}/`);
    const path = /<ol class="track-path">([\s\S]*?)<\/ol>/.exec(html)![1]!;
    expect(attr(path, /href="([^"]+)"/g)).toEqual(inOrder(track).map(url));
  });
  it.each(TRACKS.map((t) => [t.id]))('previous/next chain the whole %s track in both directions', (track) => {
    const expected = inOrder(track).map(url);
    const forward: string[] = [];
    let at: string | undefined = expected[0];
    while (at && forward.length <= expected.length) {
      forward.push(at);
      at = /<a class="pager-next" href="([^"]+)" rel="next"/.exec(htmlOf(at))?.[1];
    }
    expect(forward).toEqual(expected);
    const backward: string[] = [];
    at = expected.at(-1);
    while (at && backward.length <= expected.length) {
      backward.push(at);
      at = /<a class="pager-prev" href="([^"]+)" rel="prev"/.exec(htmlOf(at))?.[1];
    }
    expect(backward).toEqual([...expected].reverse());
  });
  it('gives every entry breadcrumbs Home › Track › Entry', () => {
    for (const e of entries) {
      const crumbs = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(htmlOf(url(e)))![0];
      expect(attr(crumbs, /href="([^"]+)"/g)).toEqual(['/', `/${e.track}/`, url(e)]);
    }
  });
  it('gives every heading in an article a permalink to itself', () => {
    for (const e of entries) {
      const html = /<div class="prose">[\s\S]*<\/article>/.exec(htmlOf(url(e)))![0];
      const ids = attr(html, /<h[23] id="([^"]+)"/g).filter((id) => !['related-title', 'docs-title'].includes(id));
      for (const id of ids) expect(html, `${url(e)}#${id}`).toContain(`<a class="anchor" href="#${id}"`);
    }
  });
  it('every internal link and #anchor on every page resolves', () => {
    const files = listFiles(DIST);
    const pages = files.filter((f) => f.endsWith('.html')).map((f) => scanHtml(pagePath(f), readFileSync(join(DIST, f), 'utf8')));
    expect(findBrokenLinks(pages, new Set(files))).toEqual([]);
  });
});

describe('code blocks', () => {
  it('colour tokens with palette classes, not inline styles, and ship the palette once in the CSS bundle', () => {
    const pages = listFiles(DIST).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(DIST, f), 'utf8'));
    const blocks = pages.flatMap((h) => [...h.matchAll(/<pre [^>]*class="astro-code"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => m[1]!));
    expect(blocks.length).toBeGreaterThan(100);
    expect(blocks.filter((b) => b.includes('style=')).map((b) => b.slice(0, 200))).toEqual([]);
    expect(blocks.filter((b) => /<span class="c\d+">/.test(b)).length).toBeGreaterThan(100);
    const css = listFiles(DIST).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, f), 'utf8')).join('');
    // Each class holds its light and dark colour together, resolved by the page's color-scheme.
    expect(css).toMatch(/\.astro-code \.c\d+\{color:light-dark\(#[0-9a-f]{3,6},#[0-9a-f]{3,6}\)\}/);
  });
});

describe('stylesheets', () => {
  it('links one stylesheet per page, which exists, and keeps no file that nothing links', () => {
    const files = listFiles(DIST);
    const pages = files.filter((f) => f.endsWith('.html'));
    const links = pages.map((f) => [f, attr(readFileSync(join(DIST, f), 'utf8'), /<link rel="stylesheet" href="([^"]+)">/g)] as const);
    expect(links.filter(([, l]) => l.length !== 1)).toEqual([]);
    const linked = new Set(links.map(([, l]) => l[0]!));
    expect([...linked].filter((href) => !files.includes(href))).toEqual([]);
    // The parts were joined and removed: every stylesheet in the build is one a page links.
    expect(files.filter((f) => f.startsWith('/_astro/') && f.endsWith('.css') && !linked.has(f))).toEqual([]);
    // An entry page's one file holds the shell's styles and the article's, and the layer order both declare.
    const entryCss = readFileSync(join(DIST, links.find(([f]) => f === '/kafka/partitions/index.html')![1][0]!), 'utf8');
    expect(entryCss).toMatch(/^@layer reset,base,layout/);
    expect(entryCss).toContain('.skip-link');
    expect(entryCss).toContain('.callout-why');
  });
});

describe('client code', () => {
  it('loads lazy chunks with a plain import(): no preload helper or chunk table in any script', () => {
    const scripts = listFiles(DIST).filter((f) => f.startsWith('/_astro/') && f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const code = scripts.map((f) => [f, readFileSync(join(DIST, f), 'utf8')] as const);
    expect(code.filter(([, c]) => /__vite__mapDeps|modulepreload|vite:preloadError/.test(c)).map(([f]) => f)).toEqual([]);
    // The lazy chunks are still there and still imported.
    expect(code.filter(([, c]) => /\bimport\(`\.\/[\w.-]+\.js`\)/.test(c)).length).toBeGreaterThan(0);
  });
});

describe('search index', () => {
  let pf: PagefindApi;
  beforeAll(async () => {
    pf = await loadPagefind(DIST);
  });
  it('ships Pagefind\'s search code and index without its unused ready-made interfaces', () => {
    const files = listFiles(DIST).filter((f) => f.startsWith('/pagefind/'));
    expect(files).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/pagefind-entry.json']));
    expect(files.filter((f) => /\/pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
    expect(readFileSync(join(DIST, 'sw.js'), 'utf8')).not.toMatch(/pagefind-(ui|modular-ui|component-ui|highlight)\./);
  });
  it('holds every entry page, found by its title', async () => {
    for (const e of entries) {
      const found = await pf.search(e.title);
      const urls = await Promise.all(found.results.slice(0, 10).map(async (r) => (await r.data()).url));
      expect(urls, `searching "${e.title}"`).toContain(url(e));
    }
  });
  it('has a track filter whose counts match the content', async () => {
    const filters = await pf.filters();
    for (const t of TRACKS) expect(filters.track?.[t.label], t.label).toBe(inOrder(t.id).length + 1);
  });
  it('offers sub-results that jump to the heading that matched', async () => {
    let checked = 0;
    for (const e of entries) {
      const html = /<div class="prose">[\s\S]*<\/article>/.exec(htmlOf(url(e)))![0];
      const heading = /<h2 id="([^"]+)"><a class="anchor" href="#\1">([^<]{6,})<\/a><\/h2>/.exec(html);
      if (!heading) continue;
      // As the dialog asks: without the question's small words ("The parts" is searched as "parts"), and with the
      // page's title, since a one-word heading ("parts") alone can rank its page below the tenth result.
      const found = await pf.search(`${keyTerms(heading[2]!)} ${keyTerms(e.title)}`);
      const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      const subs = data.find((d) => d.url === url(e))?.sub_results ?? [];
      expect(subs.map((s) => s.url), `searching "${heading[2]}"`).toContain(`${url(e)}#${heading[1]}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
