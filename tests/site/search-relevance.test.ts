/**
 * The relevance suite on the built index, in Node, with the site's own query handling: prints top-1 and top-3
 * and fails below 90 % and 98 %. (The same suite runs on the base-path build in tests/browser/base-path.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist';
import { loadPagefind } from '../helpers/pagefind';
import { formatReport, scoreRelevance } from '../helpers/relevance';
import { RELEVANCE } from './search-queries';

describe('search relevance', () => {
  it(`puts the expected page or section first for ≥ 90 % of ${RELEVANCE.length} queries, in the top three for ≥ 98 %`, async () => {
    const pf = await loadPagefind(DIST);
    const report = await scoreRelevance(pf, RELEVANCE, { raw: process.env.RELEVANCE_RAW === '1' });
    console.log(formatReport('relevance', report));
    expect(RELEVANCE.length).toBeGreaterThanOrEqual(150);
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.top3).toBeGreaterThanOrEqual(0.98);
  }, 120_000);
});
