/**
 * Scores the relevance suite (tests/site/search-queries.ts) against a loaded Pagefind index, with the site's
 * own query handling (src/lib/search.ts findHits). A case passes at rank k when one of the first k results is
 * the expected page, and, for an expected `page#section`, leads to that section or a subsection of it.
 */
import { findHits, MAX_RESULTS, type Hit, type PagefindSearch } from '../../src/lib/search';
import type { RelevanceCase } from '../site/search-queries';

export interface RelevanceReport {
  total: number;
  top1: number;
  top3: number;
  /** Cases that missed the rank they ask for, with what came first instead. */
  misses: { q: string; expect: string; got: string[] }[];
}

export function matches(hit: Pick<Hit, 'page' | 'sections'>, expected: string, base = '/'): boolean {
  const [page, hash] = expected.split('#') as [string, string | undefined];
  const want = base.replace(/\/$/, '') + page;
  return hit.page === want && (!hash || hit.sections.includes(hash));
}

/** `pageOnly`: the site before results led to sections (for the before/after figures): a section case counts its page. */
export async function scoreRelevance(pf: PagefindSearch, cases: RelevanceCase[], { base = '/', raw = false } = {}): Promise<RelevanceReport> {
  let top1 = 0;
  let top3 = 0;
  const misses: RelevanceReport['misses'] = [];
  for (const c of cases) {
    let hits: Pick<Hit, 'page' | 'sections' | 'url'>[];
    if (raw) {
      // What the dialog did before: the query as typed, results as pages.
      const found = (await pf.search(c.q))?.results ?? [];
      const data = await Promise.all(found.slice(0, 3).map((r) => r.data()));
      hits = data.map((d) => ({ page: d.url, url: d.url, sections: [] }));
    } else {
      // Ranked as the dialog ranks them: among the results it loads, then the first three compared.
      hits = (await findHits(pf, c.q, { limit: MAX_RESULTS })).hits.slice(0, 3);
    }
    const expected = raw ? c.expect.split('#')[0]! : c.expect;
    const at = hits.findIndex((h) => matches(h, expected, base));
    const alsoOk = (c.also ?? []).every((a) => hits.some((h) => matches(h, raw ? a.split('#')[0]! : a, base)));
    if (at === 0) top1++;
    if (at >= 0 && at < 3 && alsoOk) top3++;
    if (at < 0 || at >= (c.top ?? 1) || !alsoOk) misses.push({ q: c.q, expect: c.expect + (c.also ? ` + ${c.also.join(' + ')}` : ''), got: hits.map((h) => h.url) });
  }
  return { total: cases.length, top1: top1 / cases.length, top3: top3 / cases.length, misses };
}

export const formatReport = (label: string, r: RelevanceReport) =>
  `${label}: ${r.total} queries, top-1 ${(r.top1 * 100).toFixed(1)} %, top-3 ${(r.top3 * 100).toFixed(1)} %, ${r.misses.length} below their rank` +
  r.misses.map((m) => `\n  "${m.q}" → want ${m.expect}, got ${m.got.join(' | ') || 'nothing'}`).join('');
