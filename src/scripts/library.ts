/**
 * The reader's library on content pages, loaded by library-start.ts: on an entry page, the controls that
 * library-start.ts made (save page, save section, mark as learned, the private note, saved as you type) and
 * the page recorded as the last one read; ticks on learned entries; on the home page, "continue where you left
 * off". Counts per track: library-core.ts.
 */
import { isObj, isOn, pageOf, text } from '../lib/library-core';
import { setLastRead, setMark, setNote, toggleBookmark } from '../lib/library-edit';
import { $$, act, save, snap } from './library-core';
import { makeControls } from './library-controls';
import { continueFrom, nextInTrack, type OrderEntry } from '../lib/progress';

const [article] = $$('[data-lib-page]');
if (article) {
  makeControls(article);
  const page = article.dataset.libPage!;
  const title = article.querySelector('h1')!.textContent!.trim();
  const box = article.querySelector<HTMLElement>('.lib-actions')!;
  const note = article.querySelector<HTMLDetailsElement>('[data-lib-note]')!;
  const buttons = $$('[data-lib-section],[data-lib-save],[data-lib-learned]');
  const sync = () => {
    for (const b of buttons) {
      const s = b.dataset.libSection;
      b.setAttribute('aria-pressed', String('libLearned' in b.dataset ? isOn(snap.progress[page]) : isObj(snap.bookmarks[s ? `${page}#${s}` : page])));
    }
  };
  // The page read, once the reader sees it (a tab opened in the background is not read yet). If storage fails,
  // the controls say so when used.
  const read = () => save(setLastRead(snap, page, title, Date.now()));
  if (document.visibilityState === 'visible') read();
  else document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && read(), { once: true });
  for (const b of buttons) {
    const s = b.dataset.libSection;
    b.onclick = () => act(s ? b : (b.closest('.lib-end') ?? box), 'libLearned' in b.dataset
      ? setMark(snap, 'progress', page, !isOn(snap.progress[page]), Date.now())
      : toggleBookmark(snap, s ? `${page}#${s}` : page, title, b.dataset.title, Date.now()));
  }
  const area = note.querySelector('textarea')!;
  // Text typed before this code loaded (first visit) is kept: library-controls.ts stored it as it was typed.
  area.value ||= text(snap.notes[page], 'text');
  // Open it when there is a note; never close it: the reader may have just opened it to write one.
  if (area.value) note.open = true;
  // Notes are never lost across tabs: a note changed in another tab replaces this one's text unless the reader
  // is typing here; if both changed, both versions are kept, the other tab's after this one's.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let base = text(snap.notes[page], 'text');
  area.oninput = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const theirs = text(snap.notes[page], 'text');
      const both = theirs !== base && theirs !== area.value && theirs.trim() !== '';
      if (both) area.value = `${area.value}\n\n(Written in another tab:)\n${theirs}`;
      base = area.value;
      act(area, setNote(snap, page, title, area.value, Date.now()), both ? 'Note saved. It was also changed in another tab: both versions are kept.' : `Note ${area.value.trim() ? 'saved' : 'removed'}.`);
    }, 400);
  };
  const follow = () => {
    const stored = text(snap.notes[page], 'text');
    if (timer === undefined && stored !== area.value) {
      area.value = base = stored;
      if (stored) note.open = true;
    }
  };
  sync();
  addEventListener('fg-library', sync);
  addEventListener('fg-library', follow);
  article.dataset.libReady = '';
}

/** Ticks on learned entries in the sidebar and on a track page. */
const ticks = () => {
  for (const a of $$<HTMLAnchorElement>('.nav-entries a,.track-path a')) {
    a.classList.toggle('learned', isOn(snap.progress[a.pathname.split('/').slice(-3, -1).join('/')]));
  }
};
ticks();
addEventListener('fg-library', ticks);

/**
 * The home page: each started track's card says what comes next ("Continue with stage 3 · Text file
 * formats"), and "Continue where you left off" goes to the next entry of the track learned in last, or, before
 * anything is learned, to the page read last.
 */
const [cont] = $$('[data-lib-continue]');
const cardsOf = $$('[data-lib-order]');
const orders = Object.fromEntries(cardsOf.map((c) => [c.dataset.libOrder!, JSON.parse(c.dataset.entries!) as OrderEntry[]]));
const place = (track: string, n: { index: number; entry: OrderEntry }): [string, string] =>
  [`${cont!.dataset.base}${track}/${n.entry[0]}/`, `${n.entry[2]!} · ${n.entry[1]}`];
const homeLinks = () => {
  for (const c of cardsOf) {
    const n = nextInTrack(snap.progress, c.dataset.libOrder!, orders[c.dataset.libOrder!]!);
    const a = c.querySelector<HTMLAnchorElement>('.start-link');
    if (n && a) {
      [a.href, a.firstChild!.textContent] = place(c.dataset.libOrder!, n);
      a.firstChild!.textContent = `Continue with ${a.firstChild!.textContent}`;
    }
  }
  const next = continueFrom(snap.progress, orders);
  const key = text(snap.lastRead, 'key');
  const a = cont?.querySelector('a');
  if (!a || (!next && !key)) return;
  [a.href, a.textContent] = next ? place(next.track, next) : [`${cont!.dataset.base}${pageOf(key)}/`, text(snap.lastRead, 'title') || key] as [string, string];
  cont!.hidden = false;
};
if (cont) {
  homeLinks();
  addEventListener('fg-library', homeLinks);
}
