/**
 * The library page's work, off the main thread: drawing the lists (bookmarks by track, notes, stored data
 * that was set aside), and every change: remove a bookmark, reset a track, export, import (validate, merge,
 * report), restore what was set aside. Pure functions from src/lib/library*.ts; the page stores results.
 * The page starts this worker only when there is a library to show or a change to make, so a first visit
 * (nothing stored) loads none of it.
 */
import { isObj, pageOf, text, trackOf, type Snapshot } from '../lib/library-core';
import { forgetMark, removeBookmark, resetTrack } from '../lib/library';
import { current, exportLibrary, formatReport, ImportError, importLibrary, restoreLibrary } from '../lib/library-io';

export interface Ask {
  op: 'render' | 'export' | 'import' | 'restore' | 'reset' | 'remove' | 'forget';
  snap: Snapshot;
  /** The file's text (import), the stored text set aside (restore), the track (reset) or the key (remove, forget). */
  arg: string;
  /** Keys of the data set aside ("fg-library-<why>-<time>"). */
  aside: string[];
  base: string;
  /** The site's entries ("track/id"): learned marks for any other page are listed to be removed. */
  pages: string[];
  name?: string;
  now: number;
}
export interface Answer {
  library?: object;
  file?: [name: string, text: string];
  say?: string;
  error?: boolean;
  /** HTML of each list, by the `data-list` of its element. */
  lists?: Record<string, string>;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const button = (label: string, op: string, arg: string, hidden: string) =>
  ` <button type="button" class="lib-btn" data-op="${op}" data-arg="${esc(arg)}">${label}<span class="sr-only"> ${esc(hidden)}</span></button>`;
const WHY: Record<string, string> = {
  older: 'a library in an older format', newer: 'a library saved by a newer version of this site', repaired: 'a library with records that could not be read',
};

/** The library page's lists as HTML: bookmarks grouped by track, notes (newest first), data set aside. */
export function lists(snap: Snapshot, aside: string[], base: string, pages: string[] = []): Record<string, string> {
  const link = (key: string, label: string) => `<a href="${esc(`${base}${pageOf(key)}/${key.replace(/^[^#]*/, '')}`)}">${esc(label)}</a>`;
  const out: Record<string, string> = {};
  for (const [key, b] of Object.entries(snap.bookmarks).filter(([, v]) => isObj(v)).sort(([a], [b]) => a.localeCompare(b))) {
    const name = [text(b, 'title') || pageOf(key), text(b, 'section')].filter(Boolean).join(' › ');
    out[trackOf(key)] = `${out[trackOf(key)] ?? ''}<li>${link(key, name)}${button('Remove', 'remove', key, `bookmark: ${name}`)}</li>`;
  }
  const at = (v: unknown) => (isObj(v) && typeof v.at === 'number' ? v.at : 0);
  out.notes = Object.entries(snap.notes).filter(([, n]) => text(n, 'text')).sort(([, a], [, b]) => at(b) - at(a))
    .map(([key, n]) => `<li>${link(key, text(n, 'title') || key)}<p>${esc(text(n, 'text'))}</p></li>`).join('');
  out.aside = aside.map((key) => {
    const [, why = '', time = '0'] = /-(\w+)-(\d+)$/.exec(key) ?? [];
    const label = `${WHY[why] ?? 'library data that could not be read'}, found on ${new Date(Number(time)).toLocaleString('en-GB')}`;
    return `<li>${esc(label[0]!.toUpperCase() + label.slice(1))}.${button('Download', 'download', key, label)}${button('Restore', 'restore', key, label)}${button('Discard', 'discard', key, label)}</li>`;
  }).join('');
  const known = new Set(pages);
  out.orphans = pages.length ? Object.keys(snap.progress).filter((k) => !k.includes('#') && !known.has(k)).sort()
    .map((k) => `<li>${esc(k)}${button('Remove', 'forget', k, `learned mark for ${k}`)}</li>`).join('') : '';
  return out;
}

function run({ op, snap, arg, aside, base, name, now, pages }: Ask): Answer {
  if (op === 'render') return { lists: lists(snap, aside, base, pages) };
  if (op === 'forget') return { library: forgetMark(snap, arg), say: 'Mark removed.' };
  if (op === 'export') return { file: [`field-guide-library-${new Date(now).toISOString().slice(0, 10)}.json`, exportLibrary(snap as never, now)] };
  if (op === 'reset') return { library: resetTrack(snap, arg, now), say: 'Progress reset.' };
  if (op === 'remove') return { library: removeBookmark(snap, arg) };
  const cur = current(snap);
  const merged = op === 'import' ? importLibrary(cur.library, arg) : restoreLibrary(cur.library, arg);
  return { library: merged.library, say: `${op === 'import' ? `Imported ${name}` : 'Restored'}: ${formatReport(merged.report)}` };
}

globalThis.onmessage = ({ data }: MessageEvent<Ask>) => {
  try {
    postMessage(run(data));
  } catch (e) {
    const what = data.op === 'import' ? `Could not import ${data.name}` : 'Could not restore it';
    postMessage({ say: `${what}: ${e instanceof ImportError ? e.message : 'it could not be read, so nothing changed.'}`, error: true });
  }
};
