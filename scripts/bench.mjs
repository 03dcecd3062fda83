#!/usr/bin/env node
// `npm run bench -- N`: build the site from a synthetic corpus of N pages (the shared generator's), and print
// build time, pages per second, peak memory, dist/ size and bytes per page, and where the time went by phase.
// Bytes per page must stay flat as N grows.
//   cold (default): corpus, output and every cache (content layer, Vite, social cards) made anew;
//   BENCH_WARM=1 (or --warm): a rebuild of the same corpus with the caches of the previous run kept.
// BENCH_DIR (default .cache/bench) holds the corpus, output and caches, in <BENCH_DIR>/<N>/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { phases } from './bench-phases.mjs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const warm = args.includes('--warm') || process.env.BENCH_WARM === '1';
const n = Number(args.find((a) => !a.startsWith('--')) ?? 1000);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: npm run bench -- N [--warm]   (N pages, for example 1000 or 10000)');
  process.exit(2);
}
// The generator lives beside the repository (../shared/bench/), not in it, or beside a folder above it (a git
// worktree in /work/wt/<name> finds /work/shared/); BENCH_GENERATOR points elsewhere.
const besideOrAbove = () => {
  const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
  for (let dir = repo; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared/bench/gen-corpus.mjs');
    if (existsSync(candidate)) return candidate;
  }
  return join(dirname(repo), 'shared/bench/gen-corpus.mjs');
};
const generator = resolve(process.env.BENCH_GENERATOR ?? besideOrAbove());
if (!existsSync(generator)) {
  console.error(`Corpus generator not found at ${generator}; set BENCH_GENERATOR to its path.`);
  process.exit(2);
}
const work = resolve(process.env.BENCH_DIR ?? '.cache/bench', String(n));
const content = join(work, 'content');
const cache = join(work, 'astro-cache');
if (warm && !existsSync(cache)) console.warn(`bench: no cache in ${cache} yet, so this "warm" run is cold`);
if (!warm) rmSync(work, { recursive: true, force: true });
for (const track of ['python', 'aws', 'kafka']) rmSync(join(content, track), { recursive: true, force: true });
mkdirSync(join(content, 'kafka'), { recursive: true });
// The whole corpus is one track: the worst case for navigation, which must not list every page on every page.
// (Written anew on a warm run too: the generator is deterministic, so the content is the same.) The guide's
// description: the site's name and description, and the Kafka track's _track.yml, from this repository's content/.
const repoContent = fileURLToPath(new URL('../content/', import.meta.url));
const siteYml = readFileSync(join(repoContent, '_site.yml'), 'utf8');
const key = (k) => new RegExp(`^${k}:.*(?:\n  .*)*`, 'm').exec(siteYml)?.[0];
writeFileSync(join(content, '_site.yml'), `${['name', 'shortName', 'description'].map(key).filter(Boolean).join('\n')}\n`);
writeFileSync(join(content, 'kafka', '_track.yml'), readFileSync(join(repoContent, 'kafka', '_track.yml')));
if (spawnSync(process.execPath, [generator, join(content, 'kafka'), String(n)], { stdio: 'inherit' }).status !== 0) process.exit(1);

const outDir = join(work, 'dist');
const started = process.hrtime.bigint();
const child = spawn('npx', ['astro', 'build', '--outDir', outDir], {
  env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: cache, NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
// Peak memory: the largest sum of resident memory over the build's process tree, sampled from /proc.
let peak = 0;
const treeRss = (pid) => {
  let rss = 0;
  try {
    rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const c of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) rss += treeRss(Number(c));
    }
  } catch { /* process ended */ }
  return rss;
};
const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 200);
// Every line of Astro's log with the time it arrived (ms since the build started), for the phase table.
let log = '';
const lines = [];
let partial = '';
const onData = (d) => {
  const at = Number(process.hrtime.bigint() - started) / 1e6;
  log += d;
  const parts = (partial + d).split('\n');
  partial = parts.pop();
  for (const text of parts) lines.push({ at, text });
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
const code = await new Promise((r) => child.on('close', r));
if (partial) lines.push({ at: Number(process.hrtime.bigint() - started) / 1e6, text: partial });
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'build.log'), lines.map((l) => `${(l.at / 1000).toFixed(2).padStart(7)} ${l.text}`).join('\n') + '\n');
clearInterval(sampler);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (code !== 0) {
  console.error(log.slice(-4000));
  console.error(`build failed (exit ${code})`);
  process.exit(1);
}

let totalBytes = 0;
let largestPrint = 0;
const entryPages = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else {
      const size = statSync(p).size;
      totalBytes += size;
      if (/\/print\//.test(p) && e.name === 'index.html') largestPrint = Math.max(largestPrint, size);
      // Entry pages only (/kafka/<entry>/), not print parts (/print/kafka/2/).
      if (e.name === 'index.html' && dirname(dirname(p)) === join(outDir, 'kafka')) entryPages.push(p);
    }
  }
};
walk(outDir);
const htmlSizes = entryPages.map((p) => statSync(p).size).sort((a, b) => a - b);
const gzSizes = entryPages.map((p) => gzipSync(readFileSync(p)).length).sort((a, b) => a - b);
const median = (a) => a[Math.floor(a.length / 2)];
const pages = (log.match(/(\d+) page\(s\) built/) ?? [])[1];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const result = {
  pages: Number(pages),
  seconds: Number(seconds.toFixed(1)),
  pagesPerSecond: Number((Number(pages) / seconds).toFixed(1)),
  peakMemoryMB: Math.round(peak / 1024 / 1024),
  distMB: Number((totalBytes / 1024 / 1024).toFixed(1)),
  bytesPerPage: Math.round(totalBytes / Number(pages)),
  entryHtmlMedian: median(htmlSizes),
  entryHtmlMax: htmlSizes.at(-1),
  entryHtmlGzipMedian: median(gzSizes),
  largestPrintPageMB: Number((largestPrint / 1024 / 1024).toFixed(1)),
  warm,
  phases: Object.fromEntries(phases(lines, seconds * 1000).map(([label, s]) => [label, Number(s.toFixed(2))])),
};
console.log(`\nbench (${warm ? 'warm: caches kept' : 'cold'}): ${n} corpus pages → ${result.pages} pages built in ${result.seconds} s (${result.pagesPerSecond} pages/s)`);
console.log(`  peak memory ${result.peakMemoryMB} MB · dist/ ${result.distMB} MB · ${kb(result.bytesPerPage)} per page overall`);
console.log(`  entry page HTML: median ${kb(result.entryHtmlMedian)}, largest ${kb(result.entryHtmlMax)}, median gzip ${kb(result.entryHtmlGzipMedian)}`);
console.log(`  largest print page ${result.largestPrintPageMB} MB · full log with arrival times: ${join(work, 'build.log')}`);
console.log('  where the time went:');
for (const [label, s] of Object.entries(result.phases)) console.log(`    ${s.toFixed(2).padStart(7)} s  ${label}`);
console.log(JSON.stringify(result));
