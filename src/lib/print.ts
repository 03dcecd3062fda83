/**
 * Print pages put many entries on one page. Each entry is a <section data-print-entry="key">; inside it,
 * ids become "key--id" and "#id" links follow, so two entries' "#check-yourself" stay distinct.
 * Every <details> is opened: answers are shown on paper. A drawn diagram's light picture (the one paper shows)
 * loads at once instead of when scrolled to, so printing never waits for, or misses, a lazy image.
 */
export function scopePrintHtml(html: string): string {
  const opened = eagerLightDiagrams(html).replace(/<details(?![^>]*\sopen)([\s>])/g, '<details open$1');
  return opened.replace(/<section class="print-entry" data-print-entry="([^"]+)"([\s\S]*?)<\/section>(?=\s*(?:<section class="print-entry"|<h2 class="print-track"|<\/main>))/g, (_, key: string, inner: string) => {
    const scoped = inner
      .replace(/\sid="(?!\S*--)([^"]+)"/g, ` id="${key}--$1"`)
      .replace(/\shref="#(?!\S*--)([^"]+)"/g, ` href="#${key}--$1"`)
      .replace(/\saria-labelledby="(?!\S*--)([^"]+)"/g, ` aria-labelledby="${key}--$1"`);
    return `<section class="print-entry" data-print-entry="${key}"${scoped}</section>`;
  });
}

/** `<img class="diagram-light" … loading="lazy">` → without loading="lazy" (the dark one stays lazy, for the screen). */
export function eagerLightDiagrams(html: string): string {
  return html.replace(/<img class="diagram-light"[^>]*>/g, (img) => img.replace(/\sloading="lazy"/, ''));
}

/** Entries per print page: a track longer than this is printed in parts, so no print page grows with the track. */
export const PRINT_PART_SIZE = 100;

/** One print page of a track: entries [from, to) of it in learning order, at /print/<path>/. */
export interface PrintPart {
  track: string;
  /** 1-based; part 1 is /print/<track>/, part n > 1 is /print/<track>/<n>/ (a stable scheme: entry i is in part ⌈i/size⌉). */
  part: number;
  parts: number;
  from: number;
  to: number;
  path: string;
}

export const printPartPath = (track: string, part: number) => (part === 1 ? track : `${track}/${part}`);

/** The print pages of a track of `count` entries: one when it fits, else parts of `size` entries each. */
export function printParts(track: string, count: number, size = PRINT_PART_SIZE): PrintPart[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`print part size must be a positive integer, not ${size}`);
  const parts = Math.max(1, Math.ceil(count / size));
  return Array.from({ length: parts }, (_, i) => ({ track, part: i + 1, parts, from: i * size, to: Math.min(count, (i + 1) * size), path: printPartPath(track, i + 1) }));
}

/** Whether /print/ holds the whole guide (every track fits on one print page) or lists the tracks' print pages. */
export const wholeGuideFits = (trackSizes: number[], size = PRINT_PART_SIZE) => trackSizes.reduce((a, b) => a + b, 0) <= size * 2 && trackSizes.every((n) => n <= size);

/** What a print page leaves for an entry's text: filled after the build from the built entry page (fillPrintHtml). */
export const printPlaceholder = (entryUrl: string) => `<div class="prose" data-print-from="${entryUrl}"></div>`;

/**
 * The inner HTML of the first <div class="prose"> of a built page: the entry's rendered text, up to the </div>
 * that closes it (the HTML is the generator's own, so its divs are balanced).
 */
export function proseOf(html: string, where = 'page'): string {
  const open = html.indexOf('<div class="prose">');
  if (open < 0) throw new Error(`print pages: ${where} has no <div class="prose">`);
  const start = open + '<div class="prose">'.length;
  const tags = /<div[\s>]|<\/div>/g;
  tags.lastIndex = start;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  throw new Error(`print pages: the <div class="prose"> of ${where} is not closed`);
}

/**
 * Puts each entry's text, as its own page rendered it, into a print page's placeholders: print pages then do not
 * render every entry a second (and third) time. `entryHtml` gives the built HTML of an entry page by its URL.
 */
export function fillPrintHtml(html: string, entryHtml: (url: string) => string): string {
  return html.replace(/<div class="prose" data-print-from="([^"]+)"><\/div>/g, (_, url: string) => `<div class="prose">${proseOf(entryHtml(url), url)}</div>`);
}
