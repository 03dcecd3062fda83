/**
 * The generator builds any guide (docs/GENERATOR.md): a folder outside the repository holding `_site.yml` and two
 * made-up tracks, only YAML and MDX files, built with CONTENT_DIR. The site has exactly those tracks (no page,
 * sidebar group, search filter, card or print page of this repository's tracks), the guide's name, and a working
 * search index, flashcards and print pages.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, page } from '../helpers/build-fixture';
import { spawnSync } from 'node:child_process';
import { loadPagefind } from '../helpers/pagefind';

const Q = "import Question from '@components/content/Question.astro';\n\n";
const files: Record<string, string> = {
  '_site.yml': [
    'name: Knots and Herbs Handbook',
    'shortName: Knots Handbook',
    'description: A made-up guide to tying knots and growing kitchen herbs, built by the generator test.',
    'lead: Two tracks, [knots](/knots/) first, then herbs.',
    'start: |',
    '  - Never tied a knot: start with [the reef knot](/knots/reef/).',
  ].join('\n') + '\n',
  'knots/_track.yml': 'label: Knots\ntitle: Knots for sailors\nintro: The knots a sailor ties every day, one per page.\nentry: knot\nentries: knots\nposition: 1\nflashcards: 2\nsearchTerms: [rope work]\n',
  'herbs/_track.yml': 'label: Herbs\ntitle: Kitchen herbs\nintro: Growing herbs on a windowsill, from seed to harvest.\naudience: For anyone with a sunny window.\nentry: plant\nentries: plants\nposition: 2\nflashcards: 1\n',
  'knots/reef.mdx': page(
    { title: 'Reef knot', summary: 'Joins two ends of one rope around a bundle, and slips under load.', order: 1 },
    `${Q}## How to tie it\n\nRight over left, then left over right: the bowsprit marlinespike.\n\n<Question id="reef-why" q="Why does a reef knot slip?">Its two loops pull apart under uneven load.</Question>\n`,
  ),
  'knots/bowline.mdx': page(
    { title: 'Bowline', summary: 'A fixed loop at the end of a line that does not jam after a load.', order: 2, prerequisites: ['reef'] },
    `${Q}## Tying the loop\n\nThe rabbit comes out of the hole.\n\n<Question id="bowline-jam" q="Does a bowline jam?">No: it unties after a load.</Question>\n`,
  ),
  'herbs/basil.mdx': page(
    { title: 'Basil', summary: 'A warm-weather annual herb that needs sun, warmth and pinching back.', order: 1 },
    `${Q}## Sowing\n\nSow basil seeds on moist compost; the quillwort comparison is misleading.\n\n<Question id="basil-pinch" q="Why pinch basil?">So it branches instead of flowering.</Question>\n`,
  ),
};

let root = '';
let dist = '';
let output = '';
let status: number | null = null;
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fg-guide-'));
  const content = join(root, 'my-guide');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  dist = join(root, 'site');
  const run = spawnSync('npx', ['astro', 'build', '--outDir', dist], {
    cwd: process.cwd(),
    env: buildEnv({ CONTENT_DIR: content, ASTRO_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1' }),
    encoding: 'utf8',
    timeout: 300_000,
  });
  status = run.status;
  output = `${run.stdout}\n${run.stderr}`;
}, 320_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a guide from a folder outside the repository', () => {
  it('builds', () => {
    expect(status, output).toBe(0);
    expect(output).toContain('none broken');
  });

  it('has exactly its two tracks, in their declared order, and none of this repository\'s', () => {
    const top = readdirSync(dist, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const t of ['knots', 'herbs']) expect(top).toContain(t);
    for (const t of ['python', 'aws', 'kafka']) expect(top).not.toContain(t);
    expect(readdirSync(join(dist, 'print')).sort()).toEqual(['herbs', 'index.html', 'knots']);
    const home = html('');
    expect([...home.matchAll(/<li class="track-card" data-lib-order="([^"]+)"/g)].map((m) => m[1])).toEqual(['knots', 'herbs']);
    expect(home).not.toMatch(/Python|Kafka|AWS/);
    // The sidebar: one group per track.
    expect([...html('knots/reef').matchAll(/<li class="nav-track[^"]*"><a href="\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(['knots', 'herbs']);
    // The search page's filter: one choice per track, plus "all".
    expect([...html('search').matchAll(/name="track" value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'Knots', 'Herbs']);
    // Plurals from `entries`; the audience shown where there is one.
    expect(html('knots')).toMatch(/2 knots, in learning order/);
    expect(html('herbs')).toContain('For anyone with a sunny window.');
    expect(html('knots/bowline')).toContain('knot 2 of 2');
  });

  it('carries the guide\'s name and words from _site.yml', () => {
    const home = html('');
    expect(home).toContain('<title>Knots and Herbs Handbook</title>');
    expect(home).toMatch(/class="site-name"[^>]*>Knots and Herbs Handbook</);
    expect(home).toContain('<p class="home-lead">Two tracks, <a href="/knots/">knots</a> first, then herbs.</p>');
    expect(home).toContain('<h2 id="where-to-start">Where to start</h2><ul><li>Never tied a knot: start with <a href="/knots/reef/">the reef knot</a>.</li></ul>');
    expect(html('knots/reef')).toContain('<title>Reef knot – Knots and Herbs Handbook</title>');
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as Record<string, string>;
    expect(manifest).toMatchObject({ name: 'Knots and Herbs Handbook', short_name: 'Knots Handbook' });
    expect(html('print')).toContain('Knots and Herbs Handbook');
  });

  it('has a search index of its pages, filtered by its tracks', async () => {
    const pf = await loadPagefind(dist);
    const { results } = await pf.search('marlinespike');
    const pages = await Promise.all(results.map((r) => r.data()));
    expect(pages.map((p) => p.url)).toEqual(['/knots/reef/']);
    expect(Object.keys((await pf.filters()).track ?? {}).sort()).toEqual(['Herbs', 'Knots']);
    const herbs = await Promise.all((await pf.search('quillwort')).results.map((r) => r.data()));
    expect(herbs.map((p) => p.url)).toEqual(['/herbs/basil/']);
  });

  it('makes flashcards of its questions, in the tracks\' declared flashcard order', () => {
    const cards = html('flashcards');
    const order = ['Why pinch basil?', 'Why does a reef knot slip?', 'Does a bowline jam?'].map((q) => cards.indexOf(q));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(cards).toContain('3 check-yourself questions, from the end of each page, Herbs first.');
    expect(cards).toContain('<meta name="description" content="3 check-yourself questions as flashcards,');
  });

  it('prints each track and the whole guide, with the answers', () => {
    const knots = html('print/knots');
    expect(knots).toContain('Knots for sailors');
    expect(knots).toContain('The rabbit comes out of the hole.');
    expect(knots).toContain('Its two loops pull apart under uneven load.');
    const whole = html('print');
    expect(whole).toContain('So it branches instead of flowering.');
    expect(whole).toContain('Right over left');
  });
});
