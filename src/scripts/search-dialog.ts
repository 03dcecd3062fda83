/**
 * The search dialog, made on first use (pages do not carry its markup) with its styles, which travel with
 * this code (Vite's ?inline gives the minified CSS as text, added to no page's stylesheet).
 */
import searchCss from '../styles/search.css?inline';
import { defineSearchBox, escapeHtml, resultsUrl } from './search';

let dialog: HTMLDialogElement | undefined;

/**
 * Opens the search dialog, making it on first use: pages do not carry its markup. `tracks` are the labels
 * of the track filter, in registry order (the header's search button lists them in data-tracks). `typed`: what
 * the reader typed while this code loaded (after pressing `/`), put in the box so no keystroke is lost.
 */
export function openSearchDialog(tracks: string[], typed = '') {
  defineSearchBox();
  if (!dialog) {
    const style = document.createElement('style');
    style.textContent = searchCss;
    document.head.append(style);
    const d = document.createElement('dialog');
    d.className = 'search-dialog';
    d.setAttribute('aria-labelledby', 'search-dialog-title');
    const radio = (value: string, label: string, checked = '') => `<label><input type="radio" name="search-track" value="${escapeHtml(value)}"${checked}> ${escapeHtml(label)}</label>`;
    d.innerHTML = `<search-box data-mode="dialog"><div class="search-dialog-head"><h2 id="search-dialog-title" class="sr-only">Search the guide</h2><label for="search-dialog-input" class="sr-only">Search</label><input id="search-dialog-input" type="search" placeholder="Search the guide" autocomplete="off" spellcheck="false"><button type="button" class="search-close" data-close>Close</button></div><fieldset class="search-filter"><legend class="sr-only">Track</legend>${radio('', 'All', ' checked')}${tracks.map((t) => radio(t, t)).join('')}</fieldset><p class="search-foot"><span class="search-keys" aria-hidden="true"><kbd>↑</kbd><kbd>↓</kbd> move <kbd>↵</kbd> open <kbd>Esc</kbd> close</span><a data-full-results href="${resultsUrl('', '')}">All results on a page</a></p><div class="search-results" data-results></div></search-box>`;
    // A click on the backdrop (the dialog itself) or on Close closes it.
    d.addEventListener('click', (event) => {
      if (event.target === d || (event.target as Element).closest('[data-close]')) d.close();
    });
    document.body.append(d);
    dialog = d;
  }
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector('input')!;
  if (typed) {
    input.value += typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  input.focus();
}
