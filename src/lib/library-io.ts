/**
 * Export and import of the reader's library (src/lib/library.ts): the export file, the newest-wins merge and
 * the report of what an import merged. Separate so that only the library page loads it.
 */
import { KINDS, parseLibrary, type Kind, type Library } from './library';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = (l: Library): Library => ({
  ...l, bookmarks: { ...l.bookmarks }, progress: { ...l.progress }, cards: { ...l.cards }, notes: { ...l.notes },
  reviews: { ...l.reviews }, log: [...l.log],
});

export function exportLibrary(l: Library, now: number): string {
  return JSON.stringify({ app: 'data-engineering-field-guide', exportedAt: new Date(now).toISOString(), ...l }, null, 2);
}

/**
 * What a merge did: records added or updated per kind (`reviews`: card schedules, `log`: reviews new to the
 * log), `current`: records this browser already had as new or newer, `skipped`: malformed records left out,
 * with `problems` describing the first few.
 */
export type MergeReport = Record<Kind | 'reviews' | 'log', number> & { current: number; skipped: number; problems: string[] };

/**
 * Adds what `incoming` has and `base` lacks; on the same key the newer timestamp wins (a schedule's time is
 * its last review). The review log is the union of both (a review is its card and time).
 */
export function mergeLibrary(base: Library, incoming: Library): { library: Library; report: MergeReport } {
  const library = clone(base);
  const report: MergeReport = { bookmarks: 0, progress: 0, cards: 0, notes: 0, reviews: 0, log: 0, current: 0, skipped: 0, problems: [] };
  for (const kind of [...KINDS, 'reviews'] as const) {
    const into = library[kind] as Record<string, { at: number }>;
    for (const [key, value] of Object.entries(incoming[kind] as Record<string, { at: number }>)) {
      const have = into[key];
      if (!have || value.at > have.at) {
        into[key] = value;
        report[kind]++;
      } else report.current++;
    }
  }
  const seen = new Set(library.log.map((e) => `${e.k} ${e.at}`));
  for (const e of incoming.log) {
    if (seen.has(`${e.k} ${e.at}`)) report.current++;
    else {
      library.log.push(e);
      seen.add(`${e.k} ${e.at}`);
      report.log++;
    }
  }
  library.log.sort((a, b) => a.at - b.at);
  if (incoming.prefs && (!library.prefs || incoming.prefs.at > library.prefs.at)) library.prefs = incoming.prefs;
  if (incoming.lastRead && (!library.lastRead || incoming.lastRead.at > library.lastRead.at)) library.lastRead = incoming.lastRead;
  return { library, report };
}

export class ImportError extends Error {}

/** Where JSON.parse stopped, as "line 3, column 7" (from V8's message, or its position). */
function jsonWhere(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  const before = text.slice(0, pos ? Number(pos[1]) : text.length).split('\n');
  return `${pos ? '' : 'it ends too early, at '}line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Validates an export file and merges it. A malformed file throws ImportError and changes nothing. */
export function importLibrary(base: Library, text: string): { library: Library; report: MergeReport } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`it is not valid JSON (${jsonWhere(text, (e as Error).message)}), so nothing was imported.`);
  }
  if (!isObj(doc)) throw new ImportError('it is not a library export (expected a JSON object), so nothing was imported.');
  if (!('version' in doc)) throw new ImportError('it has no "version" field, so it is not a library export; nothing was imported.');
  const loaded = parseLibrary(text);
  if (loaded.status === 'newer') throw new ImportError(`it is from a newer version of the site (version ${loaded.from}); nothing was imported.`);
  if (loaded.status === 'corrupt') throw new ImportError('its "version" field is not a whole number ≥ 0, so nothing was imported.');
  if (![...KINDS, 'reviews', 'log'].some((k) => k in doc) && !('learned' in doc)) throw new ImportError('it holds no bookmarks, progress, cards, reviews or notes, so nothing was imported.');
  if (loaded.skipped > 0 && !loaded.kept) {
    throw new ImportError(`none of its ${loaded.skipped} record${loaded.skipped === 1 ? '' : 's'} could be read (${loaded.problems!.join('; ')}), so nothing was imported.`);
  }
  const { library, report } = mergeLibrary(base, loaded.library);
  report.skipped += loaded.skipped;
  report.problems = loaded.problems ?? [];
  return { library, report };
}



const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatReport(r: MergeReport): string {
  const parts = [
    plural(r.bookmarks, 'bookmark'), plural(r.progress, 'progress mark'), plural(r.cards, 'card mark'), plural(r.notes, 'note'),
    plural(r.reviews, 'card schedule'), plural(r.log, 'review'),
  ];
  const already = r.current ? ` ${r.current} already here as new or newer.` : '';
  const bad = r.skipped ? ` ${plural(r.skipped, 'record')} could not be read and ${r.skipped === 1 ? 'was' : 'were'} left out (${r.problems.join('; ')}).` : '';
  return `${parts.join(', ')} added or updated.${already}${bad}`;
}

/**
 * Brings back data the pages set aside (an older version, a repaired or unreadable document): the full
 * parser migrates or repairs what it can and merges it. Unreadable data throws ImportError.
 */
export function restoreLibrary(base: Library, raw: string): { library: Library; report: MergeReport } {
  const loaded = parseLibrary(raw);
  if (loaded.status === 'corrupt' || loaded.status === 'newer' || loaded.status === 'empty') {
    throw new ImportError(loaded.status === 'newer' ? 'It was written by a newer version of the site and cannot be read here.' : 'It cannot be read as a library.');
  }
  const { library, report } = mergeLibrary(base, loaded.library);
  report.skipped += loaded.skipped;
  report.problems = loaded.problems ?? [];
  return { library, report };
}

/** The current stored document checked record by record: what an import merges into. */
export function current(snapshot: unknown): { library: Library; skipped: number } {
  const r = parseLibrary(JSON.stringify(snapshot));
  return { library: r.library, skipped: r.skipped };
}
