/**
 * The reader's library: bookmarks, progress, flashcard marks, notes and the last page read, kept in one
 * localStorage key as a versioned JSON document. Pure (no DOM, no storage): the full parser, which repairs a
 * document record by record and migrates older versions. The edits and the cheap check pages run are in
 * library-core.ts (re-exported here); export, import and merge in library-io.ts.
 *
 * Keys: an entry is "track/id" ("kafka/partitions"); a section is "track/id#anchor".
 */
import { isObj, isOn, KINDS, pageOf, trackOf, type Kind, type Snapshot } from './library-core';
import { clone } from './library-edit';

export { KINDS, learnedCount, pageOf, STORAGE_KEY, trackOf, type Kind } from './library-core';
export { setLastRead, setMark, setNote, toggleBookmark } from './library-edit';
export const VERSION = 1;

export interface Bookmark { title: string; section?: string; at: number }
/** A yes/no mark with its time: "learned" for progress, "known" for a flashcard. */
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
}


export const emptyLibrary = (): Library => ({ version: VERSION, bookmarks: {}, progress: {}, cards: {}, notes: {} });

const KEY = /^[a-z0-9][\w-]*\/[\w.-]+(#[^\s#]+)?$/i;
const isKey = (k: unknown): k is string => typeof k === 'string' && k.length <= 300 && KEY.test(k);

/** Field types of each kind of record; "?" marks an optional field. Times are numbers ≥ 0. */
const SHAPES: Record<Kind | 'lastRead', Record<string, string>> = {
  bookmarks: { title: 'string', section: 'string?', at: 'number' },
  progress: { on: 'boolean', at: 'number' },
  cards: { on: 'boolean', at: 'number' },
  notes: { title: 'string', text: 'string', at: 'number' },
  lastRead: { key: 'string', title: 'string', at: 'number' },
};

/** A copy of `v` with exactly the fields of `shape`, or undefined when one is missing or of the wrong type. */
function record(v: unknown, shape: Record<string, string>): Record<string, unknown> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(shape)) {
    const x = v[field];
    if (x === undefined && type.endsWith('?')) continue;
    if (typeof x !== type.replace('?', '') || (typeof x === 'number' && !(x >= 0 && x < 1e15)) || (typeof x === 'string' && x.length > 20_000)) return undefined;
    out[field] = x;
  }
  return out;
}

/** Keeps every well-formed record of a version-1 document; counts the ones it had to leave out. */
export function sanitize(doc: Record<string, unknown>): { library: Library; skipped: number } {
  const library = emptyLibrary() as unknown as Record<string, Record<string, unknown>> & Library;
  let skipped = 0;
  for (const kind of KINDS) {
    const records = doc[kind] ?? {};
    if (!isObj(records)) skipped++;
    else {
      for (const [key, value] of Object.entries(records)) {
        const ok = isKey(key) && record(value, SHAPES[kind]);
        if (ok) (library[kind] as Record<string, unknown>)[key] = ok;
        else skipped++;
      }
    }
  }
  if (doc.lastRead !== undefined) {
    const lr = record(doc.lastRead, SHAPES.lastRead);
    if (lr && isKey(lr.key)) library.lastRead = lr as unknown as LastRead;
    else skipped++;
  }
  return { library, skipped };
}

/**
 * Version 0, the first format (no version field): arrays of keys for bookmarks and learned pages, titles
 * unknown. Migrated with time 0, so anything recorded since wins a merge.
 */
function migrateV0(doc: Record<string, unknown>): { library: Library; skipped: number } {
  const library = emptyLibrary();
  let skipped = 0;
  const keys = (v: unknown) => (Array.isArray(v) ? v : []);
  for (const k of keys(doc.bookmarks)) {
    if (isKey(k)) library.bookmarks[k] = k.includes('#') ? { title: pageOf(k), section: k.split('#')[1]!, at: 0 } : { title: k, at: 0 };
    else skipped++;
  }
  for (const k of keys(doc.learned)) {
    if (isKey(k)) library.progress[k] = { on: true, at: 0 };
    else skipped++;
  }
  return { library, skipped };
}

export type LoadStatus = 'empty' | 'ok' | 'migrated' | 'repaired' | 'corrupt' | 'newer';

export interface Loaded {
  library: Library;
  status: LoadStatus;
  /** Records that could not be kept (repaired, migrated). */
  skipped: number;
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
  const { library, skipped } = sanitize(doc);
  return { library, status: skipped > 0 ? 'repaired' : 'ok', skipped };
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
