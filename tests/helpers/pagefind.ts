import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RANKING, type PagefindSearch, type PagefindResult as SearchResult } from '../../src/lib/search';

export interface PagefindResult {
  url: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string }[];
}
export interface PagefindApi extends PagefindSearch {
  /** Pagefind's search (never null here: the tests call search(), not the debounced one). */
  search(q: string, o?: Record<string, unknown>): Promise<{ results: SearchResult[] }>;
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Loads the built Pagefind index in Node. Pagefind fetches its chunks by URL; a fetch shim answers
 * requests under the base path from dist/ (a real browser test covers the network path).
 */
export async function loadPagefind(dist: string, base = '/'): Promise<PagefindApi> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(base)) {
      const path = '/' + decodeURIComponent(url.split('?')[0]!).slice(base.length);
      const body = await readFile(join(dist, path));
      return new Response(body, { headers: { 'content-type': path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
    }
    return realFetch(input as RequestInfo, init);
  }) as typeof fetch;
  const pf = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
  // The site's own ranking options (src/lib/search.ts), as the dialog sets them.
  await pf.options({ baseUrl: base, basePath: `${base}pagefind/`, ranking: RANKING });
  await pf.init();
  return pf;
}
