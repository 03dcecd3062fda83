/**
 * Which pages a run covers. EXAMPLES (set by `npm run test:examples -- <args>`) is a space- or
 * comma-separated list of: a page path (any .md/.mdx file, also outside content/, e.g. test fixtures),
 * a directory, or a track name (python, aws, kafka → content/<track>). Empty: all of content/
 * (or EXAMPLES_ROOT when set).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pages(p);
    return /\.mdx?$/.test(e.name) ? [p] : [];
  });
}

export function selectFiles(root: string, selection = process.env.EXAMPLES ?? '', defaultDir = process.env.EXAMPLES_ROOT || 'content'): string[] {
  const items = selection.split(/[\s,]+/).filter(Boolean);
  const found = new Set<string>();
  for (const item of items.length ? items : [defaultDir]) {
    const candidates = [resolve(root, item), resolve(root, 'content', item)];
    const hit = candidates.find((c) => existsSync(c));
    if (!hit) throw new Error(`EXAMPLES: "${item}" is neither a page, a directory nor a track (looked for ${candidates.map((c) => relative(root, c)).join(', ')})`);
    for (const p of statSync(hit).isDirectory() ? pages(hit) : [hit]) found.add(relative(root, p));
  }
  return [...found].sort();
}
