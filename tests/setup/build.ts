/**
 * Global setup for the site and browser projects: make sure dist/ is a build of the current sources.
 * `npm test` builds first and sets FG_BUILT=1; run alone, a project builds when dist/ is missing or older
 * than content/ or src/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup() {
  if (process.env.FG_BUILT === '1') return;
  const stamp = 'dist/index.html';
  const stale = !existsSync(stamp) || statSync(stamp).mtimeMs < Math.max(newest('content'), newest('src'), statSync('astro.config.mjs').mtimeMs);
  if (!stale) return;
  const run = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('astro build failed; see the output above');
}
