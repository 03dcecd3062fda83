/**
 * /flashcards/: spaced review's page. "N due" and new cards left today for the deck the filters choose
 * (track, concept, level, kept in the URL), due counts per concept, the daily new-card limit and goal, the
 * streak, and the start of a session: review-session.ts and the scheduler (ts-fsrs) load only then, the
 * chart (review-chart.ts) only once there are reviews to draw. Counts come from stored due dates
 * (src/lib/review-core.ts), without the scheduler.
 */
import { isObj } from '../lib/library-core';
import { DEFAULT_PREFS, dueKeys, dueOf, sessionQueue, streak, today, untilText, type Prefs } from '../lib/review-core';
import { act, say, snap } from './library-core';

const $ = <T extends HTMLElement>(s: string) => document.querySelector<T>(s)!;
const box = $('[data-fc-review]');
const selects = [...box.querySelectorAll('select')];
const [, concept] = selects;
const [newIn, goalIn] = [...box.querySelectorAll('input')];
const cards = [...document.querySelectorAll<HTMLElement>('.fc-card')];
const groups = [...document.querySelectorAll<HTMLElement>('.fc-group')];
const start = $<HTMLButtonElement>('[data-fc-start]');
const chart = $('[data-fc-chart]');
const prefs = (): Prefs => ({ ...DEFAULT_PREFS, ...(isObj(snap.prefs) ? snap.prefs : {}) });
const keysOf = (list: HTMLElement[]) => list.map((c) => c.dataset.key!);
const shown = () => cards.filter((c) => !c.hidden);
const queue = () => sessionQueue(keysOf(shown()), snap.reviews, snap.log, Date.now(), prefs().newPerDay);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

const params = new URLSearchParams(location.search);
for (const s of selects) s.value = params.get(s.name) ?? '';
for (const o of concept!.options) o.dataset.label = o.text;

function filter() {
  const [track, page, level] = selects.map((s) => s.value);
  for (const c of cards) c.hidden = (!!track && c.dataset.track !== track) || (!!page && c.dataset.page !== page) || (!!level && c.dataset.level !== level);
  for (const g of groups) g.hidden = !g.querySelector('.fc-card:not([hidden])');
  const q = new URLSearchParams(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
  history.replaceState(history.state, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
  sync();
}

let drawn = false;
function sync() {
  const now = Date.now();
  const { due, fresh } = queue();
  const n = due.length + fresh.length;
  $('[data-fc-due]').textContent = `${due.length} due`;
  const later = keysOf(shown()).map((k) => dueOf(snap.reviews?.[k]) ?? 0).filter((d) => d > now).sort((a, b) => a - b)[0];
  $('[data-fc-next]').textContent = [fresh.length && `· ${fresh.length} new today`, !due.length && later && `· next in ${untilText(later, now)}`].filter(Boolean).join(' ');
  start.textContent = n ? `Review ${plural(n, 'card')}` : 'Nothing to review now';
  start.disabled = !n;
  const p = prefs();
  const days = streak(snap.log, p.goal, now);
  $('[data-fc-streak]').textContent = `${today(snap.log, now).reviews} of ${plural(p.goal, 'review')} today${days ? ` · ${days}-day streak` : ''}`;
  if (document.activeElement !== newIn) newIn!.value = String(p.newPerDay);
  if (document.activeElement !== goalIn) goalIn!.value = String(p.goal);
  for (const o of concept!.options) {
    const d = o.value && dueKeys(snap.reviews, now, keysOf(cards.filter((c) => c.dataset.page === o.value))).length;
    o.text = `${o.dataset.label}${d ? ` (${d} due)` : ''}`;
  }
  if (snap.log?.length) void import('./review-chart').then((m) => m.draw(chart, snap.log, now), () => (chart.hidden = drawn));
  drawn ||= !!snap.log?.length;
}

const session = () => {
  void import('../lib/review'); // the session's module needs it: ask for both at once
  return import('./review-session');
};
start.onclick = async () => {
  const { due, fresh } = queue();
  (await session()).review([...due, ...fresh], (said) => {
    $('[data-fc-result]').textContent = said;
    sync();
    start.focus();
  });
};
start.onpointerdown = start.onfocus = () => void session();
box.querySelector('[data-fc-filters]')!.addEventListener('change', filter);
for (const input of [newIn!, goalIn!]) {
  input.onchange = () => {
    const v = Math.round(Number(input.value));
    const [lo, hi] = [Number(input.min), Number(input.max)];
    if (!(v >= lo && v <= hi)) return say(input, `Enter a whole number from ${lo} to ${hi}.`);
    act(input, { ...snap, prefs: { ...prefs(), [input.name]: v, at: Date.now() } }, 'Saved.');
  };
}
addEventListener('fg-library', sync);
// Known / Not yet marks from before spaced review become schedules the first time this page sees them.
if (Object.entries(snap.cards).some(([k, m]) => !snap.reviews?.[k] && isObj(m) && typeof m.at === 'number')) {
  void import('../lib/review').then((m) => act(start, { ...snap, reviews: { ...snap.reviews, ...m.migrateMarks(snap.cards, snap.reviews ?? {}) } }));
}
box.hidden = false;
filter();
