/**
 * Spaced review without the scheduler: what pages need to show "N due", build a session's queue, count a
 * day's reviews, the streak, and how long until a card comes back. Pure and small (no ts-fsrs: that is
 * src/lib/review.ts, loaded only to grade). Times are milliseconds of the browser's clock; a day is a local
 * calendar day.
 *
 * Stored in the library (version 2): `reviews` — each card's FSRS state by card key ("track/id#question"),
 * `log` — every review made, and `prefs` — the daily new-card limit and goal.
 */

/** FSRS state of one card, stored compactly. `state`: 0 new, 1 learning, 2 review, 3 relearning. */
export interface Sched {
  due: number;
  /** Stability and difficulty. */
  s: number;
  d: number;
  state: 0 | 1 | 2 | 3;
  reps: number;
  lapses: number;
  /** The learning step reached, and the days the last review scheduled. */
  step: number;
  sd: number;
  /** When it was last reviewed: the time a merge compares. */
  at: number;
}
/** One review: card key, grade (1 Again, 2 Hard, 3 Good, 4 Easy), time, and the card's state before it. */
export interface LogEntry { k: string; r: 1 | 2 | 3 | 4; at: number; st: 0 | 1 | 2 | 3 }
export interface Prefs { newPerDay: number; goal: number; at: number }

export const DEFAULT_PREFS: Prefs = { newPerDay: 10, goal: 20, at: 0 };
export const GRADES = ['Again', 'Hard', 'Good', 'Easy'] as const;
/** Cards due within this much of now come back in the same session (Anki's "learn ahead" limit). */
export const LEARN_AHEAD = 20 * 60_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A stored schedule's due time, or undefined when the record is not one. */
export const dueOf = (v: unknown) => (isObj(v) && typeof v.due === 'number' ? v.due : undefined);

/** How many cards are due by `now`: the header's and home page's "N due", from the stored due dates alone. */
export const dueCount = (reviews: unknown, now: number) => Object.values(isObj(reviews) ? reviews : {}).filter((r) => (dueOf(r) ?? Infinity) <= now).length;

/** Cards scheduled and due by `now` (optionally only those in `keys`). */
export function dueKeys(reviews: Record<string, unknown> | undefined, now: number, keys?: Iterable<string>): string[] {
  const r = reviews ?? {};
  return [...(keys ?? Object.keys(r))].filter((k) => (dueOf(r[k]) ?? Infinity) <= now).sort((a, b) => dueOf(r[a])! - dueOf(r[b])!);
}

/** The start of the local day holding `t`, and of the day `n` days later. */
export const dayStart = (t: number, n = 0) => {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + n);
  return d.getTime();
};

export const entries = (log: unknown): LogEntry[] => (Array.isArray(log) ? log.filter((e): e is LogEntry => isObj(e) && typeof e.at === 'number' && typeof e.k === 'string') : []);

/** Reviews made on the day of `now`, and how many of them were a card's first (new cards started today). */
export function today(log: unknown, now: number): { reviews: number; fresh: number } {
  const from = dayStart(now);
  const to = dayStart(now, 1);
  const day = entries(log).filter((e) => e.at >= from && e.at < to);
  return { reviews: day.length, fresh: day.filter((e) => e.st === 0).length };
}

/**
 * A session's cards among `keys` (the deck's order, filtered): the due ones, soonest first, then as many
 * never-reviewed cards as today's new-card limit still allows.
 */
export function sessionQueue(keys: readonly string[], reviews: Record<string, unknown> | undefined, log: unknown, now: number, newPerDay: number) {
  const r = reviews ?? {};
  const due = dueKeys(r, now, keys);
  const left = Math.max(0, newPerDay - today(log, now).fresh);
  const fresh = keys.filter((k) => dueOf(r[k]) === undefined).slice(0, left);
  return { due, fresh };
}

/**
 * Consecutive days on which the daily goal was met, counting back from today (today counts once met, and
 * does not break the streak before it is). One missed day between two met days is forgiven; two in a row
 * end the streak.
 */
export function streak(log: unknown, goal: number, now: number): number {
  const perDay = new Map<number, number>();
  for (const e of entries(log)) perDay.set(dayStart(e.at), (perDay.get(dayStart(e.at)) ?? 0) + 1);
  const met = (day: number) => (perDay.get(day) ?? 0) >= Math.max(1, goal);
  let count = met(dayStart(now)) ? 1 : 0;
  let missed = 0;
  for (let n = -1; n > -3660; n--) {
    if (met(dayStart(now, n))) {
      count++;
      missed = 0;
    } else if (++missed > 1) break;
  }
  return count;
}

/** How long until `due`, as a grade button says it: "<1m", "10m", "3h", "8d", "2mo", "1.5y". */
export function untilText(due: number, now: number): string {
  const m = (due - now) / 60_000;
  if (m < 1) return '<1m';
  if (m < 60) return `${Math.round(m)}m`;
  if (m < 60 * 24) return `${Math.round(m / 60)}h`;
  const d = m / (60 * 24);
  if (d < 30) return `${Math.round(d)}d`;
  if (d < 365) return `${Math.round(d / 30)}mo`;
  return `${Math.round(d / 36.5) / 10}y`;
}
