/**
 * /flashcards/: Known / Not yet on each card (remembered), filters by level and concept, review what you did not
 * know, and a study round: the cards the filters show, one at a time, each mark moving on to the next.
 */
import { isObj } from '../lib/library-core';
import { act, snap } from './library-core';

const controls = document.querySelector<HTMLElement>('[data-fc-controls]')!;
const [level, page] = controls.querySelectorAll('select');
const unknown = controls.querySelector('input')!;
const summary = controls.querySelector('[data-fc-summary]')!;
const start = controls.querySelector<HTMLButtonElement>('[data-fc-start]')!;
const cards = [...document.querySelectorAll<HTMLElement>('.fc-card')];
const mark = (card: HTMLElement) => {
  const m = snap.cards[card.dataset.key!];
  return isObj(m) && typeof m.on === 'boolean' ? (m.on ? 'known' : 'not-yet') : '';
};

function sync() {
  for (const card of cards) {
    card.dataset.mark = mark(card);
    for (const b of card.querySelectorAll('[data-fc-mark]')) b.setAttribute('aria-pressed', String(b.getAttribute('data-fc-mark') === card.dataset.mark));
  }
  const count = (m: string) => cards.filter((c) => c.dataset.mark === m).length;
  const shown = cards.filter((c) => !c.hidden).length;
  summary.textContent = `Showing ${shown} of ${cards.length} cards · ${count('known')} known · ${count('not-yet')} not yet`;
  start.disabled = !shown;
}

function filter() {
  for (const card of cards) {
    card.hidden = (!!level!.value && card.dataset.level !== level!.value)
      || (!!page!.value && card.dataset.page !== page!.value)
      || (unknown.checked && mark(card) !== 'not-yet');
  }
  sync();
}

// The study round: its cards, the current one's place, and how each was marked in it.
const deck = document.querySelector<HTMLElement>('.fc-deck')!;
const progress = document.querySelector<HTMLElement>('[data-fc-progress]')!;
const bar = document.querySelector<HTMLElement>('[data-fc-study]')!;
const done = document.querySelector<HTMLElement>('[data-fc-done]')!;
const again = done.querySelector<HTMLElement>('[data-fc-again]')!;
let round: HTMLElement[] = [];
let at = 0;
const marked = new Map<HTMLElement, string>();

function show() {
  const card = round[at];
  for (const c of round) c.classList.toggle('fc-current', c === card);
  bar.hidden = !card;
  done.hidden = !!card;
  if (card) {
    progress.textContent = `Card ${at + 1} of ${round.length}`;
    card.querySelector('details')!.open = false;
    card.querySelector('summary')!.focus();
  } else {
    const count = (m: string) => round.filter((c) => marked.get(c) === m).length;
    progress.textContent = `Round finished: ${count('known')} known, ${count('not-yet')} not yet, of ${round.length}.`;
    again.hidden = !count('not-yet');
    done.focus();
  }
}

function study(cardsToStudy: HTMLElement[]) {
  round = cardsToStudy;
  at = 0;
  marked.clear();
  controls.hidden = true;
  deck.classList.add('fc-studying');
  show();
}

function stop() {
  for (const c of round) c.classList.remove('fc-current');
  round = [];
  deck.classList.remove('fc-studying');
  bar.hidden = done.hidden = true;
  progress.textContent = '';
  if (progress.nextElementSibling?.classList.contains('lib-msg')) progress.nextElementSibling.remove();
  controls.hidden = false;
  // Marks made in the round change what the filters show ("only what I did not know").
  filter();
  start.focus();
}

deck.onclick = (e) => {
  const b = (e.target as Element).closest<HTMLButtonElement>('[data-fc-mark]');
  const card = b?.closest<HTMLElement>('.fc-card');
  const key = card?.dataset.key;
  if (!b || !key) return;
  // In a round every mark moves on; if it could not be saved, the message stays under the round's progress.
  const inRound = card === round[at];
  act(inRound ? progress : b.parentElement!, { ...snap, cards: { ...snap.cards, [key]: { on: b.dataset.fcMark === 'known', at: Date.now() } } });
  if (inRound) {
    marked.set(card, b.dataset.fcMark!);
    at++;
    show();
  }
};
start.onclick = () => study(cards.filter((c) => !c.hidden));
bar.querySelector<HTMLElement>('[data-fc-skip]')!.onclick = () => {
  at++;
  show();
};
for (const b of document.querySelectorAll<HTMLElement>('[data-fc-stop]')) b.onclick = stop;
again.onclick = () => study(round.filter((c) => marked.get(c) === 'not-yet'));
controls.onchange = filter;
addEventListener('fg-library', sync);
for (const m of document.querySelectorAll<HTMLElement>('.fc-marks')) m.hidden = false;
controls.hidden = false;
filter();
