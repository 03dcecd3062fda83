/**
 * Links that never break: every page and anchor in the committed manifest (tests/site/links-manifest.json,
 * written by scripts/links-manifest.mjs) must still be in the build, either as the page itself or as an
 * Astro redirect (astro.config.mjs `redirects`, built as a page that forwards to the new URL; the anchors
 * must then exist on the page it forwards to). Removing one on purpose means `npm run manifest:update`
 * and committing the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist';
import { anchors, manifest } from '../../scripts/links-manifest.mjs';

const committed = JSON.parse(readFileSync('tests/site/links-manifest.json', 'utf8')) as { pages: Record<string, string[]> };
const HOW = 'add a redirect in astro.config.mjs (redirects), or run `npm run manifest:update` if removing it is deliberate';

/** The built page for a URL path, following an Astro redirect page; undefined when the URL is gone. */
function resolve(path: string, hops = 0): { html: string; redirected?: string } | undefined {
  const file = join(DIST, path, 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const to = /<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"/i.exec(html)?.[1];
  if (!to || hops > 5) return { html };
  const target = resolve(new URL(to, `https://x${path}`).pathname, hops + 1);
  return target && { ...target, redirected: to };
}

describe('links manifest', () => {
  it('lists the site', () => {
    expect(Object.keys(committed.pages).length).toBeGreaterThan(50);
    expect(committed.pages['/kafka/partitions/']).toContain('why-it-exists');
  });

  it('every published URL still answers (or redirects)', () => {
    const gone = Object.keys(committed.pages).filter((path) => !resolve(path));
    expect(gone, `pages gone from the build: ${HOW}`).toEqual([]);
  });

  it('every published anchor still exists on its page (or the page it redirects to)', () => {
    const missing: string[] = [];
    for (const [path, ids] of Object.entries(committed.pages)) {
      const page = resolve(path);
      if (!page) continue;
      const now = new Set(anchors(page.html));
      for (const id of ids) if (!now.has(id)) missing.push(`${path}#${id}${page.redirected ? ` (redirected to ${page.redirected})` : ''}`);
    }
    expect(missing, `anchors gone from the build: ${HOW}`).toEqual([]);
    // New pages and anchors are fine; they are protected once the manifest is updated.
    const current = manifest(DIST) as Record<string, string[]>;
    const added = Object.entries(current).flatMap(([path, ids]) =>
      committed.pages[path] ? ids.filter((id) => !committed.pages[path]!.includes(id)).map((id) => `${path}#${id}`) : [path]);
    if (added.length) console.log(`Not yet in the links manifest (npm run manifest:update): ${added.slice(0, 20).join(', ')}${added.length > 20 ? ' …' : ''}`);
  });
});
