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
  /** The content file the page was built from, when there is one (for error messages). */
  source?: string;
}

export interface BrokenLink {
  page: string;
  source?: string;
  href: string;
  reason: string;
}

const decode = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Reads ids, <a href>s and the article's data-source from one HTML document. */
export function scanHtml(path: string, html: string): PageLinks {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.add(decode(m[1]!));
  const hrefs: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) hrefs.push(decode(m[1]!));
  const source = /data-source="([^"]+)"/.exec(html)?.[1];
  return { path, ids, hrefs, source };
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
 * Every internal link must reach a page, and every #anchor an id on that page.
 * `assets` lists other files that exist (CSS, images, pagefind/…), which links may also point at.
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
    const line = `${b.source ?? b.page}: link "${b.href}": ${b.reason}`;
    lines.set(line, [...(lines.get(line) ?? []), b.page]);
  }
  const text = [...lines].map(([line, pages]) => `  - ${line}${pages.length > 1 ? ` (on ${pages.join(', ')})` : ''}`).join('\n');
  return { count: lines.size, text };
}
