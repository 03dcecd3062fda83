import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { dayStart, dueCount, dueKeys, sessionQueue, streak, today, untilText, type LogEntry } from '../../src/lib/review-core';
import { grade, PARAMS, preview, migrateMarks } from '../../src/lib/review';
import { chartGeometry, dailyStats } from '../../src/lib/review-chart';
import { continueFrom, nextInTrack, type OrderEntry } from '../../src/lib/progress';

const MIN = 60_000;
const DAY = 86_400_000;
// Noon, local time, on 2 December 2026: the tests' clock.
const NOW = new Date(2026, 11, 2, 12).getTime();

describe('FSRS through ts-fsrs', () => {
  it('uses the recommended defaults: 90% retention, a 100-year cap, the FSRS-6 weights, no fuzz', () => {
    expect(PARAMS).toMatchObject({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false, enable_short_term: true });
    expect(PARAMS.w).toEqual([...default_w]);
    expect(PARAMS.w).toHaveLength(21);
  });
  it('previews the four grades of a new card as the buttons show them', () => {
    const p = preview(undefined, NOW);
    expect([1, 2, 3, 4].map((r) => untilText(p[r as 1].due, NOW))).toEqual(['1m', '6m', '10m', '8d']);
  });
  it('grades: a new card graded Good comes back in 10 minutes, then Good again takes it out for days', () => {
    const first = grade('kafka/topics#a', undefined, 3, NOW);
    expect(first.log).toEqual({ k: 'kafka/topics#a', r: 3, at: NOW, st: 0 });
    expect(first.sched).toMatchObject({ state: 1, due: NOW + 10 * MIN, at: NOW, reps: 1 });
    const second = grade('kafka/topics#a', first.sched, 3, first.sched.due);
    expect(second.sched.state).toBe(2);
    expect(second.sched.due - first.sched.due).toBeGreaterThanOrEqual(DAY);
    expect(second.log.st).toBe(1);
    // Again on a review card: relearning, back in 10 minutes, one lapse.
    const lapse = grade('kafka/topics#a', second.sched, 1, second.sched.due);
    expect(lapse.sched).toMatchObject({ state: 3, lapses: 1, due: second.sched.due + 10 * MIN });
  });
  it('migrates marks only for cards not scheduled yet, and ignores malformed ones', () => {
    const out = migrateMarks({ 'k/a#1': { on: true, at: NOW }, 'k/a#2': { on: false, at: NOW }, 'k/a#3': { on: 'yes' }, 'k/a#4': { on: true, at: NOW } }, { 'k/a#4': {} });
    expect(Object.keys(out)).toEqual(['k/a#1', 'k/a#2']);
    expect(untilText(out['k/a#1']!.due, NOW)).toBe('8d');
  });
});

describe('due counts and the session queue', () => {
  const reviews = { 'k/a#1': { due: NOW - MIN }, 'k/a#2': { due: NOW + DAY }, 'k/a#3': { due: NOW - DAY }, 'k/a#4': 'bad' };
  it('counts due cards from the stored due dates alone', () => {
    expect(dueCount(reviews, NOW)).toBe(2);
    expect(dueCount(reviews, NOW + 2 * DAY)).toBe(3);
    expect(dueCount(undefined, NOW)).toBe(0);
    expect(dueKeys(reviews, NOW)).toEqual(['k/a#3', 'k/a#1']);
  });
  it('queues due cards first, then new cards up to what is left of the daily limit', () => {
    const keys = ['k/a#1', 'k/a#2', 'k/a#3', 'k/a#5', 'k/a#6', 'k/a#7'];
    const log: LogEntry[] = [{ k: 'k/a#1', r: 3, at: dayStart(NOW) + MIN, st: 0 }, { k: 'k/a#x', r: 3, at: NOW - DAY, st: 0 }];
    expect(sessionQueue(keys, reviews, log, NOW, 3)).toEqual({ due: ['k/a#3', 'k/a#1'], fresh: ['k/a#5', 'k/a#6'] });
    expect(sessionQueue(keys, reviews, log, NOW, 1).fresh).toEqual([]);
    expect(today(log, NOW)).toEqual({ reviews: 1, fresh: 1 });
  });
});

describe('streak', () => {
  const on = (...days: number[]) => days.flatMap((d) => [0, 1].map((i) => ({ k: 'k/a#1', r: 3, at: NOW + d * DAY + i * MIN, st: 2 })));
  it('counts days the goal was met, today once met, and forgives one missed day', () => {
    expect(streak(on(-3, -2, -1), 2, NOW)).toBe(3);
    expect(streak(on(-3, -2, -1, 0), 2, NOW)).toBe(4);
    expect(streak(on(-4, -3, -1), 2, NOW)).toBe(3);
    expect(streak(on(-5, -4, -1), 2, NOW)).toBe(1);
    expect(streak(on(-3, -2), 2, NOW)).toBe(2);
    expect(streak(on(-4, -3), 2, NOW)).toBe(0);
    // Below the goal, a day does not count.
    expect(streak(on(-2, -1), 3, NOW)).toBe(0);
  });
});

describe('chart', () => {
  it('has 30 days, bars scaled to the busiest day and retention of review-state cards as a line', () => {
    const log: LogEntry[] = [
      { k: 'a/b#1', r: 3, at: NOW, st: 2 }, { k: 'a/b#2', r: 1, at: NOW, st: 2 }, { k: 'a/b#3', r: 3, at: NOW, st: 0 },
      { k: 'a/b#1', r: 4, at: NOW - DAY, st: 2 }, { k: 'a/b#1', r: 4, at: NOW - 40 * DAY, st: 2 },
    ];
    const stats = dailyStats(log, NOW);
    expect(stats).toHaveLength(30);
    expect(stats.at(-1)).toEqual({ day: dayStart(NOW), reviews: 3, retention: 0.5 });
    expect(stats.at(-2)!.retention).toBe(1);
    expect(stats.slice(0, -2).every((s) => s.reviews === 0 && s.retention === undefined)).toBe(true);
    const g = chartGeometry(stats, 300, 100);
    expect(g.max).toBe(3);
    expect(g.bars.map((b) => [b.x, b.y, b.w, b.h])).toEqual([[281.5, 66.7, 7, 33.3], [291.5, 0, 7, 100]]);
    expect(g.line).toBe('M285 0L295 50');
  });
});

describe('untilText', () => {
  it.each([[30_000, '<1m'], [10 * MIN, '10m'], [3 * 60 * MIN, '3h'], [8 * DAY, '8d'], [60 * DAY, '2mo'], [548 * DAY, '1.5y']])('%d ms reads %s', (ms, s) => {
    expect(untilText(NOW + ms, NOW)).toBe(s);
  });
});

describe('continue where you left off', () => {
  const order: OrderEntry[] = [['basics', 'Basics'], ['files', 'Files'], ['text-formats', 'Text file formats'], ['pandas', 'pandas']];
  it('goes to the first entry not learned after the one learned last', () => {
    const progress = { 'python/basics': { on: true, at: 1 }, 'python/files': { on: true, at: 2 } };
    expect(nextInTrack(progress, 'python', order)).toEqual({ index: 2, entry: ['text-formats', 'Text file formats'] });
    // Learned last is "pandas": nothing after it, so the first entry not learned.
    expect(nextInTrack({ ...progress, 'python/pandas': { on: true, at: 3 } }, 'python', order)?.index).toBe(2);
    // Skips learned entries after the last one learned.
    expect(nextInTrack({ 'python/basics': { on: true, at: 5 }, 'python/files': { on: true, at: 1 } }, 'python', order)?.index).toBe(2);
  });
  it('says nothing for a track not started or finished, and ignores marks for pages it does not have', () => {
    expect(nextInTrack({ 'python/gone': { on: true, at: 9 } }, 'python', order)).toBeUndefined();
    expect(nextInTrack(Object.fromEntries(order.map(([id]) => [`python/${id}`, { on: true, at: 1 }])), 'python', order)).toBeUndefined();
    expect(nextInTrack({ 'python/basics': { on: false, at: 1 } }, 'python', order)).toBeUndefined();
  });
  it('continues in the track learned in last', () => {
    const orders = { python: order, kafka: [['topics', 'Topics'], ['partitions', 'Partitions']] as OrderEntry[] };
    expect(continueFrom({ 'python/basics': { on: true, at: 1 }, 'kafka/topics': { on: true, at: 2 } }, orders))
      .toEqual({ track: 'kafka', index: 1, entry: ['partitions', 'Partitions'] });
    expect(continueFrom({}, orders)).toBeUndefined();
  });
});
