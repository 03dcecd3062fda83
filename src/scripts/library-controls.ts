/**
 * The library controls on an entry page (save page, mark as learned, a star per section, the private note):
 * they need JavaScript, so the HTML carries none and this module makes them. On a first visit (nothing
 * stored) `firstVisit` loads the library code only when a control is first used, replaying that click or
 * keystroke.
 */

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
  article.append(note);
}

export function firstVisit(article: HTMLElement, load: () => Promise<unknown>) {
  // Uses of the controls while the code loads, replayed in order once it has wired them.
  const queue: HTMLElement[] = [];
  const wake = (event: Event) => {
    const control = (event.target as Element).closest<HTMLElement>(event.type === 'click' ? '.lib-btn, .lib-save' : 'textarea');
    // Once library.ts has wired the controls (data-lib-ready), they handle their own events.
    if (!control || 'libReady' in article.dataset) return;
    if (event.type === 'input' && queue.includes(control)) return; // the note is saved from its whole text
    queue.push(control);
    if (queue.length > 1) return;
    load().then(
      () => {
        for (const c of queue.splice(0)) {
          if (c instanceof HTMLTextAreaElement) c.dispatchEvent(new Event('input'));
          else c.click();
        }
      },
      () => {
        // The code did not arrive (offline, or a new version replaced it): say so; the next use tries again.
        // This is library-core.ts's `say` in small, on purpose: importing it from there would load that module's
        // storage reading and listeners with every first visit (+0.2 KiB), and a module holding `say` alone
        // becomes a chunk of its own (measured: +0.15 KiB and one more request on every entry page).
        const near = queue.splice(0)[0]!;
        let msg = near.nextElementSibling;
        if (!msg?.classList.contains('lib-msg')) {
          msg = document.createElement('span');
          msg.className = 'lib-msg lib-error';
          msg.setAttribute('role', 'status');
          near.after(msg);
        }
        msg.textContent = 'Not saved: the library could not load. Try again.';
      },
    );
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
