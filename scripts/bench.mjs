#!/usr/bin/env node
// `npm run bench -- N`: build the site from a synthetic corpus of N pages (the shared generator's), and print
// build time, pages per second, peak memory, dist/ size and bytes per page. Bytes per page must stay flat as N grows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const n = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: npm run bench -- N   (N pages, for example 1000 or 10000)');
  process.exit(2);
}
// The generator lives beside the repository (../shared/bench/), not in it; BENCH_GENERATOR points elsewhere.
const generator = resolve(process.env.BENCH_GENERATOR ?? fileURLToPath(new URL('../../shared/bench/gen-corpus.mjs', import.meta.url)));
if (!existsSync(generator)) {
  console.error(`Corpus generator not found at ${generator}; set BENCH_GENERATOR to its path.`);
  process.exit(2);
}
const work = resolve('.cache/bench', String(n));
rmSync(work, { recursive: true, force: true });
const content = join(work, 'content');
for (const track of ['python', 'aws', 'kafka']) mkdirSync(join(content, track), { recursive: true });
// The whole corpus is one track: the worst case for navigation, which must not list every page on every page.
if (spawnSync(process.execPath, [generator, join(content, 'kafka'), String(n)], { stdio: 'inherit' }).status !== 0) process.exit(1);

const outDir = join(work, 'dist');
const started = process.hrtime.bigint();
const child = spawn('npx', ['astro', 'build', '--outDir', outDir], {
  env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, 'astro-cache'), NO_COLOR: '1' },
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
let log = '';
child.stdout.on('data', (d) => (log += d));
child.stderr.on('data', (d) => (log += d));
const code = await new Promise((r) => child.on('close', r));
clearInterval(sampler);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (code !== 0) {
  console.error(log.slice(-4000));
  console.error(`build failed (exit ${code})`);
  process.exit(1);
}

let totalBytes = 0;
const entryPages = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else {
      totalBytes += statSync(p).size;
      if (e.name === 'index.html' && /\/kafka\/[^/]+\/index\.html$/.test(p)) entryPages.push(p);
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
};
console.log(`\nbench: ${n} corpus pages → ${result.pages} pages built in ${result.seconds} s (${result.pagesPerSecond} pages/s)`);
console.log(`  peak memory ${result.peakMemoryMB} MB · dist/ ${result.distMB} MB · ${kb(result.bytesPerPage)} per page overall`);
console.log(`  entry page HTML: median ${kb(result.entryHtmlMedian)}, largest ${kb(result.entryHtmlMax)}, median gzip ${kb(result.entryHtmlGzipMedian)}`);
console.log(JSON.stringify(result));
