/** Sharing and search metadata over the built site: sitemap, robots.txt, Open Graph, JSON-LD, social cards. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlOf, sourceEntries } from '../helpers/dist';
import { TRACKS } from '../../src/tracks';

const entries = sourceEntries();
const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));
const localPath = (absolute: string) => new URL(absolute).pathname;

describe('sharing and SEO', () => {
  it('lists every page in the sitemap, and robots.txt points at it', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => localPath(m[1]!));
    for (const e of entries) expect(locs).toContain(`/${e.track}/${e.id}/`);
    for (const t of TRACKS) expect(locs).toContain(`/${t.id}/`);
    expect(locs).not.toContain('/404/');
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
    expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(true);
  });

  it.each(entries.map((e) => [`/${e.track}/${e.id}/`, e] as const))('%s has Open Graph, Twitter, JSON-LD and its own social card', (path, e) => {
    const html = htmlOf(path);
    expect(meta(html, 'og:title')).toBe(e.title.replace(/&/g, '&amp;'));
    expect(meta(html, 'og:type')).toBe('article');
    expect(localPath(meta(html, 'og:url')!)).toBe(path);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    const image = localPath(meta(html, 'og:image')!);
    expect(image).toBe(`/og/${e.track}/${e.id}.png`);
    const png = readFileSync(join(DIST, image));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    const types = jsonLd(html).map((o) => o['@type']);
    expect(types).toEqual(expect.arrayContaining(['BreadcrumbList', 'TechArticle']));
    const crumbs = jsonLd(html).find((o) => o['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((i: { item: string }) => localPath(i.item))).toEqual(['/', `/${e.track}/`, path]);
  });
});
