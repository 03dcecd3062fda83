/**
 * Scheduling with FSRS through ts-fsrs (pinned in package.json), with its recommended default parameters
 * (`generatorParameters()`: request_retention 0.9, maximum_interval 36500 days, the FSRS-6 default weights,
 * no fuzz, short-term learning steps 1m and 10m, relearning step 10m; docs/ARCHITECTURE.md item 10).
 * Pure: converts the library's compact records (src/lib/review-core.ts) to and from ts-fsrs cards, previews
 * the four grades, grades, and migrates the Known / Not yet marks of library version 1.
 * Loaded only where a card is graded (/flashcards/ and an entry page's questions once used) and by the
 * library page's worker.
 */
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import type { LogEntry, Sched } from './review-core';

export const PARAMS = generatorParameters();
const scheduler = fsrs(PARAMS);

export const toCard = (s: Sched | undefined, now: number): Card =>
  s
    ? {
        due: new Date(s.due), stability: s.s, difficulty: s.d, elapsed_days: 0, scheduled_days: s.sd, learning_steps: s.step,
        reps: s.reps, lapses: s.lapses, state: s.state, last_review: s.at ? new Date(s.at) : undefined,
      }
    : createEmptyCard(new Date(now));

export const fromCard = (c: Card, at: number): Sched => ({
  due: c.due.getTime(), s: c.stability, d: c.difficulty, state: c.state as Sched['state'], reps: c.reps, lapses: c.lapses,
  step: c.learning_steps, sd: c.scheduled_days, at,
});

/** The card after each grade (1–4), as `repeat()` previews it: what each grade button shows. */
export function preview(s: Sched | undefined, now: number): Record<1 | 2 | 3 | 4, Sched> {
  const p = scheduler.repeat(toCard(s, now), new Date(now));
  return { 1: fromCard(p[1].card, now), 2: fromCard(p[2].card, now), 3: fromCard(p[3].card, now), 4: fromCard(p[4].card, now) };
}

/** Grades a card: its next schedule and the review's log entry. */
export function grade(key: string, s: Sched | undefined, r: 1 | 2 | 3 | 4, now: number): { sched: Sched; log: LogEntry } {
  const next = scheduler.next(toCard(s, now), new Date(now), r as Grade);
  return { sched: fromCard(next.card, now), log: { k: key, r, at: now, st: (s?.state ?? 0) as LogEntry['st'] } };
}

/**
 * Version-1 flashcard marks as schedules, for cards not scheduled yet: "Known" is the card graded Easy when it
 * was marked (FSRS's first Easy interval: about 8 days), "Not yet" graded Again (due a minute later, so at
 * once). A mark turned off or malformed is left out. The marks are not reviews, so nothing goes in the log.
 */
export function migrateMarks(cards: Record<string, unknown>, reviews: Record<string, unknown>): Record<string, Sched> {
  const out: Record<string, Sched> = {};
  for (const [key, m] of Object.entries(cards)) {
    if (reviews[key] !== undefined || typeof m !== 'object' || m === null) continue;
    const { on, at } = m as { on?: unknown; at?: unknown };
    if (typeof on !== 'boolean' || typeof at !== 'number') continue;
    out[key] = grade(key, undefined, on ? 4 : 1, at).sched;
  }
  return out;
}
