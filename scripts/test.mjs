#!/usr/bin/env node
// `npm test`: set up what the tests need where it can (Debian's Chromium), build the site once, and run every
// Vitest project (unit, content, site, browser, then examples). The example engines' caches (Python venv, Kafka
// jars) are prepared alongside the build and the other projects. `npm test -- <vitest arguments>` runs one Vitest
// with those arguments, after the caches if the examples are among them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { selectedProjects } from './test-selection.ts';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
// The same without blocking, so the examples' preparation keeps running (and its output is collected) meanwhile.
const runAsync = (cmd, args, env = {}) => new Promise((resolve) => spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).on('close', (code) => resolve(code ?? 1)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'];

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium is missing: installing Debian\'s chromium with apt-get for the browser tests.');
    if (run('apt-get', ['update', '-qq']) === 0 && run(INSTALL[0], INSTALL.slice(1), { DEBIAN_FRONTEND: 'noninteractive' }) === 0 && existsSync(CHROMIUM)) return;
    console.error('Installing chromium with apt-get failed.');
  } else {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it, then run npm test again:\n  sudo apt-get update && sudo ${INSTALL.join(' ')}\n(or set CHROMIUM_PATH to a Chromium binary).`);
  }
  process.exit(1);
}

const args = process.argv.slice(2);
const selected = selectedProjects(args);

/**
 * The examples' caches take a minute or more on a fresh machine (mostly downloads): prepare them while the site
 * builds instead of after it. The caches are built under a lock, so the examples' own setup then finds them
 * ready, or builds them itself if this failed (and reports why).
 */
let preparing;
function prepareExamples() {
  if (!selected.has('examples')) return Promise.resolve();
  const child = (preparing = spawn('npm', ['run', '--silent', 'setup:examples'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('close', (code) => {
    if (code !== 0) console.error(`Preparing the example engines failed (exit ${code}); the examples' setup will try again:\n${output}`);
    else console.log(`[examples] caches ready: ${output.trim().split('\n').at(-1)}`);
    resolve();
  }));
}

// Chromium only for the browser tests, and the site is built only for the tests that read it (site, browser).
if (selected.has('browser')) ensureChromium();
const examplesReady = prepareExamples();
const needsSite = selected.has('site') || selected.has('browser');
const built = !needsSite || (await runAsync('npx', ['astro', 'build'])) === 0;
if (!built) {
  console.error('The site did not build; no tests were run.');
  // Stop the preparation too (its whole process group: npm, then Node); its caches are built under a lock.
  try {
    if (preparing && preparing.exitCode === null) process.kill(-preparing.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  process.exit(1);
}
const vitest = (extra) => runAsync('npx', ['vitest', 'run', ...extra], needsSite ? { FG_BUILT: '1' } : {});
if (args.length > 0) {
  await examplesReady;
  process.exit(await vitest(args));
}
// A whole run: the projects that need no example engine run while the engines' caches are still being prepared
// (on a fresh machine that takes a minute or more, mostly downloads), then the examples run.
console.log('npm test: unit, content, site and browser tests (the example engines are prepared alongside)');
const first = await vitest(['--project', 'unit', '--project', 'content', '--project', 'site', '--project', 'browser']);
await examplesReady;
console.log('npm test: the examples, run against real engines');
const second = await vitest(['--project', 'examples']);
if (first !== 0) console.error('npm test: the unit, content, site or browser tests failed (see above).');
process.exit(first || second);
