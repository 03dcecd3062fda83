/**
 * What tools and the search index get from the build: llms.txt, llms-full.txt and a Markdown twin of every
 * entry page (linked from the page, kept out of the sitemap and the service worker's precache); the index-only
 * search terms, searchable but not in the pages readers download; the site's own pages in the index, print not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, htmlOf, sourceEntries } from '../helpers/dist';
import { loadPagefind, type PagefindApi } from '../helpers/pagefind';
import { listFiles } from '../../src/integrations/dist-files';
import { TRACKS } from '../../src/tracks';

const entries = sourceEntries();
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const SITE = 'https://field-guide.example.org';

describe('Markdown twins', () => {
  it.each(entries.map((e) => [`/${e.track}/${e.id}.md`, e] as const))('%s holds the page as Markdown, without components or imports', (path, e) => {
    expect(existsSync(join(DIST, path))).toBe(true);
    const md = read(path);
    expect(md.startsWith(`# ${e.title}\n`)).toBe(true);
    const prose = md.replace(/^```[\s\S]*?^```$/gm, '');
    expect(prose).not.toMatch(/^import\s/m);
    expect(prose).not.toMatch(/^\s*<\/?(Callout|Question|Reveal|Figure|QuestionsByLevel|[A-Z]\w*Diagram)\b/m);
    expect(md).not.toMatch(/^```mermaid/m);
    // Every verified or not-run block of the page keeps its mark as text.
    const html = htmlOf(`/${e.track}/${e.id}/`);
    const ran = (html.match(/class="code-status verified"[^>]*><span aria-hidden="true">✓<\/span> Ran in the tests/g) ?? []).length;
    const printed = (html.match(/class="code-status verified"[^>]*><span aria-hidden="true">✓<\/span> Printed in the tests/g) ?? []).length;
    const norun = (html.match(/class="code-status norun"/g) ?? []).length;
    expect((md.match(/^\*Ran in the tests with /gm) ?? []).length, 'verified marks').toBe(ran);
    expect((md.match(/^\*Printed in the tests\*$/gm) ?? []).length, 'printed marks').toBe(printed);
    expect(ran + printed, 'every verified mark counted').toBe((html.match(/class="code-status verified"/g) ?? []).length);
    expect((md.match(/^\*Not run in the tests: /gm) ?? []).length, 'not-run marks').toBe(norun);
    // Figures keep their caption, Questions their question.
    expect((md.match(/^\*\*Figure: /gm) ?? []).length).toBe((html.match(/<figure class="diagram[ "]/g) ?? []).length);
    expect((md.match(/^\*Level: (basic|core|advanced)\*$/gm) ?? []).length).toBe((html.match(/<details class="question"/g) ?? []).length);
    // The page names its twin for tools.
    expect(html).toContain(`<link rel="alternate" type="text/markdown" href="${path}">`);
  });
  it('turn callouts into blockquotes with their title and site links into absolute URLs', () => {
    const md = read('/kafka/partitions.md');
    expect(md).toMatch(/^> \*\*Why this matters\*\*$/m);
    expect(md).toContain(`](${SITE}/kafka/topics/)`);
    expect(md).not.toMatch(/\]\(\/[a-z]/);
  });
  it('are not in the sitemap (it lists the HTML pages they repeat) nor in the service worker precache', () => {
    const sitemap = listFiles(DIST).filter((f) => /sitemap-\d+\.xml$/.test(f)).map(read).join('');
    expect(sitemap).toContain(`${SITE}/kafka/partitions/`);
    expect(sitemap).not.toMatch(/\.md<|llms/);
    const sw = read('/sw.js');
    expect(sw).toContain('kafka/partitions/index.html');
    expect(sw).not.toMatch(/partitions\.md|llms(-full)?\.txt/);
  });
});

describe('llms.txt', () => {
  it('follows the convention: a title, a summary quote, and a section of links per track to every twin', () => {
    const txt = read('/llms.txt');
    const lines = txt.split('\n');
    expect(lines[0]).toBe('# Data Engineering Field Guide');
    expect(lines[2]).toMatch(/^> .{40,}/);
    for (const t of TRACKS) expect(txt).toContain(`\n## ${t.title}\n`);
    for (const e of entries) expect(txt).toContain(`](${SITE}/${e.track}/${e.id}.md): `);
    expect(txt).toContain(`\n## Optional\n`);
    expect(txt).toContain(`(${SITE}/llms-full.txt)`);
  });
  it('llms-full.txt holds every page, in track order, its headings one level below the guide\'s title', () => {
    const txt = read('/llms-full.txt');
    expect(txt.startsWith('# Data Engineering Field Guide\n')).toBe(true);
    let last = -1;
    for (const t of TRACKS) {
      for (const e of entries.filter((x) => x.track === t.id).sort((a, b) => a.order - b.order)) {
        const at = txt.indexOf(`\n## ${e.title}\n`);
        expect(at, e.title).toBeGreaterThan(last);
        last = at;
      }
    }
    expect(txt.replace(/^```[\s\S]*?^```$/gm, '')).not.toMatch(/^# (?!Data Engineering Field Guide)/m);
    // Code is copied as it is: a comment line in a block stays a comment.
    expect(txt).toMatch(/^# min hour dom mon dow/m);
  });
});

describe('search index and pages', () => {
  let pf: PagefindApi;
  beforeAll(async () => {
    pf = await loadPagefind(DIST);
  });
  const urls = async (q: string) => Promise.all((await pf.search(q)).results.map(async (r) => (await r.data()).url));
  it('finds a page by a search term that only its frontmatter holds', async () => {
    const src = readFileSync('content/aws/databases.mdx', 'utf8');
    expect(src.replace(/^---[\s\S]*?\n---/, '')).not.toMatch(/nosql/i);
    expect((await urls('nosql'))[0]).toBe('/aws/databases/');
  });
  it('leaves the search terms and Pagefind\'s attributes out of the pages readers download', () => {
    for (const f of listFiles(DIST).filter((x) => x.endsWith('.html'))) {
      const html = read(f);
      expect(html, f).not.toContain('data-search-terms');
      expect(html, f).not.toContain('data-pagefind-');
    }
  });
  it('holds the track pages, the flashcards and the library, and no print page', async () => {
    expect(await urls('flashcards')).toContain('/flashcards/');
    expect(await urls('spaced repetition')).toContain('/flashcards/');
    expect(await urls('library')).toContain('/library/');
    for (const t of TRACKS) expect(await urls(t.title.split(/[ ,]/)[0]!)).toContain(`/${t.id}/`);
    const all = await urls('kafka');
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((u) => u.startsWith('/print/'))).toEqual([]);
  });
});
