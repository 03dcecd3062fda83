/**
 * One stylesheet per page. The styles are written by concern (the shell, the article, track pages, search…) and
 * Astro links each page's CSS chunks separately, so an entry page fetched two files. Each file is compressed on
 * its own, so the pair cost about 0.5 KiB gzip more than one file holding both (measured on the entry pages), and
 * a second request. `joinStylesheets` rewrites every page that links two or more of the build's stylesheets to
 * link one file with their text in the same order (so the cascade is unchanged), one file per combination, named
 * by a hash of its content like the rest of `_astro/`, so it can still be cached for good.
 * Pure: the caller reads and writes the files.
 */
import { createHash } from 'node:crypto';

const LINK = /<link rel="stylesheet" href="([^"]+\.css)">/g;

export interface Page {
  file: string;
  html: string;
}

export interface Joined {
  /** Pages whose HTML changed. */
  pages: Page[];
  /** New stylesheets: href → text. */
  written: Map<string, string>;
  /** Stylesheets that were joined; the caller removes those nothing else refers to. */
  joined: Set<string>;
}

/** The stylesheet hrefs a page links from the build's assets folder (`assets`, e.g. "/_astro/"), in order. */
export function stylesheetLinks(html: string, assets: string): string[] {
  return [...html.matchAll(LINK)].map((m) => m[1]!).filter((href) => href.startsWith(assets));
}

export function joinStylesheets(pages: readonly Page[], read: (href: string) => string, assets: string): Joined {
  const byCombination = new Map<string, string>();
  const written = new Map<string, string>();
  const joined = new Set<string>();
  const changed: Page[] = [];
  for (const page of pages) {
    const hrefs = stylesheetLinks(page.html, assets);
    if (hrefs.length < 2) continue;
    const key = hrefs.join('\n');
    let href = byCombination.get(key);
    if (!href) {
      const css = hrefs.map((h) => read(h).trimEnd()).join('\n') + '\n';
      href = `${assets}page.${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
      byCombination.set(key, href);
      written.set(href, css);
    }
    for (const h of hrefs) joined.add(h);
    let first = true;
    const html = page.html.replace(LINK, (tag, h: string) => {
      if (!hrefs.includes(h)) return tag;
      if (!first) return '';
      first = false;
      return `<link rel="stylesheet" href="${href}">`;
    });
    changed.push({ file: page.file, html });
  }
  return { pages: changed, written, joined };
}
