/**
 * The reader's library: bookmarks, progress, flashcard marks, notes, the last page read and (version 2) each
 * card's review schedule, the review log and the review settings, kept in one localStorage key as a versioned
 * JSON document. Pure (no DOM, no storage): the full parser, which repairs a
 * document record by record and migrates older versions. The edits and the cheap check pages run are in
 * library-core.ts (re-exported here); export, import and merge in library-io.ts.
 *
 * Keys: an entry is "track/id" ("kafka/partitions"); a section is "track/id#anchor".
 */
import { isObj, isOn, KINDS, pageOf, trackOf, type Kind, type Snapshot } from './library-core';
import { clone } from './library-edit';
import { VERSION } from './library-base';
import { migrateMarks } from './review';
import type { LogEntry, Prefs, Sched } from './review-core';

export { KINDS, learnedCount, pageOf, STORAGE_KEY, trackOf, type Kind } from './library-core';
export { setLastRead, setMark, setNote, toggleBookmark } from './library-edit';
export { VERSION };

export interface Bookmark { title: string; section?: string; at: number }
/** A yes/no mark with its time: "learned" for progress, "known" for a flashcard (version 1; migrated to a schedule). */
export interface Mark { on: boolean; at: number }
export interface Note { title: string; text: string; at: number }
export interface LastRead { key: string; title: string; at: number }

export interface Library {
  version: typeof VERSION;
  bookmarks: Record<string, Bookmark>;
  progress: Record<string, Mark>;
  cards: Record<string, Mark>;
  notes: Record<string, Note>;
  lastRead?: LastRead;
  reviews: Record<string, Sched>;
  log: LogEntry[];
  prefs?: Prefs;
}


export const emptyLibrary = (): Library => ({ version: VERSION, bookmarks: {}, progress: {}, cards: {}, notes: {}, reviews: {}, log: [] });

const KEY = /^[a-z0-9][\w-]*\/[\w.-]+(#[^\s#]+)?$/i;
const isKey = (k: unknown): k is string => typeof k === 'string' && k.length <= 300 && KEY.test(k);

/** Field types of each kind of record; "?" marks an optional field. Times are numbers ≥ 0. */
const SHAPES: Record<Kind | 'lastRead' | 'reviews' | 'log' | 'prefs', Record<string, string>> = {
  bookmarks: { title: 'string', section: 'string?', at: 'number' },
  progress: { on: 'boolean', at: 'number' },
  cards: { on: 'boolean', at: 'number' },
  notes: { title: 'string', text: 'string', at: 'number' },
  lastRead: { key: 'string', title: 'string', at: 'number' },
  reviews: { due: 'number', s: 'number', d: 'number', state: 'number', reps: 'number', lapses: 'number', step: 'number', sd: 'number', at: 'number' },
  log: { k: 'string', r: 'number', at: 'number', st: 'number' },
  prefs: { newPerDay: 'number', goal: 'number', at: 'number' },
};
/** Whole numbers in a range, beyond the type: grades 1–4, states 0–3. */
const RANGES: Record<string, [number, number]> = { state: [0, 3], st: [0, 3], r: [1, 4], newPerDay: [0, 1000], goal: [0, 10000] };

/**
 * A copy of `v` with exactly the fields of `shape`, or why not: the first field missing or of the wrong type
 * ('field "at" is missing', 'field "on" is not a boolean').
 */
function check(v: unknown, shape: Record<string, string>): Record<string, unknown> | string {
  if (!isObj(v)) return 'it is not an object';
  const out: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(shape)) {
    const x = v[field];
    const want = type.replace('?', '');
    if (x === undefined && type.endsWith('?')) continue;
    if (x === undefined) return `field "${field}" is missing`;
    const range = RANGES[field];
    if (typeof x !== want || (typeof x === 'number' && !(x >= 0 && x < 1e15)) || (typeof x === 'string' && x.length > 20_000)
      || (range && !(Number.isInteger(x) && (x as number) >= range[0] && (x as number) <= range[1]))) {
      return `field "${field}" is not ${range ? `a whole number from ${range[0]} to ${range[1]}` : want === 'number' ? 'a time or count (a number ≥ 0)' : `a ${want}`}`;
    }
    out[field] = x;
  }
  return out;
}
const record = (v: unknown, shape: Record<string, string>) => {
  const r = check(v, shape);
  return typeof r === 'string' ? undefined : r;
};

/** At most this many problems are described (the count covers them all). */
const MAX_PROBLEMS = 5;

/**
 * Keeps every well-formed record of a version-1 or version-2 document; counts the ones it had to leave out,
 * and says what was wrong with the first few ('progress "kafka/x": field "on" is not a boolean'). Version-1
 * Known / Not yet marks become schedules (src/lib/review.ts migrateMarks); the marks are kept too.
 */
export function sanitize(doc: Record<string, unknown>): { library: Library; skipped: number; kept: number; problems: string[] } {
  const library = emptyLibrary() as unknown as Record<string, Record<string, unknown>> & Library;
  let skipped = 0;
  let kept = 0;
  const problems: string[] = [];
  const bad = (what: string) => {
    skipped++;
    if (problems.length < MAX_PROBLEMS) problems.push(what);
  };
  for (const kind of [...KINDS, 'reviews'] as const) {
    const records = doc[kind] ?? {};
    if (!isObj(records)) bad(`"${kind}" is not an object of records`);
    else {
      for (const [key, value] of Object.entries(records)) {
        const ok = check(value, SHAPES[kind]);
        if (!isKey(key)) bad(`${kind} "${String(key).slice(0, 80)}": the key is not a page or section of this site's form ("track/page")`);
        else if (typeof ok === 'string') bad(`${kind} "${key}": ${ok}`);
        else {
          (library[kind] as Record<string, unknown>)[key] = ok;
          kept++;
        }
      }
    }
  }
  if (doc.log !== undefined) {
    if (!Array.isArray(doc.log)) bad('"log" is not a list of reviews');
    else {
      doc.log.forEach((e, i) => {
        const ok = check(e, SHAPES.log);
        if (typeof ok === 'string' || !isKey(ok.k)) bad(`log entry ${i + 1}: ${typeof ok === 'string' ? ok : 'field "k" is not a card key'}`);
        else {
          library.log.push(ok as unknown as LogEntry);
          kept++;
        }
      });
    }
  }
  for (const one of ['lastRead', 'prefs'] as const) {
    if (doc[one] === undefined) continue;
    const ok = check(doc[one], SHAPES[one]);
    if (typeof ok === 'string' || (one === 'lastRead' && !isKey(ok.key))) bad(`"${one}": ${typeof ok === 'string' ? ok : 'field "key" is not a page of this site\'s form'}`);
    else {
      (library as Record<string, unknown>)[one] = ok;
      kept++;
    }
  }
  Object.assign(library.reviews, migrateMarks(library.cards, library.reviews));
  return { library, skipped, kept, problems };
}

/**
 * Version 0, the first format (no version field): arrays of keys for bookmarks and learned pages, titles
 * unknown. Migrated with time 0, so anything recorded since wins a merge.
 */
function migrateV0(doc: Record<string, unknown>): { library: Library; skipped: number; kept: number; problems: string[] } {
  const library = emptyLibrary();
  let skipped = 0;
  const problems: string[] = [];
  const keys = (v: unknown) => (Array.isArray(v) ? v : []);
  for (const k of keys(doc.bookmarks)) {
    if (isKey(k)) library.bookmarks[k] = k.includes('#') ? { title: pageOf(k), section: k.split('#')[1]!, at: 0 } : { title: k, at: 0 };
    else skipped++, problems.push(`bookmarks: ${JSON.stringify(k)?.slice(0, 80)} is not a page key`);
  }
  for (const k of keys(doc.learned)) {
    if (isKey(k)) library.progress[k] = { on: true, at: 0 };
    else skipped++, problems.push(`learned: ${JSON.stringify(k)?.slice(0, 80)} is not a page key`);
  }
  const kept = Object.keys(library.bookmarks).length + Object.keys(library.progress).length;
  return { library, skipped, kept, problems: problems.slice(0, MAX_PROBLEMS) };
}

export type LoadStatus = 'empty' | 'ok' | 'migrated' | 'repaired' | 'corrupt' | 'newer';

export interface Loaded {
  library: Library;
  status: LoadStatus;
  /** Records that could not be kept (repaired, migrated), records kept, and what was wrong with the first few. */
  skipped: number;
  kept?: number;
  problems?: string[];
  /** For 'newer' and 'migrated': the version found. */
  from?: number;
}

/** Any status but these means the stored text is set aside before the library is written again. */
export const keepsRaw = (s: LoadStatus) => s !== 'empty' && s !== 'ok';

/** Reads what was stored. Never throws: unreadable text gives an empty library and says why. */
export function parseLibrary(raw: string | null): Loaded {
  if (raw === null || raw === '') return { library: emptyLibrary(), status: 'empty', skipped: 0 };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { library: emptyLibrary(), status: 'corrupt', skipped: 0 };
  }
  if (!isObj(doc)) return { library: emptyLibrary(), status: 'corrupt', skipped: 0 };
  const version = doc.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { library: emptyLibrary(), status: 'corrupt', skipped: 0 };
  if (version > VERSION) return { library: emptyLibrary(), status: 'newer', skipped: 0, from: version };
  if (version === 0) return { ...migrateV0(doc), status: 'migrated', from: 0 };
  const { library, skipped, kept, problems } = sanitize(doc);
  return { library, status: skipped > 0 ? 'repaired' : 'ok', skipped, kept, problems };
}

export const serialize = (library: Library): string => JSON.stringify(library);

// ---- edits made on the library page ----

export function removeBookmark<L extends Snapshot>(l: L, key: string): L {
  const next = clone(l);
  delete next.bookmarks[key];
  return next;
}

/** Unmarks every learned entry of a track (kept as "not learned" with the time, so a later merge keeps the reset). */
export function resetTrack<L extends Snapshot>(l: L, track: string, now: number): L {
  const next = clone(l);
  for (const [key, m] of Object.entries(next.progress)) if (trackOf(key) === track && isOn(m)) next.progress[key] = { on: false, at: now };
  return next;
}

/** Removes a learned mark (one for a page the site does not have). */
export function forgetMark<L extends Snapshot>(l: L, key: string): L {
  const next = clone(l);
  delete next.progress[key];
  return next;
}
