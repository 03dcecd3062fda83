/**
 * The little client code every page has: theme toggle, copy buttons, mobile menu, search opener, the on-page
 * contents highlight and the library's first step (library-start.ts). Search itself (and Pagefind) loads only
 * when first used; the library code when this browser has a library or a control is first used.
 */
import { withBase } from '../lib/paths';
import { startLibrary } from './library-start';
const root = document.documentElement;

function setupTheme() {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const sync = () => button.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
  button.hidden = false;
  sync();
  button.addEventListener('click', () => {
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem('theme', root.dataset.theme);
    } catch {
      /* storage disabled: the choice lasts for this page */
    }
    sync();
  });
}

function setupCopy() {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) b.hidden = false;
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy]');
    const code = button?.closest('figure')?.querySelector('pre')?.textContent;
    if (!button || code == null) return;
    try {
      await navigator.clipboard.writeText(code);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}

function setupMenu() {
  const toggle = document.querySelector<HTMLAnchorElement>('[data-menu-toggle]');
  if (!toggle) return;
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    const open = root.toggleAttribute('data-nav-open');
    toggle.setAttribute('aria-expanded', String(open));
  });
}

let searchModule: Promise<typeof import('./search')> | undefined;
const loadSearch = () => (searchModule ??= import('./search'));

function setupSearch() {
  const button = document.querySelector<HTMLElement>('[data-open-search]');
  // What is typed while the dialog's code loads (after `/`, the keys would go nowhere); handed to the box.
  let typed: string | undefined;
  // The dialog's module imports search.ts: ask for both at once rather than one after the other.
  const open = async () => {
    if (typed !== undefined) return;
    typed = '';
    void loadSearch();
    const dialog = await import('./search-dialog');
    dialog.openSearchDialog(button?.dataset.tracks?.split(',') ?? [], typed);
    typed = undefined;
  };
  button?.addEventListener('click', (event) => {
    event.preventDefault();
    void open();
  });
  document.addEventListener('keydown', (event) => {
    if (typed !== undefined && !event.metaKey && !event.ctrlKey && !event.altKey && (event.key.length === 1 || event.key === 'Backspace')) {
      event.preventDefault();
      typed = event.key === 'Backspace' ? typed.slice(0, -1) : typed + event.key;
      return;
    }
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey)) {
      event.preventDefault();
      void open();
    }
  });
  if (document.querySelector('search-box[data-mode="page"]')) void loadSearch().then((m) => m.defineSearchBox());
  // The 404 page searches the words of its address (not-found.ts needs search.ts: ask for both at once).
  if (document.querySelector('search-box[data-not-found]')) {
    void loadSearch();
    void import('./not-found');
  }
}

/**
 * "Copy page as Markdown" on entry pages, which name their Markdown twin in a <link rel="alternate">. The twin
 * is fetched when the reader reaches for the button (pointer or focus), so the click can write it at once,
 * inside the gesture, as Safari requires; a click before it arrives waits for it.
 */
function setupCopyPage() {
  const twin = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="text/markdown"]');
  const kicker = document.querySelector('.entry-kicker');
  if (!twin || !kicker) return;
  const b = document.createElement('button');
  const label = 'Copy page as Markdown';
  b.type = 'button';
  b.className = 'lib-btn';
  b.style.marginLeft = '0.6rem';
  b.textContent = label;
  let text: Promise<string> | undefined;
  let ready: string | undefined;
  const load = () => (text ??= fetch(twin.href).then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))).then((t) => (ready = t)));
  for (const e of ['pointerenter', 'focus', 'touchstart']) b.addEventListener(e, () => void load().catch(() => (text = undefined)), { passive: true });
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(ready ?? (await load()));
      b.textContent = 'Copied';
    } catch {
      b.textContent = 'Copy failed';
    }
    setTimeout(() => (b.textContent = label), 2000);
  });
  kicker.append(b);
}

/**
 * The service worker: registered here on every page (offline, register() cannot fetch the script to look for an
 * update and rejects, so the existing registration is kept). Only a page a worker already controls can have a
 * newer version to offer, so offline.ts (the update prompt) loads only then.
 */
function registerOffline() {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const scope = withBase(import.meta.env.BASE_URL);
  const registration = navigator.serviceWorker.register(`${scope}sw.js`, { scope }).catch(() => navigator.serviceWorker.getRegistration(scope));
  if (navigator.serviceWorker.controller) void import('./offline').then((m) => m.offerUpdates(registration));
}

/** The on-page contents are open on a wide screen (where they are a column of their own), folded on a narrower one. */
function setupToc() {
  const details = document.querySelector<HTMLDetailsElement>('details.toc');
  if (!details) return;
  const wide = matchMedia('(min-width: 72.01rem)');
  if (wide.matches) details.open = true;
  wide.addEventListener('change', () => (details.open = wide.matches));
}

/** Marks the contents link of the section being read, and scrolls the contents so that link stays in view. */
class PageToc extends HTMLElement {
  connectedCallback() {
    const box = this.closest<HTMLElement>('.toc');
    const keepInView = (link: HTMLElement) => {
      if (!box || box.scrollHeight <= box.clientHeight) return;
      const b = box.getBoundingClientRect();
      const r = link.getBoundingClientRect();
      // Out of the visible band (a little margin included): bring it to a third of the way down.
      if (r.top < b.top + 40 || r.bottom > b.bottom - 40) box.scrollTop += r.top - b.top - box.clientHeight / 3;
    };
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
    let current: HTMLAnchorElement | undefined;
    const update = () => {
      let index = 0;
      targets.forEach((t, i) => {
        if (t && t.getBoundingClientRect().top < 120) index = i;
      });
      const next = links[index];
      if (next === current) return;
      current?.removeAttribute('aria-current');
      next?.setAttribute('aria-current', 'true');
      current = next;
      if (next) keepInView(next);
    };
    let queued = false;
    addEventListener('scroll', () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    }, { passive: true });
    update();
  }
}

setupTheme();
setupToc();
setupMenu();
setupSearch();
startLibrary();
const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
idle(() => {
  setupCopy();
  setupCopyPage();
  registerOffline();
  if (!customElements.get('page-toc')) customElements.define('page-toc', PageToc);
});
