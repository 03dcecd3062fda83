/**
 * Export and import of the reader's library (src/lib/library.ts): the export file, the newest-wins merge and
 * the report of what an import merged. Separate so that only the library page loads it.
 */
import { KINDS, parseLibrary, type Kind, type Library } from './library';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = (l: Library): Library => ({
  ...l, bookmarks: { ...l.bookmarks }, progress: { ...l.progress }, cards: { ...l.cards }, notes: { ...l.notes },
});

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
  return { library, report };
}

/** The current stored document checked record by record: what an import merges into. */
export function current(snapshot: unknown): { library: Library; skipped: number } {
  const r = parseLibrary(JSON.stringify(snapshot));
  return { library: r.library, skipped: r.skipped };
}
