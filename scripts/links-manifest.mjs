#!/usr/bin/env node
/**
 * Writes tests/site/links-manifest.json: every published page of the built site (dist/) and the anchors
 * readers link to on it (the ids of headings h2–h6, the former ids they keep, and of check-yourself questions). The site test
 * tests/site/links-manifest.test.ts fails when one of them disappears from a later build, unless
 * astro.config.mjs `redirects` covers the page. Run it (`npm run manifest:update`, which builds first)
 * only when removing or renaming a URL or anchor is deliberate, and commit the manifest.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DIST = process.argv[2] ?? 'dist';
const OUT = 'tests/site/links-manifest.json';

/** Published pages: every index.html except the print versions' anchors (they repeat the entries) and 404. */
export function pages(dist) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html') out.push('/' + relative(dist, d).split(sep).filter(Boolean).map((s) => `${s}/`).join(''));
    }
  };
  walk(dist);
  return out.sort();
}

/** The ids readers link to on a page: headings and questions in its main content (not the site's chrome). */
export function anchors(html) {
  const main = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  // A heading published under a new id keeps its old ones on empty <span class="former-id"> at its start.
  const ids = [...main.matchAll(/<(?:h[2-6]\b|details\b|span class="former-id")[^>]*?\sid="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(ids)].sort();
}

export function manifest(dist) {
  const out = {};
  for (const page of pages(dist)) {
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    if (/<meta http-equiv="refresh"/i.test(html)) continue; // an existing redirect, not a page
    out[page] = page.startsWith('/print/') ? [] : anchors(html);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`No build in ${DIST}/: run npm run build first (npm run manifest:update does).`);
    process.exit(1);
  }
  const pagesAndAnchors = manifest(DIST);
  const doc = {
    about: 'Every published page and the anchors on it. tests/site/links-manifest.test.ts fails when one disappears without a redirect. Regenerate with `npm run manifest:update` only when a removal is deliberate.',
    pages: pagesAndAnchors,
  };
  writeFileSync(OUT, `${JSON.stringify(doc, null, 1)}\n`);
  const n = Object.values(pagesAndAnchors).reduce((a, ids) => a + ids.length, 0);
  console.log(`${OUT}: ${Object.keys(pagesAndAnchors).length} pages, ${n} anchors`);
}
