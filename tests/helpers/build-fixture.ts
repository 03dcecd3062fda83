import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The environment for a child `astro build`: without what Vitest puts in process.env (BASE_URL, MODE, DEV,
 * PROD, SSR, NODE_ENV=test), which Vite would otherwise read as the build's own import.meta.env.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return { ...env, ...extra };
}

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Writes a content tree ({"kafka/a.md": "..."}) to a temp folder and runs `astro build` on it. */
export function buildContent(files: Record<string, string>, env: Record<string, string> = {}): BuildResult {
  const root = mkdtempSync(join(tmpdir(), 'fg-content-'));
  const content = join(root, 'content');
  for (const track of ['python', 'aws', 'kafka']) mkdirSync(join(content, track), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const outDir = join(root, 'dist');
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: process.cwd(),
    env: buildEnv({ CONTENT_DIR: content, ASTRO_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1', ...env }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outDir };
}

export const page = (fm: Record<string, unknown>, body = 'Body text.\n') =>
  `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n\n${body}`;
