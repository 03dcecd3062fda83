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
