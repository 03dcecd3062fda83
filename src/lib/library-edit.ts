/** The edits pages make to the library document (each returns a new document). Pure. */
import type { Snapshot } from './library-core';

// Not imported from library-core.ts: a first visit's controls use these edits without the rest of it.
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Doc = Snapshot;
export const clone = <L extends Doc>(l: L): L => ({
  ...l, bookmarks: { ...l.bookmarks }, progress: { ...l.progress }, cards: { ...l.cards }, notes: { ...l.notes },
});

export function toggleBookmark<L extends Doc>(l: L, key: string, title: string, section: string | undefined, now: number): L {
  const next = clone(l);
  if (isObj(next.bookmarks[key])) delete next.bookmarks[key];
  else next.bookmarks[key] = section ? { title, section, at: now } : { title, at: now };
  return next;
}

export function setMark<L extends Doc>(l: L, kind: 'progress' | 'cards', key: string, on: boolean, now: number): L {
  const next = clone(l);
  next[kind][key] = { on, at: now };
  return next;
}

/** An empty note is removed. */
export function setNote<L extends Doc>(l: L, key: string, title: string, note: string, now: number): L {
  const next = clone(l);
  if (note.trim() === '') delete next.notes[key];
  else next.notes[key] = { title, text: note, at: now };
  return next;
}

export const setLastRead = <L extends Doc>(l: L, key: string, title: string, now: number): L => ({ ...clone(l), lastRead: { key, title, at: now } });
