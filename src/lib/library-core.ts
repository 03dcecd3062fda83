/**
 * The small part of the reader's library that every library page loads (src/lib/library.ts has the full
 * parser, library-edit.ts the edits): a structural check of the stored document and defensive reads. Records are read
 * through isOn / text, so a malformed record shows as absent and never breaks a page; the full parser
 * (library page import, restore) repairs and reports them.
 *
 * Keys: an entry is "track/id" ("kafka/partitions"); a section is "track/id#anchor".
 */
import { emptySnapshot } from './library-base';

export { STORAGE_KEY, emptySnapshot, countText } from './library-base';
export type Kind = 'bookmarks' | 'progress' | 'cards' | 'notes';
export const KINDS: readonly Kind[] = ['bookmarks', 'progress', 'cards', 'notes'];

/** The stored document as pages read it: records may be anything. */
export type Snapshot = Record<Kind, Record<string, unknown>> & { lastRead?: unknown };

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const pageOf = (key: string) => key.split('#')[0]!;
export const trackOf = (key: string) => key.split('/')[0]!;

/**
 * The stored document if it is a version-1 document ("ok"; nothing stored gives an empty one), or why it
 * is not: "corrupt" (not JSON or not a library), "older" (a version before 1, migrated by an import),
 * "newer" (from a newer site). Anything but "ok" is set aside by the page, never overwritten.
 */
export function quickRead(raw: string | null): { snap: Snapshot; status: 'ok' | 'corrupt' | 'older' | 'newer' } {
  let doc: unknown;
  try {
    doc = raw ? JSON.parse(raw) : { version: 1 };
  } catch {
    /* not JSON */
  }
  const v = isObj(doc) ? (doc.version ?? 0) : -1;
  const status = v === 1 && KINDS.every((k) => (doc as Snapshot)[k] === undefined || isObj((doc as Snapshot)[k]))
    ? 'ok' : typeof v === 'number' && v > 1 ? 'newer' : v === 0 ? 'older' : 'corrupt';
  return { snap: { ...emptySnapshot(), ...(status === 'ok' ? (doc as object) : {}) }, status };
}

/** A mark ("learned", "known") that is on; false for anything else. */
export const isOn = (v: unknown) => isObj(v) && v.on === true;
export const text = (v: unknown, field: string) => (isObj(v) && typeof v[field] === 'string' ? (v[field] as string) : '');

export const learnedCount = (l: Pick<Snapshot, 'progress'>, track: string) =>
  Object.entries(l.progress).filter(([k, m]) => isOn(m) && trackOf(k) === track && !k.includes('#')).length;
