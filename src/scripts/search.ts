/**
 * <search-box>: results as you type from the Pagefind index, arrow keys to walk them, Enter to open, results
 * that lead to the section that matches, and a track filter. Used by the dialog (search-dialog.ts) and by
 * /search/?q=…&track=…, whose URL holds the query and the filter (typing replaces the history entry, changing
 * the filter adds one, Back and Forward restore them). The query handling is src/lib/search.ts, shared with the
 * relevance suite. Loaded only when search is first used; Pagefind's own code loads when the box appears.
 */
import { withBase } from '../lib/paths';
import { findHits, MAX_RESULTS, RANKING, type Hit, type PagefindSearch } from '../lib/search';

interface Pagefind extends PagefindSearch {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

const base = withBase(import.meta.env.BASE_URL);
let pagefind: Promise<Pagefind> | undefined;
/** Loads Pagefind and its entry file (not the index: each word's chunk loads when a query needs it). */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 24, ranking: RANKING });
    await pf.init();
    return pf;
  })();
  return pagefind;
}


export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Pagefind excerpts are HTML with <mark>; keep only the marks. */
const safeExcerpt = (s: string) => escapeHtml(s).replace(/&#60;mark&#62;/g, '<mark>').replace(/&#60;\/mark&#62;/g, '</mark>');

function renderHit(h: Hit): string {
  const section = h.url !== h.page;
  return `<li class="search-result">
    <a href="${escapeHtml(h.url)}" class="search-result-link">
      ${h.track ? `<span class="search-track">${escapeHtml(h.track)}</span>` : ''}
      <span class="search-title">${escapeHtml(h.title)}${section ? `<span class="search-in"> · ${escapeHtml(h.pageTitle)}</span>` : ''}</span>
      <span class="search-excerpt">${safeExcerpt(h.excerpt)}</span>
    </a>
    ${h.subs.length ? `<ul class="search-subs">${h.subs
      .map((s) => `<li><a href="${escapeHtml(s.url)}"><span class="search-title">${escapeHtml(s.title)}</span><span class="search-excerpt">${safeExcerpt(s.excerpt)}</span></a></li>`)
      .join('')}</ul>` : ''}
  </li>`;
}

/** The link to the full results page for a query and a track label (the URL carries the label in lowercase). */
export function resultsUrl(q: string, track: string): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (track) params.set('track', track.toLowerCase());
  const s = params.toString();
  return `${base}search/${s ? `?${s}` : ''}`;
}

class SearchBox extends HTMLElement {
  private input!: HTMLInputElement;
  private results!: HTMLElement;
  private isPage = false;
  private runId = 0;

  connectedCallback() {
    this.input = this.querySelector('input[type="search"]')!;
    this.results = this.querySelector('[data-results]')!;
    this.isPage = this.dataset.mode === 'page';
    this.results.setAttribute('aria-live', 'polite');
    // Pagefind starts loading now, so the first query waits for its index chunk only.
    void loadPagefind();
    this.input.addEventListener('input', () => void this.search());
    this.addEventListener('change', (e) => {
      if ((e.target as HTMLInputElement).type !== 'radio') return;
      void this.search('push');
    });
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.querySelector('form')?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.search();
    });
    if (this.isPage) {
      this.fromUrl();
      addEventListener('popstate', () => this.fromUrl());
    }
  }

  /** Sets the query and filter from the page's URL (on load, and on Back or Forward) and searches. */
  private fromUrl() {
    const params = new URL(location.href).searchParams;
    this.input.value = params.get('q') ?? '';
    const track = (params.get('track') ?? '').toLowerCase();
    for (const r of this.radios()) r.checked = r.value.toLowerCase() === track;
    void this.search('none');
  }

  private radios(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  }

  private get track(): string {
    return this.radios().find((r) => r.checked)?.value ?? '';
  }

  private links(): HTMLAnchorElement[] {
    return [...this.results.querySelectorAll<HTMLAnchorElement>('.search-list a')];
  }

  private onKey(e: KeyboardEvent) {
    const links = this.links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!links.length) return;
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) this.input.focus();
      else links[Math.min(next, links.length - 1)]!.focus();
    } else if (e.key === 'Enter' && e.target === this.input && links[0]) {
      e.preventDefault();
      location.href = links[0].href;
    }
  }

  /** `history`: how /search/ records the state: typing replaces the entry, a new filter pushes one. */
  private async search(history: 'replace' | 'push' | 'none' = 'replace') {
    const q = this.input.value.trim();
    const track = this.track;
    const id = ++this.runId;
    const link = this.querySelector<HTMLAnchorElement>('[data-full-results]');
    if (link) link.href = resultsUrl(q, track);
    if (this.isPage && history !== 'none') {
      const url = new URL(resultsUrl(q, track), location.href);
      if (url.href !== location.href) window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    }
    const fallback = document.querySelector<HTMLElement>('[data-all-entries]');
    if (!q) {
      this.results.innerHTML = '';
      this.results.hidden = this.isPage;
      if (fallback) fallback.hidden = false;
      return;
    }
    const pf = await loadPagefind();
    if (id !== this.runId) return;
    const { hits, total } = await findHits(pf, q, { filters: track ? { track } : {}, limit: MAX_RESULTS, stale: () => id !== this.runId });
    if (id !== this.runId) return;
    const where = track ? ` in ${escapeHtml(track)}` : '';
    this.results.hidden = false;
    if (fallback) fallback.hidden = true;
    this.results.innerHTML = total
      ? `<p class="search-status">${total} result${total === 1 ? '' : 's'} for “${escapeHtml(q)}”${where}</p><ol class="search-list">${hits.map(renderHit).join('')}</ol>`
      : `<p class="search-status">No results for “${escapeHtml(q)}”${where}.</p>`;
    this.dispatchEvent(new CustomEvent('search-results', { detail: { q, track, total } }));
  }
}

export function defineSearchBox() {
  if (!customElements.get('search-box')) customElements.define('search-box', SearchBox);
}
