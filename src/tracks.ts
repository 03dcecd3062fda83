/**
 * The track registry: one track per folder of the content folder that holds a `_track.yml` (label, title,
 * intro, what an entry is called; read and validated by src/lib/guide.ts). Routes, navigation, search and the
 * collections read this list; a track exists only when its folder does.
 */
import { guide, type Track } from './lib/guide';

export type { Track } from './lib/guide';

/** The tracks of this build's content, in their order (`position`, then label). */
export const TRACKS: readonly Track[] = guide().tracks;

/** A track's id: its folder name. */
export type TrackId = string;

export function getTrack(id: string): Track {
  const track = TRACKS.find((t) => t.id === id);
  if (!track) throw new Error(`Unknown track "${id}". Known tracks: ${TRACKS.map((t) => t.id).join(', ')}`);
  return track;
}

/** A track's entry noun, singular and plural. */
export const entryNoun = (track: Track) => ({ one: track.entryNoun, other: track.entryNounPlural });
