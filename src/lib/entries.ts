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
  /** What the page is when it is not one of the track's numbered entries ("Interview practice"). */
  kind?: string;
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
  /** "track/id" → position among the track's numbered entries (those without a `kind`), 0-based. */
  numberedPosition: Map<string, number>;
  /** Track → how many numbered entries it has. */
  numberedCount: Map<string, number>;
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
  const numberedPosition = new Map<string, number>();
  const numberedCount = new Map<string, number>();
  for (const [track, list] of tracks) {
    const sorted = sortByOrder(list);
    tracks.set(track, sorted);
    let numbered = 0;
    sorted.forEach((e, i) => {
      byKey.set(entryKey(e.track, e.id), e);
      position.set(entryKey(e.track, e.id), i);
      if (!e.kind) numberedPosition.set(entryKey(e.track, e.id), numbered++);
    });
    numberedCount.set(track, numbered);
  }
  return { tracks, byKey, position, numberedPosition, numberedCount };
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

/** A noun in the singular and the plural ("category", "categories"): English plurals are not all "+s". */
export interface Noun {
  one: string;
  other: string;
}

/** "1 stage", "9 categories". */
export const countOf = (n: number, noun: Noun): string => `${n} ${n === 1 ? noun.one : noun.other}`;

/** The track's numbered entries: those without a `kind` of their own. */
export const numberedEntries = (entries: readonly EntryInfo[]): EntryInfo[] => entries.filter((e) => !e.kind);

/**
 * What an entry header says the page is: "category 3 of 7" for one of the track's numbered entries (counted
 * among them alone), or the page's own kind ("Worked example").
 */
export function entryPlace(index: SiteIndex, entry: EntryInfo, noun: Noun): string {
  const short = entryShortPlace(index, entry, noun);
  return entry.kind ? short : `${short} of ${index.numberedCount.get(entry.track) ?? 0}`;
}

/**
 * The short place a "Continue with …" link names: "stage 3" for a numbered entry (counted among the numbered
 * entries alone, as the entry header counts), or the page's own kind ("Interview practice").
 */
export function entryShortPlace(index: SiteIndex, entry: EntryInfo, noun: Noun): string {
  if (entry.kind) return entry.kind;
  return `${noun.one} ${(index.numberedPosition.get(entryKey(entry.track, entry.id)) ?? 0) + 1}`;
}

/** What a track holds: "18 stages", or "7 categories, plus Architect mindset and Reference pipeline". */
export function trackContents(entries: readonly EntryInfo[], noun: Noun): string {
  const others = entries.filter((e) => e.kind).map((e) => e.navLabel ?? e.title);
  const count = countOf(numberedEntries(entries).length, noun);
  if (!others.length) return count;
  const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
  return `${count}, plus ${list}`;
}

/**
 * A sidebar label is the title shortened, never another name for the page: every word of `navLabel` is in the
 * title, in order (drop an article, a qualifier or a bracketed expansion), and it is shorter than the title.
 */
export function checkNavLabels(entries: readonly EntryInfo[]): ContentError[] {
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const errors: ContentError[] = [];
  for (const e of entries) {
    if (e.navLabel === undefined) continue;
    const title = words(e.title);
    let at = 0;
    const inOrder = words(e.navLabel).every((w) => (at = title.indexOf(w, at) + 1) > 0);
    if (e.navLabel === e.title) errors.push(new ContentError(e.file, 'navLabel', `"${e.navLabel}" is the title itself: leave navLabel out`));
    else if (!inOrder) errors.push(new ContentError(e.file, 'navLabel', `"${e.navLabel}" is not the title "${e.title}" shortened: use the title's own words, in order, so the sidebar and the page agree`));
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
