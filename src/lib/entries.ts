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

/**
 * Entries arranged once per build for constant-time lookups, so the work per page does not grow with the
 * size of the site (a page needs its neighbours and a window of the sidebar, never a scan of every entry).
 */
export interface SiteIndex {
  /** Each track's entries in learning order. */
  tracks: Map<string, EntryInfo[]>;
  /** "track/id" → the entry. */
  byKey: Map<string, EntryInfo>;
  /** "track/id" → position in its track (0-based). */
  position: Map<string, number>;
}

export const entryKey = (track: string, id: string) => `${track}/${id}`;

export function indexEntries(entries: readonly EntryInfo[]): SiteIndex {
  const tracks = new Map<string, EntryInfo[]>();
  for (const e of entries) {
    const list = tracks.get(e.track) ?? [];
    list.push(e);
    tracks.set(e.track, list);
  }
  const byKey = new Map<string, EntryInfo>();
  const position = new Map<string, number>();
  for (const [track, list] of tracks) {
    const sorted = sortByOrder(list);
    tracks.set(track, sorted);
    sorted.forEach((e, i) => {
      byKey.set(entryKey(e.track, e.id), e);
      position.set(entryKey(e.track, e.id), i);
    });
  }
  return { tracks, byKey, position };
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

/**
 * Prerequisites must not go round in a circle (A reads B first, B reads A first): no order to read them in
 * would exist. Each cycle is reported once, on its first entry in file order, with the whole path. (An entry
 * that lists itself is reported by checkReferences.)
 */
export function checkPrerequisiteCycles(entries: readonly EntryInfo[]): ContentError[] {
  const byKey = new Map(entries.map((e) => [entryKey(e.track, e.id), e]));
  const errors: ContentError[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (e: EntryInfo, path: EntryInfo[]) => {
    const key = entryKey(e.track, e.id);
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'open') {
      const cycle = path.slice(path.indexOf(e));
      const id = cycle.map((c) => c.id).sort().join('\0');
      if (!reported.has(id)) {
        reported.add(id);
        const first = [...cycle].sort((a, b) => (a.file < b.file ? -1 : 1))[0]!;
        const at = cycle.indexOf(first);
        const ring = [...cycle.slice(at), ...cycle.slice(0, at), first];
        errors.push(new ContentError(first.file, 'prerequisites', `prerequisites go round in a circle (${ring.map((c) => c.id).join(' → ')}): remove one of these so there is an order to read them in`));
      }
      return;
    }
    state.set(key, 'open');
    for (const target of e.refs?.prerequisites ?? []) {
      const next = byKey.get(entryKey(e.track, target));
      if (next && next !== e) visit(next, [...path, e]);
    }
    state.set(key, 'done');
  };
  for (const e of [...entries].sort((a, b) => (a.file < b.file ? -1 : 1))) visit(e, []);
  return errors;
}
