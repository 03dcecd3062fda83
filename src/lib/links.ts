/**
 * Internal link checking over built HTML. Pure: the caller reads the files.
 * A page is known by its URL path ("/kafka/partitions/"); links may be relative, absolute or "#anchor".
 */
export interface PageLinks {
  /** URL path of the page, ending in "/" (or ".html" for files such as 404.html). */
  path: string;
  /** Every id="…" on the page. */
  ids: Set<string>;
  /** Every href of an <a> on the page, as written. */
  hrefs: string[];
  /** Every file the page loads, as written: <img src/srcset>, <source src/srcset>, <link href>, <script src>, url() in styles. */
  assets?: string[];
  /** Ids that appear on more than one element. */
  duplicateIds?: string[];
  /** The content file the page was built from, when there is one (for error messages). */
  source?: string;
}

export interface BrokenLink {
  page: string;
  source?: string;
  href: string;
  /** What is broken: a link (<a href>), a file the page loads, or a repeated id. */
  kind?: 'link' | 'file' | 'id';
  reason: string;
}

const KIND_LABEL = { link: 'link', file: 'file', id: 'id' } as const;

const decode = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The URLs of a srcset: "a.png 1x, b.png 2x" → ["a.png", "b.png"]. */
const srcsetUrls = (v: string) => v.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean);

/** The url(…)s of CSS text (data: URIs left out). */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) {
    const u = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (u && !u.startsWith('data:') && !u.startsWith('#')) out.push(u);
  }
  return out;
}

/** Reads ids, <a href>s, the files the page loads and the article's data-source from one HTML document. */
export function scanHtml(path: string, html: string): PageLinks {
  const ids = new Set<string>();
  const duplicateIds = new Set<string>();
  for (const m of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]+)"/g)) {
    const id = decode(m[1]!);
    if (ids.has(id)) duplicateIds.add(id);
    ids.add(id);
  }
  const hrefs: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) hrefs.push(decode(m[1]!));
  const assets: string[] = [];
  for (const m of html.matchAll(/<(img|source|link|script|video|audio|track|iframe)\s([^>]*)>/g)) {
    for (const a of m[2]!.matchAll(/(?:^|\s)(src|srcset|href|poster)="([^"]*)"/g)) {
      const v = decode(a[2]!);
      assets.push(...(a[1] === 'srcset' ? srcsetUrls(v) : [v]));
    }
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/g)) assets.push(...cssUrls(decode(m[1] ?? m[2] ?? '')));
  const source = /data-source="([^"]+)"/.exec(html)?.[1];
  return { path, ids, hrefs, assets, duplicateIds: [...duplicateIds], source };
}

/** Where an href points, or null when it leaves the site (other origin, mailto:, …). */
export function resolveHref(fromPath: string, href: string, origin = 'http://site.invalid'): { path: string; hash: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(origin)) return null;
  if (href.startsWith('//')) return null;
  const url = new URL(href, origin + fromPath);
  if (url.origin !== origin) return null;
  return { path: decodeURIComponent(url.pathname), hash: decodeURIComponent(url.hash.slice(1)) };
}

/** Pages a path can name: "/a/" is "/a/" or "/a/index.html"; "/a" is "/a/" too. */
function lookup(pages: Map<string, PageLinks>, path: string): PageLinks | undefined {
  return (
    pages.get(path) ??
    pages.get(path.replace(/index\.html$/, '')) ??
    (path.endsWith('/') ? undefined : pages.get(`${path}/`))
  );
}

/**
 * Every internal link must reach a page, every #anchor an id on that page, every file a page loads (images,
 * stylesheets, scripts, url()s in styles) must exist, and no id may appear twice on a page.
 * `assets` lists the files that exist besides pages (CSS, images, pagefind/…).
 */
export function findBrokenLinks(pageList: readonly PageLinks[], assets: ReadonlySet<string> = new Set()): BrokenLink[] {
  const pages = new Map(pageList.map((p) => [p.path, p]));
  const broken: BrokenLink[] = [];
  for (const page of pageList) {
    for (const href of page.hrefs) {
      if (href === '' ) {
        broken.push({ page: page.path, source: page.source, href, reason: 'empty href' });
        continue;
      }
      const target = resolveHref(page.path, href);
      if (!target) continue;
      const targetPage = lookup(pages, target.path);
      if (!targetPage) {
        if (!assets.has(target.path)) broken.push({ page: page.path, source: page.source, href, reason: `no page at ${target.path}` });
        continue;
      }
      if (target.hash && !targetPage.ids.has(target.hash)) {
        broken.push({ page: page.path, source: page.source, href, reason: `${targetPage.path} has no element with id "${target.hash}"` });
      }
    }
    for (const url of page.assets ?? []) {
      const target = url === '' ? null : resolveHref(page.path, url);
      if (url === '') broken.push({ page: page.path, source: page.source, href: url, kind: 'file', reason: 'empty address' });
      else if (target && !assets.has(target.path) && !lookup(pages, target.path)) broken.push({ page: page.path, source: page.source, href: url, kind: 'file', reason: `no file at ${target.path}` });
    }
    for (const id of page.duplicateIds ?? []) {
      broken.push({ page: page.path, source: page.source, href: `#${id}`, kind: 'id', reason: `${page.path} has more than one element with id "${id}": rename one (a heading's id comes from its text)` });
    }
  }
  return broken;
}

/**
 * One line per broken link in a source file. The same link broken on several built pages (an entry and the
 * print pages that repeat it) is one mistake, listed once with the pages it shows on.
 */
export function formatBroken(broken: readonly BrokenLink[]): { count: number; text: string } {
  const lines = new Map<string, string[]>();
  for (const b of broken) {
    const line = `${b.source ?? b.page}: ${KIND_LABEL[b.kind ?? 'link']} "${b.href}": ${b.reason}`;
    lines.set(line, [...(lines.get(line) ?? []), b.page]);
  }
  const text = [...lines].map(([line, pages]) => `  - ${line}${pages.length > 1 ? ` (on ${pages.join(', ')})` : ''}`).join('\n');
  return { count: lines.size, text };
}
