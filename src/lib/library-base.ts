/**
 * The few facts about the stored library that every page needs before the library code loads
 * (src/scripts/library-start.ts): where it is stored, what an empty one is, how a count reads, and the
 * library a first visit leaves behind. library-core.ts re-exports them; keeping them apart keeps the rest of
 * the library out of the script every page loads.
 */
export const STORAGE_KEY = 'fg-library';

/** The store's version: 2 added the review schedules, the review log and the review settings (src/lib/review-core.ts). */
export const VERSION = 2;
export const emptySnapshot = () => ({ version: VERSION as typeof VERSION, bookmarks: {}, progress: {}, cards: {}, notes: {} });


/** A learned count as shown: "5 / 13" in the sidebar, "5 of 13 learned" (long) on track pages and /library/. */
export const countText = (n: number, total: string | number, long: boolean) => (long ? `${n} of ${total} learned` : `${n} / ${total}`);

/** The library after a first visit that used no control: empty, with the page read recorded (as setLastRead does). */
export const firstLibrary = (key: string, title: string, at: number) => ({ ...emptySnapshot(), lastRead: { key, title, at } });
