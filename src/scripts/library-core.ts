/**
 * What the library scripts share, kept small because entry pages load it: the stored library (read once,
 * checked by src/lib/library-core.ts), `save` with a clear message when storage is disabled or full, `say`
 * to show it near the control used, and the learned counts in the sidebar. Stored data that is not a
 * version-1 library is set aside under "fg-library-<why>-<time>" (listed on /library/), never overwritten.
 */
import { countText, learnedCount, quickRead, STORAGE_KEY, type Snapshot } from '../lib/library-core';
import { dueCount } from '../lib/review-core';

let raw: string | null = null;
try {
  raw = localStorage.getItem(STORAGE_KEY);
} catch {
  /* storage disabled: an empty library, and a message when the reader saves */
}
const read = quickRead(raw);
export let snap: Snapshot = read.snap;
/** False while stored data that could not be read is still in place (setting it aside failed). */
let writable = true;
if (read.status !== 'ok') {
  try {
    localStorage.setItem(`${STORAGE_KEY}-${read.status}-${Date.now()}`, raw!);
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    writable = false;
  }
}

const changed = () => dispatchEvent(new Event('fg-library'));

/** Stores `next` (and shows it); on failure nothing changes and the reason is returned. */
export function save(next: Snapshot): string | undefined {
  try {
    if (!writable) throw new Error();
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    snap = next;
    changed();
    return undefined;
  } catch (e) {
    return `Not saved: ${/quota/i.test((e as Error).name) ? 'storage is full' : 'this browser blocks storage for this site'}.`;
  }
}

/** Shows `message` in a live region just after `near`. */
export function say(near: Element, message = '', error = true) {
  let box = near.nextElementSibling;
  if (!box?.classList.contains('lib-msg')) {
    box = document.createElement('span');
    box.className = 'lib-msg';
    box.setAttribute('role', 'status');
    near.after(box);
  }
  box.classList.toggle('lib-error', error);
  box.textContent = message;
}

/** Saves `next` and says the outcome near the control used. */
export const act = (near: Element, next: Snapshot, done?: string) => {
  const error = save(next);
  say(near, error ?? done, !!error);
  return !error;
};

export const $$ = <T extends HTMLElement>(s: string) => [...document.querySelectorAll<T>(s)];

/**
 * Learned counts per track: "5 / 13" in the sidebar, "5 of 13 learned" on track pages and /library/; and the
 * flashcards due now ("3 due": header, home page), from the stored due dates alone.
 */
function counts() {
  for (const el of $$('[data-lib-count]')) {
    const total = el.dataset.total;
    const n = Math.min(learnedCount(snap, el.dataset.libCount!, el.dataset.ids?.split(' ')), Number(total));
    el.textContent = countText(n, total!, !!el.dataset.long);
    el.hidden = false;
  }
  const due = dueCount(snap.reviews, Date.now());
  for (const el of $$('[data-lib-due]')) {
    el.textContent = `${due} due`;
    el.hidden = !due;
    const box = el.closest<HTMLElement>('[data-lib-due-box]');
    if (box) box.hidden = !due;
  }
}
counts();
addEventListener('fg-library', counts);
// A first visit's control wrote to storage before this code loaded (library-controls.ts): read it again.
addEventListener('fg-library-stored', () => {
  snap = quickRead(localStorage.getItem(STORAGE_KEY)).snap;
  changed();
});
// Another tab changed the library: read it again, so an edit here does not undo that one.
addEventListener('storage', (e) => {
  if (e.key === STORAGE_KEY) {
    snap = quickRead(e.newValue).snap;
    changed();
  }
});
