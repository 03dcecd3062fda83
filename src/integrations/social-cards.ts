import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { load as loadYaml } from 'js-yaml';
import { TRACKS } from '../tracks';
import { SITE } from '../site.config';
import { cardTexts, socialCardSvg } from '../lib/social-image';

/**
 * Social cards (src/pages/og/) drawn once per distinct content: each PNG is kept in Astro's cache directory
 * under a hash of its SVG and of how it is drawn, so a rebuild draws only the cards whose text changed. The
 * cards a build must draw are drawn in worker threads, one per core, while Astro writes the ones already done.
 *
 * The route's bundle and this integration are two copies of this module (Vite bundles the route), so their
 * shared state lives on globalThis.
 */
const RESVG_OPTIONS: ResvgRenderOptions = { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } };
// Part of every card's key: change it when the drawing changes in a way the SVG does not show.
const DRAWING = `resvg-2.6.2 ${JSON.stringify(RESVG_OPTIONS)}`;
const WORKER = fileURLToPath(new URL('./social-card-worker.mjs', import.meta.url));

interface State {
  /** Where the cards are kept between builds; unset outside a build with this integration (dev without it). */
  dir?: string;
  worker?: string;
  /** Cards being drawn (or drawn and not yet written by their page): held only until the page takes them. */
  pending: Map<string, Promise<Uint8Array>>;
  /** Every card this build's pages asked for, by key: what the cache keeps. */
  used: Set<string>;
  /** Cards drawn by this build (the rest of `used` came from the cache). */
  drawn: Set<string>;
  pool?: Pool;
  /** An `astro build` (cards are drawn early), not the dev server (drawn when asked for). */
  build?: boolean;
}
const KEY = Symbol.for('field-guide.social-cards');
const state: State = ((globalThis as Record<symbol, State>)[KEY] ??= { pending: new Map(), used: new Set(), drawn: new Set() });

const keyOf = (svg: string) => createHash('sha256').update(DRAWING).update('\0').update(svg).digest('hex').slice(0, 32);

/** Worker threads fed from one queue; they end when the queue is empty, so the build can exit. */
class Pool {
  private idle: Worker[] = [];
  private all: Worker[] = [];
  private queue: { id: number; svg: string; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  private waiting = new Map<number, (typeof this.queue)[number]>();
  private next = 0;
  constructor(private file: string, private size: number) {}
  draw(svg: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, svg, resolve, reject });
      this.pump();
    });
  }
  private pump() {
    while (this.queue.length && (this.idle.length || this.all.length < this.size)) {
      const w = this.idle.pop() ?? this.spawn();
      const job = this.queue.shift()!;
      this.waiting.set(job.id, job);
      w.postMessage({ id: job.id, svg: job.svg, options: RESVG_OPTIONS });
    }
    if (!this.queue.length && !this.waiting.size) {
      for (const w of this.all) void w.terminate();
      this.all = [];
      this.idle = [];
    }
  }
  private spawn(): Worker {
    const w = new Worker(this.file);
    w.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = this.waiting.get(id)!;
      this.waiting.delete(id);
      if (png) job.resolve(png);
      else job.reject(new Error(`social card: ${error}`));
      this.idle.push(w);
      this.pump();
    });
    w.on('error', (e: Error) => {
      // A worker that failed is dropped; the cards it had fail their pages with the worker's error.
      for (const job of this.waiting.values()) job.reject(e);
      this.waiting.clear();
      this.all = this.all.filter((x) => x !== w);
      this.idle = this.idle.filter((x) => x !== w);
    });
    this.all.push(w);
    return w;
  }
}

function drawNow(svg: string): Uint8Array {
  return new Resvg(svg, RESVG_OPTIONS).render().asPng();
}

const fileOf = (key: string) => state.dir && join(state.dir, `${key}.png`);

/** Starts drawing a card unless the cache has it or it is under way; returns its key. */
function prepare(svg: string): string {
  const key = keyOf(svg);
  const file = fileOf(key);
  if (state.pending.has(key) || (file && existsSync(file))) return key;
  state.drawn.add(key);
  const drawn = state.worker ? (state.pool ??= new Pool(state.worker, Math.max(1, availableParallelism()))).draw(svg) : Promise.resolve(drawNow(svg));
  // Once on disk, a card is read back when its page asks: the build does not hold every card in memory.
  const card = file ? drawn.then((png) => (writeFileSync(file, png), state.pending.delete(key), png)) : drawn;
  card.catch(() => { /* reported to the page that asks for it */ });
  state.pending.set(key, card);
  return key;
}

/** The card for this SVG: drawn (in a worker thread when the integration is installed) or read from the cache. */
export function socialCardPng(svg: string): Promise<Uint8Array> {
  const key = prepare(svg);
  const file = fileOf(key);
  state.used.add(key);
  const card = state.pending.get(key);
  if (card) {
    if (!file) state.pending.delete(key);
    return card;
  }
  return Promise.resolve(new Uint8Array(readFileSync(file!)));
}

/** Starts work on all of a route's cards at once (the route's getStaticPaths), so the workers never wait. */
export function prepareSocialCards(svgs: string[]): void {
  for (const svg of svgs) prepare(svg);
}

/**
 * The cards a build will need, read from the content files' frontmatter before Astro has loaded a collection, so
 * the workers draw them while the main thread syncs content and runs Vite. A guess, not a source of truth: each
 * card is keyed by its SVG, so one guessed wrong (or a file that does not parse) is simply drawn later, by the
 * route, from the checked collection.
 */
export function guessCards(contentDir: string): string[] {
  const entries: { track: string; id: string; title: string; summary: string }[] = [];
  for (const t of TRACKS) {
    let files: string[] = [];
    try {
      files = readdirSync(join(contentDir, t.id)).filter((f) => /\.mdx?$/.test(f));
    } catch { continue; }
    for (const f of files) {
      try {
        const text = readFileSync(join(contentDir, t.id, f), 'utf8');
        const data = loadYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') as { title?: unknown; summary?: unknown };
        if (typeof data?.title === 'string' && typeof data.summary === 'string') entries.push({ track: t.id, id: f.replace(/\.mdx?$/, ''), title: data.title, summary: data.summary });
      } catch { /* the collection reports it */ }
    }
  }
  return cardTexts(SITE, TRACKS, entries).map(({ path: _, ...card }) => socialCardSvg({ ...card, site: SITE.name }));
}

export function socialCards(): AstroIntegration {
  return {
    name: 'field-guide:social-cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        state.build = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        state.dir = fileURLToPath(new URL('social-cards/', config.cacheDir));
        mkdirSync(state.dir, { recursive: true });
        state.worker = WORKER;
        // Same folder as src/content.config.ts reads.
        if (state.build) prepareSocialCards(guessCards(process.env.CONTENT_DIR ?? './content'));
      },
      'astro:build:done': ({ logger }) => {
        // Cards no page of this build uses are removed, so the cache holds one site's cards, not every past one.
        const used = new Set([...state.used].map((k) => `${k}.png`));
        let removed = 0;
        if (state.dir && used.size) for (const f of readdirSync(state.dir)) if (!used.has(f)) (rmSync(join(state.dir, f)), removed++);
        const drawn = [...state.used].filter((k) => state.drawn.has(k)).length;
        const early = state.drawn.size - drawn;
        logger.info(`social cards: ${drawn} drawn, ${state.used.size - drawn} from the cache${early ? `, ${early} drawn early for nothing (guessed wrong)` : ''}${removed ? `, ${removed} unused removed from it` : ''}`);
        // The next build (a dev server's, or a test's) starts from the cache on disk.
        state.used.clear();
        state.pending.clear();
        state.drawn.clear();
      },
    },
  };
}
