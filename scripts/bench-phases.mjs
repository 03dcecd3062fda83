// Where an `astro build` spent its time, from its log lines and the time each arrived (see bench.mjs): Astro's
// own steps (start-up and content sync, build info, the Vite build), the pages by kind (Astro prints each page
// with the time it took), each integration's after-build step (each of ours logs one line when it is done),
// then the rest. Returns [label, seconds][] in build order.
const strip = (t) => t.replace(/^\d\d:\d\d:\d\d\s+/, '').trim();

/** The kind of a built file, for the table: social cards, print pages, entry pages, everything else. */
const kindOf = (path) =>
  path.startsWith('/og/') ? 'pages: social cards (/og/)'
  : path.startsWith('/print/') ? 'pages: print (/print/)'
  : /^\/[^/]+\/[^/]+\/index\.html$/.test(path) ? 'pages: entries (/<track>/<entry>/)'
  : 'pages: the others (home, tracks, search, 404, icons…)';

export function phases(lines, totalMs) {
  const out = [];
  let from = 0;
  let inRoutes = false;
  let routesDone = false;
  const close = (label, at) => {
    out.push([label, (at - from) / 1000]);
    from = at;
  };
  const pages = new Map();
  for (const { at, text } of lines) {
    const t = strip(text);
    if (!inRoutes && !routesDone) {
      if (/^\[content\] Synced content/.test(t)) close('start-up and content sync', at);
      else if (/^\[build\] Collecting build info/.test(t)) close('types and config', at);
      else if (/^\[build\] Building static entrypoints/.test(t)) close('collecting build info', at);
      else if (/generating static routes/.test(t)) {
        close('Vite build (server and client bundles)', at);
        inRoutes = true;
      }
    } else if (inRoutes) {
      const page = /^[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(t);
      if (page) pages.set(kindOf(page[1]), (pages.get(kindOf(page[1])) ?? 0) + Number(page[2]) / (page[3] === 's' ? 1 : 1000));
      else if (/^✓ Completed in/.test(t)) {
        const total = (at - from) / 1000;
        let listed = 0;
        for (const [label, s] of pages) (out.push([label, s]), (listed += s));
        out.push(['pages: set-up between pages', Math.max(0, total - listed)]);
        from = at;
        inRoutes = false;
        routesDone = true;
      }
    } else if (/^\[([^\]]+)\] /.test(t) && !/^\[build\] /.test(t)) close(`after build: ${/^\[([^\]]+)\]/.exec(t)[1]}`, at);
    else if (/page\(s\) built in/.test(t)) close('after build: the rest', at);
  }
  if (totalMs > from) out.push(['exit', (totalMs - from) / 1000]);
  const merged = new Map();
  for (const [label, s] of out) merged.set(label, (merged.get(label) ?? 0) + s);
  return [...merged];
}
