/**
 * The /flashcards/ chart: reviews per day (bars) and retention (line) over the last 30 days, as inline SVG
 * made here from src/lib/review-chart.ts's geometry; no charting library. Loaded only once there are reviews.
 */
import { chartGeometry, dailyStats } from '../lib/review-chart';

const W = 600;
const H = 120;

export function draw(figure: HTMLElement, log: unknown, now: number) {
  const stats = dailyStats(log, now);
  const g = chartGeometry(stats, W, H);
  const total = stats.reduce((n, s) => n + s.reviews, 0);
  const tested = stats.filter((s) => s.retention !== undefined);
  const retention = tested.length ? Math.round((tested.reduce((n, s) => n + s.retention!, 0) / tested.length) * 100) : undefined;
  const said = `${total} review${total === 1 ? '' : 's'} in the last 30 days${retention === undefined ? '' : `, ${retention}% of learned cards recalled on average`}.`;
  const day = (t: number) => new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  const dots = g.line.match(/[\d.]+ [\d.]+/g) ?? [];
  const svg = `<svg class="fc-svg" viewBox="0 -4 ${W} ${H + 8}" role="img" aria-label="${said}">`
    + `<line x1="0" y1="${H}" x2="${W}" y2="${H}" class="fc-axis"/>`
    + g.bars.map((b) => `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" class="fc-bar"><title>${day(b.day)}: ${b.reviews}</title></rect>`).join('')
    + `<path d="${g.line}" class="fc-line"/>`
    + dots.map((d) => `<circle cx="${d.split(' ')[0]}" cy="${d.split(' ')[1]}" r="3" class="fc-dot"/>`).join('')
    + '</svg>';
  // Labels in HTML, not in the SVG, so they keep the page's text size however wide the chart is drawn.
  const labels = `<p class="fc-scale"><span>${day(stats[0]!.day)}</span><span>today</span></p>`;
  for (const old of figure.querySelectorAll('svg, p')) old.remove();
  figure.insertAdjacentHTML('afterbegin', svg + labels);
  figure.insertAdjacentHTML('beforeend', `<p>${said} The tallest bar is ${g.max} review${g.max === 1 ? '' : 's'}; the line's top is 100% recalled.</p>`);
  figure.hidden = false;
}
