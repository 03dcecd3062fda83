import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A `_site.yml` for fixtures: the site's name and description, no home page words (they link to tracks a fixture may not have). */
export const FIXTURE_SITE = 'name: Data Engineering Field Guide\nshortName: DE Field Guide\ndescription: A fixture guide, built by the tests from a few pages.\n';

/** A track's `_track.yml` for fixtures: this repository's, for its tracks; made-up words for any other. */
export function trackYml(track: string): string {
  const own = join(process.cwd(), 'content', track, '_track.yml');
  return existsSync(own) ? readFileSync(own, 'utf8') : `label: ${track}\ntitle: The ${track} fixture track\nintro: A track made up by the tests.\nentry: page\nentries: pages\n`;
}

/**
 * The files with the guide's description added where they lack it: `_site.yml`, and a `_track.yml` in each
 * folder that holds a page.
 */
export function describedTree(files: Record<string, string>): Record<string, string> {
  const out = { ...files };
  out['_site.yml'] ??= FIXTURE_SITE;
  for (const path of Object.keys(files)) {
    const [track, name] = path.split('/');
    if (name && /\.mdx?$/.test(path) && !path.slice(track!.length + 1).includes('/')) out[`${track}/_track.yml`] ??= trackYml(track!);
  }
  return out;
}

/**
 * Writes a content tree ({"kafka/a.md": "..."}) into root/content and gives the output folder and the
 * environment that builds it (its own Astro cache, no colours in the log). The tree is written as given: add
 * `_site.yml` and the `_track.yml` files with describedTree() (buildContent does).
 */
function writeContentTree(root: string, files: Record<string, string>, env: Record<string, string> = {}) {
  const content = join(root, 'content');
  mkdirSync(content, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return { outDir: join(root, 'dist'), env: buildEnv({ CONTENT_DIR: content, ASTRO_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1', ...env }) };
}

/** Writes a content tree ({"kafka/a.md": "..."}, described with describedTree()) to a temp folder and runs `astro build` on it. */
export function buildContent(files: Record<string, string>, env: Record<string, string> = {}): BuildResult {
  const { outDir, env: buildVars } = writeContentTree(mkdtempSync(join(tmpdir(), 'fg-content-')), describedTree(files), env);
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: process.cwd(),
    env: buildVars,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outDir };
}

export const page = (fm: Record<string, unknown>, body = 'Body text.\n') =>
  `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n\n${body}`;

export interface FixtureOptions {
  env?: Record<string, string>;
  /**
   * The folder to build in. Inside the repository (the catalogue uses tmp/), Astro keeps its prerender chunks in
   * the output's staging folder, so builds can run side by side; outside it, every build shares
   * <repo>/.astro/.prerender/ and builds must not overlap.
   */
  root?: string;
}

export interface FixtureResult extends BuildResult {
  /** Wall time of the build, in ms. */
  ms: number;
  root: string;
}

/** buildContent without blocking the test worker, so several fixture builds can run at once. The tree is written as given (see describedTree()). */
export async function buildFixture(files: Record<string, string>, options: FixtureOptions = {}): Promise<FixtureResult> {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'fg-content-'));
  mkdirSync(root, { recursive: true });
  const { outDir, env } = writeContentTree(root, files, options.env);
  const started = performance.now();
  const { status, output } = await new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn('npx', ['astro', 'build', '--outDir', outDir], { cwd: process.cwd(), env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code, output: out });
    });
  });
  return { status, output, outDir, root, ms: Math.round(performance.now() - started) };
}
