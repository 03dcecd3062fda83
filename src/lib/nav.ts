import { entryKey, entryUrl, trackUrl, type EntryInfo, type SiteIndex } from './entries';

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}
export interface NavTrack extends NavLink {
  id: string;
  /** Entries in learning order: the current track's, trimmed to a window around the current entry. */
  entries: NavLink[];
  /** Number of entries in the track, also when `entries` is trimmed. */
  total: number;
  /** Position of entries[0] in the track (0 unless trimmed). */
  offset: number;
  /** True when the reader is on the track's index or one of its entries. */
  open: boolean;
}

export interface TrackLike {
  id: string;
  label: string;
}

export interface Current {
  track?: string;
  id?: string;
}

/**
 * The sidebar: every track, and the entries of the track being read, in order.
 * Only the current track lists its entries, and at most `window` of them around the current entry (the track
 * index lists them all), so a page's size does not grow with the size of the site.
 */
export function buildNavTree(
  tracks: readonly TrackLike[],
  index: SiteIndex,
  current: Current,
  { base = '/', window = 60 }: { base?: string; window?: number } = {},
): NavTrack[] {
  return tracks.map((track) => {
    const list = index.tracks.get(track.id) ?? [];
    const open = current.track === track.id;
    let entries: NavLink[] = [];
    let offset = 0;
    if (open) {
      const at = current.id ? (index.position.get(entryKey(track.id, current.id)) ?? 0) : 0;
      offset = list.length > window ? Math.min(Math.max(0, at - Math.floor(window / 2)), list.length - window) : 0;
      entries = list.slice(offset, offset + window).map((e) => ({
        label: e.navLabel ?? e.title,
        href: entryUrl(e.track, e.id, base),
        current: e.id === current.id,
      }));
    }
    return {
      id: track.id,
      label: track.label,
      href: trackUrl(track.id, base),
      current: open && !current.id,
      open,
      entries,
      total: list.length,
      offset,
    };
  });
}

export interface PageLink {
  label: string;
  href: string;
  title: string;
}
export interface PrevNext {
  prev?: PageLink;
  next?: PageLink;
}

/** Previous and next entry within the entry's own track, in learning order. */
export function prevNext(index: SiteIndex, current: Pick<EntryInfo, 'track' | 'id'>, base = '/'): PrevNext {
  const at = index.position.get(entryKey(current.track, current.id));
  if (at === undefined) throw new Error(`prevNext: ${current.track}/${current.id} is not among the entries`);
  const list = index.tracks.get(current.track)!;
  const link = (e: EntryInfo | undefined) => e && { label: e.navLabel ?? e.title, title: e.title, href: entryUrl(e.track, e.id, base) };
  return { prev: link(list[at - 1]), next: link(list[at + 1]) };
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
