/** Joins the configured base path ("/" or "/repo/") with a site path, so every link survives a base path. */
export function withBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

/**
 * The words of a URL path, as a search query for the 404 page: `/kafka/high-watermak/` → "kafka high watermak".
 * The base path, file extensions (`.html`) and separators are dropped; at most eight words.
 */
export function queryFromPath(path: string, base = '/'): string {
  let p = path;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* a malformed escape: use the path as it is */
  }
  const b = withBase(base);
  if (p.startsWith(b)) p = p.slice(b.length);
  p = p.replace(/\.html?$/i, '').replace(/(^|\/)index$/i, '');
  return (p.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).join(' ').toLowerCase();
}

/**
 * The query the 404 page runs: each word cut to its first six letters. Pagefind matches words by prefix, so a
 * misspelt end still finds the page ("watermak" → "waterm" finds "watermark"; the whole word finds nothing).
 */
export const forgivingQuery = (query: string): string =>
  query.split(' ').filter(Boolean).map((w) => [...w].slice(0, 6).join('')).join(' ');
