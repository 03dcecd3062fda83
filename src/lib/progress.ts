/**
 * Progress that leads somewhere: from the reader's learned marks and a track's entries in learning order,
 * the entry to continue with. Pure; src/scripts/library.ts shows it on the home page ("Continue where you
 * left off", and each track card's "Continue with stage 3 · Text file formats").
 */
import { isObj, isOn } from './library-core';

/** An entry of a track in learning order: its id, its title and its short place ("stage 3", or a kind such as "Interview practice"; the home page always gives it, progress logic never reads it). */
export type OrderEntry = [id: string, title: string, place?: string];

const at = (m: unknown) => (isObj(m) && typeof m.at === 'number' ? m.at : 0);

/**
 * The first entry not yet learned after the one learned last (by when it was marked), wrapping to the
 * track's first entry not learned; undefined when none is learned yet (not started) or every one is.
 * Marks for entries the track does not have are ignored. Returns the entry's place (0-based) too.
 */
export function nextInTrack(progress: Record<string, unknown>, track: string, order: readonly OrderEntry[]): { index: number; entry: OrderEntry } | undefined {
  const learned = order.map(([id]) => isOn(progress[`${track}/${id}`]));
  if (!learned.includes(true) || !learned.includes(false)) return undefined;
  let last = -1;
  order.forEach(([id], i) => {
    if (learned[i] && (last < 0 || at(progress[`${track}/${id}`]) >= at(progress[`${track}/${order[last]![0]}`]))) last = i;
  });
  const after = learned.findIndex((l, i) => i > last && !l);
  const index = after >= 0 ? after : learned.indexOf(false);
  return { index, entry: order[index]! };
}

/** "Continue where you left off": the track of the entry learned last, and its next entry (see nextInTrack). */
export function continueFrom(progress: Record<string, unknown>, orders: Record<string, readonly OrderEntry[]>) {
  let best: { track: string; at: number } | undefined;
  for (const [track, order] of Object.entries(orders)) {
    for (const [id] of order) {
      const m = progress[`${track}/${id}`];
      if (isOn(m) && (!best || at(m) > best.at)) best = { track, at: at(m) };
    }
  }
  const next = best && nextInTrack(progress, best.track, orders[best.track]!);
  return next && { track: best!.track, ...next };
}
