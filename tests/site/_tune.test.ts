import { it } from 'vitest';
import { DIST } from '../helpers/dist';
import { loadPagefind } from '../helpers/pagefind';
import { scoreRelevance } from '../helpers/relevance';
import { RELEVANCE } from './search-queries';
it('tune', async () => {
  const pf = await loadPagefind(process.env.TUNE_DIST ?? DIST);
  const grid = JSON.parse(process.env.GRID ?? '[{}]');
  for (const ranking of grid) {
    await pf.options({ ranking: { termFrequency: 1, termSimilarity: 1, pageLength: 0.75, termSaturation: 1.4, ...ranking, metaWeights: { title: 5, ...(ranking.metaWeights ?? {}) } } });
    const r = await scoreRelevance(pf, RELEVANCE);
    console.log(`TUNE ${JSON.stringify(ranking)} top1 ${(r.top1 * 100).toFixed(1)} top3 ${(r.top3 * 100).toFixed(1)} misses ${r.misses.length}`);
    if (process.env.SHOW) for (const m of r.misses) console.log(`  "${m.q}" → ${m.expect} got ${m.got.join(' | ')}`);
  }
}, 600_000);
