/**
 * The library controls on an entry page (save page, mark as learned, a star per section, the private note,
 * and at the end "Mark as learned" with the next entry): they need JavaScript, so the HTML carries none and
 * this module makes them. On a first visit (nothing stored) `firstVisit` stores each use at once and loads
 * the library code only when a control is first used.
 */
import { firstLibrary, STORAGE_KEY, VERSION } from '../lib/library-base';
import type { Snapshot } from '../lib/library-core';
import { setMark, setNote, toggleBookmark } from '../lib/library-edit';

export function makeControls(article: HTMLElement) {
  const box = article.querySelector<HTMLElement>('.lib-actions')!;
  if (box.firstChild) return; // made already (first visit, then the library loaded)
  // The header's Library link leads to the library; the row stays one line, even on a phone.
  box.innerHTML = '<button type="button" class="lib-btn" data-lib-save aria-pressed="false">Save page</button><button type="button" class="lib-btn" data-lib-learned aria-pressed="false">Mark as learned</button>';
  // A star beside every permalinked heading: the heading and its button share a row (.heading).
  for (const a of article.querySelectorAll('.prose :is(h2,h3)[id] > a.anchor')) {
    const h = a.parentElement!;
    const b = document.createElement('button');
    const label = document.createElement('span');
    b.type = 'button';
    b.className = 'lib-save';
    b.dataset.libSection = h.id;
    b.dataset.title = h.textContent!.trim();
    b.setAttribute('aria-pressed', 'false');
    label.className = 'sr-only';
    label.textContent = `Save section: ${b.dataset.title}`;
    b.append(label);
    const row = document.createElement('div');
    row.className = `heading level-${h.tagName[1]}`;
    const focused = document.activeElement === a; // moving the heading would drop a keyboard reader's focus
    h.before(row);
    row.append(h, b);
    if (focused) (a as HTMLElement).focus();
  }
  const note = document.createElement('details');
  note.className = 'lib-note question';
  note.dataset.libNote = '';
  note.innerHTML = '<summary>Your note on this page</summary><label for="lib-note-text">Private note, saved in this browser as you type</label><textarea id="lib-note-text" rows="5"></textarea>';
  // The end of the entry: mark it learned and go on, without scrolling back to the top.
  const end = document.createElement('p');
  const next = document.querySelector<HTMLAnchorElement>('.pager a[rel="next"]');
  end.className = 'lib-end';
  end.innerHTML = '<button type="button" class="lib-btn" data-lib-learned aria-pressed="false">Mark as learned</button>';
  if (next) {
    const a = document.createElement('a');
    a.href = next.href;
    a.textContent = `Next: ${next.lastChild!.textContent}`;
    end.append(' ', a);
  }
  article.querySelector('.prose')!.after(end);
  article.append(note);
}

// As in lib/library-core.ts; importing them from there would make it a chunk of its own on every entry page.
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOn = (v: unknown) => isObj(v) && v.on === true;

/** What a storage failure says (library-core.ts's `save` says the same). */
const failed = (e: unknown) => `Not saved: ${/quota/i.test((e as Error).name) ? 'storage is full' : 'this browser blocks storage for this site'}.`;

/**
 * A first visit's use of a control, kept at once: the edit is written to storage before the library code
 * has loaded, so a reader who follows a link right after "Save page" keeps the save. Returns an error
 * message, undefined once stored, or false when what is stored is not a library it can edit.
 */
function keep(article: HTMLElement, control: HTMLElement): string | false | undefined {
  const page = article.dataset.libPage!;
  const title = article.querySelector('h1')!.textContent!.trim();
  const now = Date.now();
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const lib: Snapshot = raw === null ? firstLibrary(page, title, now) : JSON.parse(raw);
    // Not a library this code can edit (another tab wrote something odd): leave it to the library code.
    if ((lib?.version !== VERSION && lib?.version !== 1) || !isObj(lib.bookmarks) || !isObj(lib.progress) || !isObj(lib.notes)) return false;
    const s = control.dataset.libSection;
    const next = control instanceof HTMLTextAreaElement ? setNote(lib, page, title, control.value, now)
      : 'libLearned' in control.dataset ? setMark(lib, 'progress', page, !isOn(lib.progress[page]), now)
      : toggleBookmark(lib, s ? `${page}#${s}` : page, title, control.dataset.title, now);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    const on = (b: HTMLElement) => ('libLearned' in b.dataset ? isOn(next.progress[page]) : isObj(next.bookmarks[b.dataset.libSection ? `${page}#${b.dataset.libSection}` : page]));
    for (const b of article.querySelectorAll<HTMLElement>('[data-lib-save],[data-lib-learned],[data-lib-section]')) b.setAttribute('aria-pressed', String(on(b)));
    dispatchEvent(new Event('fg-library-stored'));
    return undefined;
  } catch (e) {
    return failed(e);
  }
}

export function firstVisit(article: HTMLElement, load: () => Promise<unknown>) {
  const wake = (event: Event) => {
    const control = (event.target as Element).closest<HTMLElement>(event.type === 'click' ? '.lib-btn[data-lib-save], .lib-btn[data-lib-learned], .lib-save' : 'textarea');
    // Once library.ts has wired the controls (data-lib-ready), they handle their own events.
    if (!control || 'libReady' in article.dataset) return;
    const kept = keep(article, control);
    const error = kept || undefined;
    // This is library-core.ts's `say` in small, on purpose: importing it from there would load that module's
    // storage reading and listeners with every first visit (+0.2 KiB).
    const near = control.closest('.lib-actions, .lib-end') ?? control;
    let msg = near.nextElementSibling;
    if (error || msg?.classList.contains('lib-msg')) {
      if (!msg?.classList.contains('lib-msg')) {
        msg = document.createElement('span');
        msg.className = 'lib-msg lib-error';
        msg.setAttribute('role', 'status');
        near.after(msg);
      }
      msg.textContent = error ?? '';
    }
    // The library code then takes over the controls, reading what was just stored.
    void load().then(() => {
      dispatchEvent(new Event('fg-library-stored'));
      // Not kept here: the library code, which can read it, makes the edit.
      if (kept === false) control.dispatchEvent(new Event(event.type, { bubbles: true }));
    }, () => {});
  };
  article.addEventListener('click', wake);
  article.addEventListener('input', wake);
  // A press or focus on a control starts the download, so the click that follows rarely waits for it.
  const warm = (event: Event) => {
    if ((event.target as Element).closest('.lib-btn, .lib-save, textarea')) void load();
  };
  article.addEventListener('pointerdown', warm);
  article.addEventListener('focusin', warm);
}
