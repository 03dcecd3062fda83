import { entryUrl, sortByOrder, trackUrl, type EntryInfo } from './entries';

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}
export interface NavTrack extends NavLink {
  id: string;
  /** Entries in learning order. Empty when the track is collapsed for size (see buildNavTree). */
  entries: NavLink[];
  /** Number of entries in the track, also when `entries` is trimmed. */
  total: number;
  /** True when the reader is on the track's index or one of its entries. */
  open: boolean;
}

export interface TrackLike {
  id: string;
  label: string;
}

/**
 * The sidebar: every track, and the entries of the track being read, in order.
 * Only the current track lists its entries, so a page carries one track's links, not the whole site's.
 * With more than `window` entries, it keeps the `window` entries around the current one (the index lists them all).
 */
export function buildNavTree(
  tracks: readonly TrackLike[],
  entries: readonly EntryInfo[],
  currentPath: string,
  { base = '/', window = 60 }: { base?: string; window?: number } = {},
): NavTrack[] {
  return tracks.map((track) => {
    const href = trackUrl(track.id, base);
    const ordered = sortByOrder(entries.filter((e) => e.track === track.id));
    const links = ordered.map((e) => {
      const url = entryUrl(e.track, e.id, base);
      return { label: e.navLabel ?? e.title, href: url, current: url === currentPath };
    });
    const open = currentPath.startsWith(href);
    let shown = open ? links : [];
    if (shown.length > window) {
      const at = Math.max(0, links.findIndex((l) => l.current));
      const start = Math.min(Math.max(0, at - Math.floor(window / 2)), links.length - window);
      shown = links.slice(start, start + window);
    }
    return { id: track.id, label: track.label, href, current: href === currentPath, open, entries: shown, total: links.length };
  });
}

export interface PrevNext {
  prev?: { label: string; href: string; title: string };
  next?: { label: string; href: string; title: string };
}

/** Previous and next entry within the entry's own track, in learning order. */
export function prevNext(entries: readonly EntryInfo[], current: Pick<EntryInfo, 'track' | 'id'>, base = '/'): PrevNext {
  const ordered = sortByOrder(entries.filter((e) => e.track === current.track));
  const i = ordered.findIndex((e) => e.id === current.id);
  if (i < 0) throw new Error(`prevNext: ${current.track}/${current.id} is not among the entries`);
  const link = (e: EntryInfo | undefined) =>
    e && { label: e.navLabel ?? e.title, title: e.title, href: entryUrl(e.track, e.id, base) };
  return { prev: link(ordered[i - 1]), next: link(ordered[i + 1]) };
}

export interface Crumb {
  label: string;
  href: string;
}

/** Home › Track › Entry. The last crumb is the current page. */
export function breadcrumbs(track: TrackLike, entry?: Pick<EntryInfo, 'id' | 'title'>, base = '/'): Crumb[] {
  const crumbs: Crumb[] = [
    { label: 'Home', href: base },
    { label: track.label, href: trackUrl(track.id, base) },
  ];
  if (entry) crumbs.push({ label: entry.title, href: entryUrl(track.id, entry.id, base) });
  return crumbs;
}
