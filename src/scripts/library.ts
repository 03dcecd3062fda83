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
    b.onclick = () => act(s ? b : box, 'libLearned' in b.dataset
      ? setMark(snap, 'progress', page, !isOn(snap.progress[page]), Date.now())
      : toggleBookmark(snap, s ? `${page}#${s}` : page, title, b.dataset.title, Date.now()));
  }
  const area = note.querySelector('textarea')!;
  // Text typed before this code loaded (first visit) is kept, and saved by the replayed keystroke.
  area.value ||= text(snap.notes[page], 'text');
  // Open it when there is a note; never close it: the reader may have just opened it to write one.
  if (area.value) note.open = true;
  let timer: ReturnType<typeof setTimeout>;
  area.oninput = () => {
    clearTimeout(timer);
    timer = setTimeout(() => act(area, setNote(snap, page, title, area.value, Date.now()), `Note ${area.value.trim() ? 'saved' : 'removed'}.`), 400);
  };
  sync();
  addEventListener('fg-library', sync);
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

const [cont] = $$('[data-lib-continue]');
const key = text(snap.lastRead, 'key');
if (cont && key) {
  const a = cont.querySelector('a')!;
  a.href = `${cont.dataset.base}${pageOf(key)}/`;
  a.textContent = text(snap.lastRead, 'title') || key;
  cont.hidden = false;
}
