/**
 * The reader's library: bookmarks, progress, flashcard marks, notes and the last page read, kept in one
 * localStorage key as a versioned JSON document. Everything here is pure (no DOM, no storage): parsing and
 * repairing what was stored, migrating older versions, the small edits the pages make, merging an imported
 * file (newest timestamp wins) and the report of what an import merged. The browser side is
 * src/scripts/library-store.ts.
 *
 * Keys: an entry is "track/id" ("kafka/partitions"); a section is "track/id#anchor".
 */
export const STORAGE_KEY = 'fg-library';
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

export type Kind = 'bookmarks' | 'progress' | 'cards' | 'notes';
export const KINDS: readonly Kind[] = ['bookmarks', 'progress', 'cards', 'notes'];

export const emptyLibrary = (): Library => ({ version: VERSION, bookmarks: {}, progress: {}, cards: {}, notes: {} });

const KEY = /^[a-z0-9][\w-]*\/[\w.-]+(#[^\s#]+)?$/i;
const isKey = (k: unknown): k is string => typeof k === 'string' && k.length <= 300 && KEY.test(k);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
export const pageOf = (key: string) => key.split('#')[0]!;
export const trackOf = (key: string) => key.split('/')[0]!;

const check: { [K in Kind]: (v: unknown) => Library[K][string] | undefined } = {
  bookmarks: (v) => {
    if (!isObj(v) || !isTime(v.at)) return undefined;
    const title = str(v.title, 300);
    const section = v.section === undefined ? undefined : str(v.section, 300);
    if (title === undefined || (v.section !== undefined && section === undefined)) return undefined;
    return section === undefined ? { title, at: v.at } : { title, section, at: v.at };
  },
  progress: (v) => (isObj(v) && typeof v.on === 'boolean' && isTime(v.at) ? { on: v.on, at: v.at } : undefined),
  cards: (v) => (isObj(v) && typeof v.on === 'boolean' && isTime(v.at) ? { on: v.on, at: v.at } : undefined),
  notes: (v) => {
    if (!isObj(v) || !isTime(v.at)) return undefined;
    const title = str(v.title, 300);
    const text = str(v.text, 20_000);
    return title === undefined || text === undefined ? undefined : { title, text, at: v.at };
  },
};

/** Keeps every well-formed record of a version-1 document; counts the ones it had to leave out. */
export function sanitize(doc: Record<string, unknown>): { library: Library; skipped: number } {
  const library = emptyLibrary();
  let skipped = 0;
  for (const kind of KINDS) {
    const records = doc[kind];
    if (records === undefined) continue;
    if (!isObj(records)) {
      skipped++;
      continue;
    }
    for (const [key, value] of Object.entries(records)) {
      const ok = isKey(key) ? check[kind](value) : undefined;
      if (ok) (library[kind] as Record<string, unknown>)[key] = ok;
      else skipped++;
    }
  }
  const lr = doc.lastRead;
  if (isObj(lr) && isKey(lr.key) && isTime(lr.at) && str(lr.title, 300) !== undefined) {
    library.lastRead = { key: lr.key, title: lr.title as string, at: lr.at };
  } else if (lr !== undefined) skipped++;
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

// ---- edits the pages make (each returns a new library) ----

const clone = (l: Library): Library => ({
  ...l, bookmarks: { ...l.bookmarks }, progress: { ...l.progress }, cards: { ...l.cards }, notes: { ...l.notes },
});

export function toggleBookmark(l: Library, key: string, title: string, section: string | undefined, now: number): Library {
  const next = clone(l);
  if (next.bookmarks[key]) delete next.bookmarks[key];
  else next.bookmarks[key] = section ? { title, section, at: now } : { title, at: now };
  return next;
}

export function setMark(l: Library, kind: 'progress' | 'cards', key: string, on: boolean, now: number): Library {
  const next = clone(l);
  next[kind][key] = { on, at: now };
  return next;
}

/** An empty note is removed. */
export function setNote(l: Library, key: string, title: string, text: string, now: number): Library {
  const next = clone(l);
  if (text.trim() === '') delete next.notes[key];
  else next.notes[key] = { title, text, at: now };
  return next;
}

export const setLastRead = (l: Library, key: string, title: string, now: number): Library => ({ ...clone(l), lastRead: { key, title, at: now } });

/** Unmarks every learned entry of a track (marks stay, as "not learned" with the time, so a merge keeps the reset). */
export function resetTrack(l: Library, track: string, now: number): Library {
  const next = clone(l);
  for (const [key, m] of Object.entries(next.progress)) if (trackOf(key) === track && m.on) next.progress[key] = { on: false, at: now };
  return next;
}

export const learnedCount = (l: Library, track: string) =>
  Object.entries(l.progress).filter(([k, m]) => m.on && trackOf(k) === track && !k.includes('#')).length;

// ---- export / import ----

export function exportLibrary(l: Library, now: number): string {
  return JSON.stringify({ app: 'data-engineering-field-guide', exportedAt: new Date(now).toISOString(), ...l }, null, 2);
}

export type MergeReport = Record<Kind, number> & { skipped: number };

/** Adds what `incoming` has and `base` lacks; on the same key the newer timestamp wins. */
export function mergeLibrary(base: Library, incoming: Library): { library: Library; report: MergeReport } {
  const library = clone(base);
  const report: MergeReport = { bookmarks: 0, progress: 0, cards: 0, notes: 0, skipped: 0 };
  for (const kind of KINDS) {
    const into = library[kind] as Record<string, { at: number }>;
    for (const [key, value] of Object.entries(incoming[kind] as Record<string, { at: number }>)) {
      const have = into[key];
      if (!have || value.at > have.at) {
        into[key] = value;
        report[kind]++;
      } else report.skipped++;
    }
  }
  if (incoming.lastRead && (!library.lastRead || incoming.lastRead.at > library.lastRead.at)) library.lastRead = incoming.lastRead;
  return { library, report };
}

export class ImportError extends Error {}

/** Validates an export file and merges it. A malformed file throws ImportError and changes nothing. */
export function importLibrary(base: Library, text: string): { library: Library; report: MergeReport } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not valid JSON, so nothing was imported.');
  }
  if (!isObj(doc)) throw new ImportError('This file is not a library export (expected a JSON object), so nothing was imported.');
  if (!('version' in doc)) throw new ImportError('This file has no version field; it is not a library export, so nothing was imported.');
  const loaded = parseLibrary(text);
  if (loaded.status === 'newer') throw new ImportError(`This file is from a newer version of the site (version ${loaded.from}); nothing was imported.`);
  if (loaded.status === 'corrupt') throw new ImportError('This file has an invalid version field, so nothing was imported.');
  if (!KINDS.some((k) => k in doc) && !('learned' in doc)) throw new ImportError('This file holds no bookmarks, progress, cards or notes, so nothing was imported.');
  const { library, report } = mergeLibrary(base, loaded.library);
  report.skipped += loaded.skipped;
  return { library, report };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatReport(r: MergeReport): string {
  const parts = [
    plural(r.bookmarks, 'bookmark'), plural(r.progress, 'progress mark'), plural(r.cards, 'card mark'), plural(r.notes, 'note'),
  ];
  return `${parts.join(', ')} added or updated; ${r.skipped} skipped.`;
}
