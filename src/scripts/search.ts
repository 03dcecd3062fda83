/**
 * <search-box>: results as you type from the Pagefind index, arrow keys to walk them, Enter to open,
 * sub-results that jump to headings, and a track filter. Used by the dialog (search-dialog.ts) and by /search/?q=.
 * Loaded only when search is first used; Pagefind's own code loads on the first query.
 */
import { withBase } from '../lib/paths';
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, o?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const base = withBase(import.meta.env.BASE_URL);
let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

const MAX_RESULTS = 10;
const MAX_SUB = 3;

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Pagefind excerpts are HTML with <mark>; keep only the marks. */
const safeExcerpt = (s: string) => escapeHtml(s).replace(/&#60;mark&#62;/g, '<mark>').replace(/&#60;\/mark&#62;/g, '</mark>');

function renderResult(r: PagefindData): string {
  const subs = r.sub_results.filter((s) => s.url !== r.url && s.url.includes('#')).slice(0, MAX_SUB);
  const track = r.filters.track?.[0];
  return `<li class="search-result">
    <a href="${escapeHtml(r.url)}" class="search-result-link">
      ${track ? `<span class="search-track">${escapeHtml(track)}</span>` : ''}
      <span class="search-title">${escapeHtml(r.meta.title ?? r.url)}</span>
      <span class="search-excerpt">${safeExcerpt(r.excerpt)}</span>
    </a>
    ${subs.length ? `<ul class="search-subs">${subs
      .map((s) => `<li><a href="${escapeHtml(s.url)}"><span class="search-title">${escapeHtml(s.title)}</span><span class="search-excerpt">${safeExcerpt(s.excerpt)}</span></a></li>`)
      .join('')}</ul>` : ''}
  </li>`;
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
    this.input.addEventListener('input', () => void this.search());
    this.addEventListener('change', (e) => {
      if ((e.target as HTMLInputElement).name === 'search-track') void this.search();
    });
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.querySelector('form')?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.search();
    });
    if (this.isPage) {
      const q = new URL(location.href).searchParams.get('q');
      if (q) {
        this.input.value = q;
        void this.search();
      }
    }
  }

  private get track(): string {
    return this.querySelector<HTMLInputElement>('input[name="search-track"]:checked')?.value ?? '';
  }

  private links(): HTMLAnchorElement[] {
    return [...this.results.querySelectorAll<HTMLAnchorElement>('a')];
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

  private async search() {
    const q = this.input.value.trim();
    const id = ++this.runId;
    if (this.isPage) {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }
    const fallback = document.querySelector<HTMLElement>('[data-all-entries]');
    if (!q) {
      this.results.innerHTML = '';
      this.results.hidden = this.isPage;
      if (fallback) fallback.hidden = false;
      return;
    }
    const pf = await loadPagefind();
    const filters = this.track ? { track: this.track } : {};
    const found = await pf.debouncedSearch(q, { filters }, 120);
    if (!found || id !== this.runId) return;
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (id !== this.runId) return;
    const count = found.results.length;
    const where = this.track ? ` in ${escapeHtml(this.track)}` : '';
    this.results.hidden = false;
    if (fallback) fallback.hidden = true;
    this.results.innerHTML = count
      ? `<p class="search-status">${count} result${count === 1 ? '' : 's'} for “${escapeHtml(q)}”${where}</p><ol class="search-list">${data.map(renderResult).join('')}</ol>`
      : `<p class="search-status">No results for “${escapeHtml(q)}”${where}.</p>`;
  }
}

export function defineSearchBox() {
  if (!customElements.get('search-box')) customElements.define('search-box', SearchBox);
}
