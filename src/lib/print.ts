/**
 * Print pages put many entries on one page. Each entry is a <section data-print-entry="key">; inside it,
 * ids become "key--id" and "#id" links follow, so two entries' "#check-yourself" stay distinct.
 * Every <details> is opened: answers are shown on paper.
 */
export function scopePrintHtml(html: string): string {
  const opened = html.replace(/<details(?![^>]*\sopen)([\s>])/g, '<details open$1');
  return opened.replace(/<section class="print-entry" data-print-entry="([^"]+)"([\s\S]*?)<\/section>(?=\s*(?:<section class="print-entry"|<h2 class="print-track"|<\/main>))/g, (_, key: string, inner: string) => {
    const scoped = inner
      .replace(/\sid="(?!\S*--)([^"]+)"/g, ` id="${key}--$1"`)
      .replace(/\shref="#(?!\S*--)([^"]+)"/g, ` href="#${key}--$1"`)
      .replace(/\saria-labelledby="(?!\S*--)([^"]+)"/g, ` aria-labelledby="${key}--$1"`);
    return `<section class="print-entry" data-print-entry="${key}"${scoped}</section>`;
  });
}
