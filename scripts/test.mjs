#!/usr/bin/env node
// `npm test`: set up what the tests need where it can (Debian's Chromium), build the site once,
// then run every Vitest project (unit, content, examples, site, browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
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

ensureChromium();
if (run('npx', ['astro', 'build']) !== 0) {
  console.error('The site did not build; no tests were run.');
  process.exit(1);
}
process.exit(run('npx', ['vitest', 'run', ...process.argv.slice(2)], { FG_BUILT: '1' }));
