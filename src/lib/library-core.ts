/**
 * The small part of the reader's library that every library page loads (src/lib/library.ts has the full
 * parser, library-edit.ts the edits): a structural check of the stored document and defensive reads. Records are read
 * through isOn / text, so a malformed record shows as absent and never breaks a page; the full parser
 * (library page import, restore) repairs and reports them.
 *
 * Keys: an entry is "track/id" ("kafka/partitions"); a section is "track/id#anchor".
 */
import { emptySnapshot, VERSION } from './library-base';

export { STORAGE_KEY, emptySnapshot, countText, VERSION } from './library-base';
export type Kind = 'bookmarks' | 'progress' | 'cards' | 'notes';
export const KINDS: readonly Kind[] = ['bookmarks', 'progress', 'cards', 'notes'];

/** The stored document as pages read it: records may be anything. `reviews`, `log`, `prefs`: version 2. */
export type Snapshot = Record<Kind, Record<string, unknown>> & { version?: number; lastRead?: unknown; reviews?: Record<string, unknown>; log?: unknown[]; prefs?: unknown };

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const pageOf = (key: string) => key.split('#')[0]!;
export const trackOf = (key: string) => key.split('/')[0]!;

/**
 * The stored document if it is a version-1 or version-2 document ("ok"; nothing stored gives an empty one;
 * version 1 is version 2 without reviews, and is written back as version 2), or why it is not: "corrupt"
 * (not JSON or not a library), "older" (a version before 1, migrated by an import), "newer" (from a newer
 * site). Anything but "ok" is set aside by the page, never overwritten.
 */
export function quickRead(raw: string | null): { snap: Snapshot; status: 'ok' | 'corrupt' | 'older' | 'newer' } {
  let doc: unknown;
  try {
    doc = raw ? JSON.parse(raw) : { version: 1 };
  } catch {
    /* not JSON */
  }
  const v = isObj(doc) ? (doc.version ?? 0) : -1;
  const d = doc as Snapshot;
  const status = (v === 1 || v === VERSION) && [...KINDS, 'reviews' as const].every((k) => d[k] === undefined || isObj(d[k]))
    && (d.log === undefined || Array.isArray(d.log))
    ? 'ok' : typeof v === 'number' && v > VERSION ? 'newer' : v === 0 ? 'older' : 'corrupt';
  return { snap: { ...emptySnapshot(), ...(status === 'ok' ? (doc as object) : {}), version: VERSION }, status };
}

/** A mark ("learned", "known") that is on; false for anything else. */
export const isOn = (v: unknown) => isObj(v) && v.on === true;
export const text = (v: unknown, field: string) => (isObj(v) && typeof v[field] === 'string' ? (v[field] as string) : '');

/** Entries of `track` marked learned; with `ids` (the track's entry ids), only entries the site has. */
export const learnedCount = (l: Pick<Snapshot, 'progress'>, track: string, ids?: readonly string[]) =>
  Object.entries(l.progress).filter(([k, m]) => isOn(m) && trackOf(k) === track && !k.includes('#') && (!ids || ids.includes(k.split('/')[1]!))).length;

/** The largest file an import reads (the library page checks before reading it): far more than any library (a year of daily reviews is under 1 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Why a file of `bytes` is not read, or undefined when its size is fine. */
export const sizeProblem = (bytes: number) =>
  bytes > MAX_IMPORT_BYTES ? `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB, too large for a library export (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB), so nothing was imported.` : undefined;
