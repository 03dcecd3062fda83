import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under dir, as site paths ("/kafka/partitions/index.html"). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push('/' + relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a built HTML file answers to: "/a/index.html" → "/a/", "/404.html" stays. */
export const pagePath = (file: string) => file.replace(/index\.html$/, '');

export const readText = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
