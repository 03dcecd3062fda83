import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built site: dist/, or DIST_DIR (a fixture built with its own --outDir). */
export const DIST = resolve(process.env.DIST_DIR ?? 'dist');
export const CONTENT = resolve(process.env.CONTENT_DIR ?? 'content');

export interface SourceEntry {
  track: string;
  id: string;
  order: number;
  title: string;
  file: string;
}

/** The entries in content/, read straight from the files (independently of the site's own code). */
export function sourceEntries(): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const track of readdirSync(CONTENT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    const dir = join(CONTENT, track);
    for (const name of readdirSync(dir).filter((n) => /\.mdx?$/.test(n))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const fm = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const order = Number(/^order:\s*(\d+)/m.exec(fm)?.[1]);
      const title = /^title:\s*["']?(.*?)["']?\s*$/m.exec(fm)?.[1] ?? '';
      out.push({ track, id: name.replace(/\.mdx?$/, ''), order, title, file: `${track}/${name}` });
    }
  }
  return out;
}

export const htmlOf = (urlPath: string) => readFileSync(join(DIST, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
export const hasPage = (urlPath: string) => existsSync(join(DIST, urlPath, 'index.html'));
