/**
 * The reader's library, first step, on every page (site.ts); small because every page loads it. If this browser
 * has a library, it loads the library code (library.ts, which makes an entry page's controls and shows its
 * state). Otherwise (a first visit, nothing stored) it shows empty counts and, on an entry page, makes the
 * controls and loads the rest only when one is used (library-controls.ts), and records the page as the last
 * one read when the reader leaves it.
 */
import { countText, firstLibrary, STORAGE_KEY } from '../lib/library-base';

// library.ts imports library-core.ts, which a page does not have yet: ask for both at once.
const load = () => {
  void import('./library-core');
  return import('./library');
};

export function startLibrary() {
  const article = document.querySelector<HTMLElement>('[data-lib-page]');
  // A check-yourself question opened: offer to grade it there (review-inline.ts and the scheduler load now).
  article?.addEventListener('toggle', (e) => {
    const q = e.target as HTMLDetailsElement;
    if (!q.open || !q.matches('.question[id]')) return;
    void import('./library-core');
    void import('../lib/review');
    void import('./review-inline').then((m) => m.offer(q, article.dataset.libPage!));
  }, true);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    /* storage disabled: nothing stored; the controls say so when used */
  }
  if (stored !== null) {
    void load();
    return;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-lib-count]')) {
    el.textContent = countText(0, el.dataset.total!, !!el.dataset.long);
    el.hidden = false;
  }
  // Another tab started a library: load the code, which reads it and follows later changes.
  addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) void load();
  });
  if (!article) return;
  void import('./library-controls').then((m) => {
    m.makeControls(article);
    m.firstVisit(article, load);
  });
  // Record the page as the last one read when the reader leaves it, unless the library code did (it records
  // on load, so the library is no longer empty).
  const record = () => {
    try {
      if (localStorage.getItem(STORAGE_KEY) === null) {
        const title = article.querySelector('h1')!.textContent!.trim();
        localStorage.setItem(STORAGE_KEY, JSON.stringify(firstLibrary(article.dataset.libPage!, title, Date.now())));
      }
    } catch {
      /* storage disabled or full: nothing to record */
    }
  };
  // Only a page the reader has seen counts as read (not a tab opened in the background and closed unseen).
  let seen = document.visibilityState === 'visible';
  addEventListener('pagehide', () => seen && record());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') seen = true;
    else if (seen) record();
  });
}
