/** /flashcards/: Known / Not yet on each card (remembered), filters by level and concept, review what you did not know. */
import { isObj } from '../lib/library-core';
import { act, snap } from './library-core';

const controls = document.querySelector<HTMLElement>('[data-fc-controls]')!;
const [level, page] = controls.querySelectorAll('select');
const unknown = controls.querySelector('input')!;
const summary = controls.querySelector('[data-fc-summary]')!;
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
  summary.textContent = `Showing ${cards.filter((c) => !c.hidden).length} of ${cards.length} cards · ${count('known')} known · ${count('not-yet')} not yet`;
}

function filter() {
  for (const card of cards) {
    card.hidden = (!!level!.value && card.dataset.level !== level!.value)
      || (!!page!.value && card.dataset.page !== page!.value)
      || (unknown.checked && mark(card) !== 'not-yet');
  }
  sync();
}

document.querySelector<HTMLElement>('.fc-deck')!.onclick = (e) => {
  const b = (e.target as Element).closest<HTMLButtonElement>('[data-fc-mark]');
  const key = b?.closest<HTMLElement>('.fc-card')?.dataset.key;
  if (b && key) act(b.parentElement!, { ...snap, cards: { ...snap.cards, [key]: { on: b.dataset.fcMark === 'known', at: Date.now() } } });
};
controls.onchange = filter;
addEventListener('fg-library', sync);
for (const m of document.querySelectorAll<HTMLElement>('.fc-marks')) m.hidden = false;
controls.hidden = false;
filter();
