/**
 * A review session on /flashcards/, one card at a time: the question, Show answer (Space), then Again /
 * Hard / Good / Easy (keys 1–4), each showing when the card comes back (ts-fsrs `repeat()`, through
 * src/lib/review.ts). A card due again within the learn-ahead limit (20 minutes) comes back in the same
 * session. Every grade is saved at once: the schedule and the review's log entry.
 */
import { grade, preview } from '../lib/review';
import { isObj } from '../lib/library-core';
import { LEARN_AHEAD, untilText, type Sched } from '../lib/review-core';
import { act, snap } from './library-core';

const $ = <T extends HTMLElement>(s: string) => document.querySelector<T>(s)!;
const ui = $('[data-fc-session]');
const [panel, deck, q, a, show, grades, progress] = ['[data-fc-review]', '.fc-deck', '[data-fc-q]', '[data-fc-a]', '[data-fc-show]', '[data-fc-grades]', '[data-fc-progress]'].map((s) => $(s)) as [HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement];
let queue: string[] = [];
let done = 0;
let end: (said: string) => void = () => {};

const sched = (k: string) => {
  const s = snap.reviews?.[k];
  return isObj(s) && typeof s.due === 'number' ? (s as unknown as Sched) : undefined;
};

function next() {
  const key = queue[0];
  if (!key) return finish();
  const card = $(`.fc-card[data-key="${CSS.escape(key)}"]`);
  q.textContent = card.querySelector('.fc-text')!.textContent;
  a.innerHTML = card.querySelector('.question-answer')!.innerHTML;
  a.hidden = grades.hidden = true;
  show.hidden = false;
  progress.textContent = `Card ${done + 1} of ${done + queue.length}${sched(key) ? '' : ' · new card'}`;
  q.focus();
}

function reveal() {
  if (!queue[0] || !a.hidden) return;
  const now = Date.now();
  const p = preview(sched(queue[0]), now);
  for (const b of grades.querySelectorAll<HTMLElement>('[data-grade]')) {
    b.querySelector('[data-when]')!.textContent = untilText(p[Number(b.dataset.grade) as 1][`due`], now);
  }
  a.hidden = grades.hidden = false;
  show.hidden = true;
  a.focus();
}

function rate(r: 1 | 2 | 3 | 4) {
  const key = queue[0];
  if (!key || a.hidden) return;
  const now = Date.now();
  const { sched: s, log } = grade(key, sched(key), r, now);
  if (!act(progress, { ...snap, reviews: { ...snap.reviews, [key]: s }, log: [...(snap.log ?? []), log] })) return;
  queue.shift();
  done++;
  if (s.due - now <= LEARN_AHEAD) queue.push(key);
  next();
}

function finish() {
  const said = done ? `Session done: ${done} review${done === 1 ? '' : 's'} saved.` : '';
  queue = [];
  ui.hidden = true;
  panel.hidden = deck.hidden = false;
  end(said);
}

show.onclick = reveal;
grades.onclick = (e) => {
  const b = (e.target as Element).closest<HTMLElement>('[data-grade]');
  if (b) rate(Number(b.dataset.grade) as 1);
};
$('[data-fc-stop]').onclick = finish;
addEventListener('keydown', (e) => {
  if (ui.hidden || e.altKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('button, a, input, select, textarea, summary')) return;
  if (e.key === ' ') reveal();
  else if (/^[1-4]$/.test(e.key)) rate(Number(e.key) as 1);
  else return;
  e.preventDefault();
});

/** Starts a session over `keys` (due first, then new); `onEnd` gets what to say when it ends. */
export function review(keys: string[], onEnd: (said: string) => void) {
  queue = keys;
  done = 0;
  end = onEnd;
  panel.hidden = deck.hidden = true;
  ui.hidden = false;
  next();
}
