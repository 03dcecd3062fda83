import { describe, expect, it } from 'vitest';
import { joinStylesheets, stylesheetLinks } from '../../src/lib/stylesheets';

const FILES: Record<string, string> = {
  '/_astro/shell.a.css': '@layer base{body{margin:0}}\n',
  '/_astro/article.b.css': '.prose{color:red}',
  '/_astro/tracks.c.css': '.cards{display:grid}',
};
const read = (href: string) => {
  const css = FILES[href];
  if (css === undefined) throw new Error(`no file ${href}`);
  return css;
};
const page = (file: string, ...hrefs: string[]) => ({
  file,
  html: `<html><head><title>t</title>${hrefs.map((h) => `<link rel="stylesheet" href="${h}">`).join('')}</head><body></body></html>`,
});

describe('one stylesheet per page', () => {
  it('lists only the build\'s own stylesheets, in order', () => {
    const html = page('/a.html', '/_astro/shell.a.css', '/elsewhere/x.css', '/_astro/article.b.css').html;
    expect(stylesheetLinks(html, '/_astro/')).toEqual(['/_astro/shell.a.css', '/_astro/article.b.css']);
  });

  it('joins the stylesheets a page links, in their order, into one file per combination', () => {
    const pages = [
      page('/kafka/a/index.html', '/_astro/shell.a.css', '/_astro/article.b.css'),
      page('/kafka/b/index.html', '/_astro/shell.a.css', '/_astro/article.b.css'),
      page('/index.html', '/_astro/shell.a.css', '/_astro/tracks.c.css'),
      page('/404.html', '/_astro/shell.a.css'),
    ];
    const r = joinStylesheets(pages, read, '/_astro/');
    expect(r.written.size).toBe(2);
    expect(r.pages.map((p) => p.file)).toEqual(['/kafka/a/index.html', '/kafka/b/index.html', '/index.html']);
    const [entryHref] = stylesheetLinks(r.pages[0]!.html, '/_astro/');
    expect(stylesheetLinks(r.pages[0]!.html, '/_astro/')).toHaveLength(1);
    expect(stylesheetLinks(r.pages[1]!.html, '/_astro/')).toEqual([entryHref]);
    expect(entryHref).toMatch(/^\/_astro\/page\.[\w-]{8}\.css$/);
    // Same order as the links, so the cascade is what it was.
    expect(r.written.get(entryHref!)).toBe('@layer base{body{margin:0}}\n.prose{color:red}\n');
    expect([...r.joined].sort()).toEqual(Object.keys(FILES).sort());
    // The rest of the page is untouched; the link sits where the first one was.
    expect(r.pages[0]!.html).toBe(`<html><head><title>t</title><link rel="stylesheet" href="${entryHref}"></head><body></body></html>`);
  });

  it('names a file by its content, so changed styles get a new name', () => {
    const one = joinStylesheets([page('/a.html', '/_astro/shell.a.css', '/_astro/article.b.css')], read, '/_astro/');
    const other = joinStylesheets([page('/a.html', '/_astro/shell.a.css', '/_astro/tracks.c.css')], read, '/_astro/');
    expect([...one.written.keys()]).not.toEqual([...other.written.keys()]);
  });

  it('works under a base path and leaves pages with one stylesheet alone', () => {
    const r = joinStylesheets([page('/x/index.html', '/docs/_astro/shell.a.css')], (h) => read(h.replace('/docs', '')), '/docs/_astro/');
    expect(r.pages).toEqual([]);
    const s = joinStylesheets([page('/x/index.html', '/docs/_astro/shell.a.css', '/docs/_astro/tracks.c.css')], (h) => read(h.replace('/docs', '')), '/docs/_astro/');
    expect(stylesheetLinks(s.pages[0]!.html, '/docs/_astro/')[0]).toMatch(/^\/docs\/_astro\/page\./);
  });
});
