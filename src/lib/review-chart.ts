/**
 * The review chart's data and geometry (/flashcards/): reviews per day as bars and retention as a line over
 * the last 30 days, as SVG shapes in a `width` × `height` box. Pure; src/scripts/review-chart.ts draws it, without a
 * charting library.
 */
import { dayStart, entries } from './review-core';

/** Reviews per day over the `days` days ending today, and the share of review-state cards recalled (not Again). */
export function dailyStats(log: unknown, now: number, days = 30): { day: number; reviews: number; retention?: number }[] {
  const all = entries(log);
  return Array.from({ length: days }, (_, i) => {
    const day = dayStart(now, i - days + 1);
    const next = dayStart(now, i - days + 2);
    const on = all.filter((e) => e.at >= day && e.at < next);
    const tested = on.filter((e) => e.st === 2);
    return { day, reviews: on.length, retention: tested.length ? tested.filter((e) => e.r > 1).length / tested.length : undefined };
  });
}


export interface ChartGeometry {
  /** One rect per day with reviews: x, y, width, height. */
  bars: { x: number; y: number; w: number; h: number; day: number; reviews: number }[];
  /** Retention as a path ("M x y L x y …"), broken where a day has no review of a learned card. */
  line: string;
  /** The largest daily count (the bar scale's top). */
  max: number;
}

export function chartGeometry(stats: ReturnType<typeof dailyStats>, width: number, height: number): ChartGeometry {
  const max = Math.max(1, ...stats.map((s) => s.reviews));
  const step = width / stats.length;
  const r = (n: number) => Math.round(n * 10) / 10;
  const bars = stats.flatMap((s, i) => {
    if (!s.reviews) return [];
    const h = r((s.reviews / max) * height);
    return [{ x: r(i * step + step * 0.15), y: r(height - h), w: r(step * 0.7), h, day: s.day, reviews: s.reviews }];
  });
  let line = '';
  let pen = false;
  stats.forEach((s, i) => {
    if (s.retention === undefined) {
      pen = false;
      return;
    }
    line += `${pen ? 'L' : 'M'}${r(i * step + step / 2)} ${r(height - s.retention * height)}`;
    pen = true;
  });
  return { bars, line, max };
}
