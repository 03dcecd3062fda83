/** Joins the configured base path ("/" or "/repo/") with a site path, so every link survives a base path. */
export function withBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}
