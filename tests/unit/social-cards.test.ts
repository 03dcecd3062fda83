/** Social cards drawn once per distinct content: kept in Astro's cache by a hash of the SVG, drawn in worker threads. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { guessCards, prepareSocialCards, socialCardPng, socialCards } from '../../src/integrations/social-cards';
import { SITE } from '../../src/site.config';
import { mkdirSync } from 'node:fs';
import { socialCardSvg } from '../../src/lib/social-image';

const cacheDir = mkdtempSync(join(tmpdir(), 'fg-social-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const integration = socialCards();
const hooks = integration.hooks as Record<string, (arg: unknown) => void>;
const logged: string[] = [];
const logger = { info: (m: string) => logged.push(m) };
const PNG = [0x89, 0x50, 0x4e, 0x47];
const card = (title: string) => socialCardSvg({ title, kicker: 'Kafka', summary: 'A summary long enough to wrap over two lines of the card, as entries do.', site: 'Field Guide' });

describe('social cards', () => {
  hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(cacheDir + '/') } });
  const dir = join(cacheDir, 'social-cards');

  it('draws each distinct card once, in worker threads, and keeps it in the cache by a hash of its SVG', async () => {
    prepareSocialCards([card('Partitions'), card('Offsets'), card('Partitions')]);
    const [a, b, again] = await Promise.all([socialCardPng(card('Partitions')), socialCardPng(card('Offsets')), socialCardPng(card('Partitions'))]);
    expect([...a!.slice(0, 4)]).toEqual(PNG);
    expect([...b!.slice(0, 4)]).toEqual(PNG);
    expect(Buffer.from(a!).equals(Buffer.from(b!))).toBe(false);
    expect(Buffer.from(again!).equals(Buffer.from(a!))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });

  it('removes cards no page of the build asked for, and reports what it drew', () => {
    writeFileSync(join(dir, 'stale.png'), 'x');
    hooks['astro:build:done']!({ logger });
    expect(existsSync(join(dir, 'stale.png'))).toBe(false);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(logged.at(-1)).toBe('social cards: 2 drawn, 0 from the cache, 1 unused removed from it');
  });
});

describe('social cards, next build', () => {
  it('reads an unchanged card from the cache instead of drawing it, and drops the one no page uses any more', async () => {
    const png = await socialCardPng(card('Offsets'));
    expect([...png.slice(0, 4)]).toEqual(PNG);
    hooks['astro:build:done']!({ logger });
    expect(logged.at(-1)).toBe('social cards: 0 drawn, 1 from the cache, 1 unused removed from it');
    expect(readdirSync(join(cacheDir, 'social-cards'))).toHaveLength(1);
  });
});

describe('cards guessed from the frontmatter, to draw before Astro loads the collections', () => {
  it('gives the same SVG the route makes for each entry, the home page and the tracks, and skips what does not parse', () => {
    const dir = join(cacheDir, 'content');
    mkdirSync(join(dir, 'kafka'), { recursive: true });
    writeFileSync(join(dir, 'kafka', 'offsets.mdx'), '---\ntitle: Offsets\nsummary: "Where a consumer is in a partition: a number per record, and why it is committed."\norder: 2\n---\n\nText.\n');
    writeFileSync(join(dir, 'kafka', 'broken.mdx'), '---\ntitle: [unclosed\n---\n');
    const svgs = guessCards(dir);
    expect(svgs).toContain(socialCardSvg({ title: 'Offsets', kicker: 'Kafka', summary: 'Where a consumer is in a partition: a number per record, and why it is committed.', site: SITE.name }));
    expect(svgs).toContain(socialCardSvg({ title: SITE.name, kicker: 'Learn data engineering in order', summary: SITE.description, site: SITE.name }));
    // Home, three tracks, one entry: the broken file is left to the collection's own error.
    expect(svgs).toHaveLength(5);
  });
});
