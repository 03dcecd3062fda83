import { ContentError } from './content-error';

/** What the navigation and checks need to know about one entry, independent of Astro. */
export interface EntryInfo {
  /** Track id (collection name). */
  track: string;
  /** Entry id within its track (from the file name). */
  id: string;
  title: string;
  summary: string;
  order: number;
  navLabel?: string;
  /** Source file, relative to the project root, for error messages. */
  file: string;
  /** Reference fields: field name to the ids they point at, in the same track. */
  refs?: Record<string, string[]>;
}

export const entryUrl = (track: string, id: string, base = '/'): string => `${base}${track}/${id}/`;
export const trackUrl = (track: string, base = '/'): string => `${base}${track}/`;

/** Entries of one track in learning order (order, then id, so the result never depends on load order). */
export function sortByOrder<T extends { order: number; id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Two entries of one track may not share an `order`: the learning order would be ambiguous. */
export function checkUniqueOrder(entries: readonly EntryInfo[]): ContentError[] {
  const seen = new Map<string, EntryInfo>();
  const errors: ContentError[] = [];
  for (const entry of sortByOrder(entries)) {
    const key = `${entry.track}#${entry.order}`;
    const first = seen.get(key);
    if (first) {
      errors.push(
        new ContentError(entry.file, 'order', `${entry.order} is already used by ${first.file} in track "${entry.track}"`),
      );
    } else seen.set(key, entry);
  }
  return errors;
}

/** Astro only logs a reference to a missing entry; this turns it into an error naming file and field. */
export function checkReferences(entries: readonly EntryInfo[]): ContentError[] {
  const ids = new Set(entries.map((e) => `${e.track}/${e.id}`));
  const errors: ContentError[] = [];
  for (const entry of entries) {
    for (const [field, targets] of Object.entries(entry.refs ?? {})) {
      targets.forEach((target, i) => {
        if (target === entry.id) {
          errors.push(new ContentError(entry.file, `${field}[${i}]`, `"${target}" refers to the entry itself`));
        } else if (!ids.has(`${entry.track}/${target}`)) {
          const known = entries.filter((e) => e.track === entry.track).map((e) => e.id);
          errors.push(
            new ContentError(
              entry.file,
              `${field}[${i}]`,
              `"${target}" is not an entry of track "${entry.track}" (known: ${known.join(', ') || 'none'})`,
            ),
          );
        }
      });
    }
  }
  return errors;
}
