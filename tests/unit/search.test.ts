import { describe, expect, it } from 'vitest';
import { findHits, interleave, keyTerms, mergeAnyWord, planQuery, titleMatches, titlesFirst, toHit, type PagefindData, type PagefindResult, type PagefindSearch } from '../../src/lib/search';
import { isIndexed, stripIndexOnly } from '../../src/lib/search-index';

describe('planQuery', () => {
  it('drops the words of a question and keeps the topic', () => {
    expect(planQuery('What happens if a broker crashes?')).toEqual({ terms: 'broker crashes', sides: [] });
    expect(planQuery('when should you use DLQ')).toEqual({ terms: 'dlq', sides: [] });
    expect(keyTerms('how does exactly-once processing actually work')).toBe('exactly-once processing');
  });
  it('keeps a query made only of stop words as it is', () => {
    expect(planQuery('what is')).toEqual({ terms: 'what is', sides: [] });
    expect(planQuery('   ')).toEqual({ terms: '', sides: [] });
  });
  it('splits comparisons into their sides: vs, versus, or, compared with, and "difference between … and …"', () => {
    expect(planQuery('compaction vs retention').sides).toEqual(['compaction', 'retention']);
    expect(planQuery('Kinesis versus MSK').sides).toEqual(['kinesis', 'msk']);
    expect(planQuery('lambda or ecs?').sides).toEqual(['lambda', 'ecs']);
    expect(planQuery('csv compared with parquet').sides).toEqual(['csv', 'parquet']);
    expect(planQuery('What is the difference between offset and offset commit?').sides).toEqual(['offset', 'offset commit']);
    expect(planQuery('How does log compaction differ from retention?').sides).toEqual(['log compaction', 'retention']);
  });
  it('does not split "and" outside a comparison, nor a comparison whose sides are the same', () => {
    expect(planQuery('leader and followers').sides).toEqual([]);
    expect(planQuery('kafka vs kafka').sides).toEqual([]);
  });
  it('keeps dotted and underscored configuration names whole', () => {
    expect(planQuery('what is min.insync.replicas?').terms).toBe('min.insync.replicas');
    expect(planQuery('__consumer_offsets').terms).toBe('__consumer_offsets');
  });
});

describe('merging', () => {
  const r = (id: string, score = 1) => ({ id, score, data: async () => ({}) as PagefindData });
  it('interleave takes the first of each list, then the second, without repeats', () => {
    expect(interleave([[r('a'), r('b'), r('c')], [r('x'), r('a'), r('y')]]).map((x) => x.id)).toEqual(['a', 'x', 'b', 'c', 'y']);
  });
  it('any-word merging ranks pages with more of the words first, then by summed score', () => {
    expect(mergeAnyWord([[r('a', 5), r('b', 1)], [r('b', 1), r('c', 9)]]).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});

const data = (url: string, title: string, subs: { id: string; title: string; score: number; element?: string; location?: number }[]): PagefindData => ({
  url,
  excerpt: `${title} excerpt`,
  meta: { title },
  filters: { track: ['AWS'] },
  anchors: subs.map((s, i) => ({ element: s.element ?? 'h2', id: s.id, text: s.title, location: s.location ?? i * 10 })),
  sub_results: [
    { title, url, excerpt: 'lead', weighted_locations: [{ weight: 7, balanced_score: 1000, location: 1 }] },
    ...subs.map((s, i) => ({
      title: s.title,
      url: `${url}#${s.id}`,
      excerpt: `${s.title} excerpt`,
      anchor: { element: s.element ?? 'h2', id: s.id, text: s.title, location: s.location ?? i * 10 },
      weighted_locations: [{ weight: 1, balanced_score: s.score, location: (s.location ?? i * 10) + 1 }],
    })),
  ],
});

describe('toHit', () => {
  const compute = data('/aws/compute/', 'Compute', [
    { id: 'ec2', title: 'EC2', score: 10, location: 0 },
    { id: 'lambda', title: 'Lambda', score: 50, location: 100 },
    { id: 'cold-starts', title: 'Cold starts', score: 20, element: 'h3', location: 110 },
    { id: 'what-it-is-1', title: 'What it is', score: 80, element: 'h3', location: 120 },
  ]);
  it('leads to the section whose heading holds the query when the title does not, naming its h2', () => {
    const hit = toHit(compute, 'cold start');
    expect(hit.url).toBe('/aws/compute/#cold-starts');
    expect(hit.sections).toEqual(['cold-starts', 'lambda']);
    expect(hit.title).toBe('Cold starts');
    expect(hit.pageTitle).toBe('Compute');
    expect(toHit(compute, 'lambda').url).toBe('/aws/compute/#lambda');
  });
  it('without a heading that matches, leads to the section Pagefind scores highest, and lists the others best first', () => {
    const hit = toHit(compute, 'billing');
    expect(hit.url).toBe('/aws/compute/#what-it-is-1');
    expect(hit.sections).toEqual(['what-it-is-1', 'lambda']);
    expect(hit.subs.map((s) => s.url)).toEqual(['/aws/compute/#lambda', '/aws/compute/#cold-starts', '/aws/compute/#ec2']);
  });
  it('leads to the page when its title is what was asked for', () => {
    const hit = toHit(compute, 'compute');
    expect(hit.url).toBe('/aws/compute/');
    expect(hit.sections).toEqual([]);
  });
  it('matches titles by a stem of the term', () => {
    expect(titleMatches('Consumer rebalancing', 'rebalance')).toBe(true);
    expect(titleMatches('Partitions', 'partition key')).toBe(true);
    expect(titleMatches('Log segments', 'retention')).toBe(false);
  });
});

describe('titlesFirst', () => {
  const hit = (pageTitle: string, terms: string[] = []) => ({ url: pageTitle, page: pageTitle, title: pageTitle, pageTitle, excerpt: '', subs: [], sections: [], terms });
  it('puts an exact title first, then a page naming the query among its search terms, then titles holding every term', () => {
    const order = titlesFirst([hit('Idempotent producer'), hit('Transactions'), hit('Producer and consumer', ['producer']), hit('Producer')], 'producer');
    expect(order.map((h) => h.pageTitle)).toEqual(['Producer', 'Producer and consumer', 'Idempotent producer', 'Transactions']);
  });
  it('keeps Pagefind\'s order among the rest', () => {
    expect(titlesFirst([hit('B'), hit('A'), hit('C')], 'x').map((h) => h.pageTitle)).toEqual(['B', 'A', 'C']);
  });
});

describe('findHits', () => {
  const pages: Record<string, PagefindData> = {
    compaction: data('/kafka/log-compaction/', 'Log compaction', []),
    retention: data('/kafka/message-retention/', 'Message retention', []),
    topics: data('/kafka/topic-configuration/', 'Topic configuration', []),
  };
  const index: Record<string, string[]> = { compaction: ['compaction', 'topics', 'retention'], retention: ['retention', 'topics', 'compaction'], broker: ['topics'], crashes: ['retention'] };
  const calls: string[] = [];
  const pf: PagefindSearch = {
    async search(q) {
      calls.push(q);
      const words = q.split(' ');
      const ids = Object.keys(pages).filter((id) => words.every((w) => index[w]?.includes(id)));
      const ordered = words.length === 1 ? (index[words[0]!] ?? []) : ids;
      return { results: ordered.map((id, n): PagefindResult => ({ id, score: 10 - n, data: async () => pages[id]! })) };
    },
  };
  it('searches each side of a comparison and interleaves them, so both sides come first', async () => {
    calls.length = 0;
    const { hits } = await findHits(pf, 'compaction vs retention');
    expect(calls).toEqual(['compaction', 'retention']);
    expect(hits.slice(0, 2).map((h) => h.page)).toEqual(['/kafka/log-compaction/', '/kafka/message-retention/']);
  });
  it('falls back to any word when no page has them all', async () => {
    calls.length = 0;
    const { hits, total } = await findHits(pf, 'what happens if a broker crashes');
    expect(calls).toEqual(['broker crashes', 'broker', 'crashes']);
    expect(total).toBe(2);
    expect(hits.map((h) => h.page).sort()).toEqual(['/kafka/message-retention/', '/kafka/topic-configuration/']);
  });
  it('passes the track filter to every search and loads only `limit` results', async () => {
    const seen: unknown[] = [];
    let loaded = 0;
    const counting: PagefindSearch = {
      async search(_q, o) {
        seen.push(o);
        return { results: Array.from({ length: 20 }, (_, n) => ({ id: String(n), score: 1, data: async () => (loaded++, pages.topics!) })) };
      },
    };
    const { total } = await findHits(counting, 'topics', { filters: { track: 'Kafka' }, limit: 5 });
    expect(seen).toEqual([{ filters: { track: 'Kafka' } }]);
    expect(total).toBe(20);
    expect(loaded).toBe(5);
    loaded = 0;
    await findHits(counting, 'topics', { stale: () => true });
    expect(loaded).toBe(0);
  });
});

describe('index-only markup', () => {
  const page = '<article class="entry" data-pagefind-body data-pagefind-filter="track:Kafka"><p data-search-terms data-pagefind-weight="7" data-pagefind-meta="terms" hidden>ISR, in-sync replicas</p><p class="k" data-pagefind-ignore>Kafka</p><pre><code>&lt;p data-pagefind-ignore&gt;</code></pre></article>';
  it('takes out the search terms and the Pagefind attributes, leaving text and code alone', () => {
    expect(stripIndexOnly(page)).toBe('<article class="entry"><p class="k">Kafka</p><pre><code>&lt;p data-pagefind-ignore&gt;</code></pre></article>');
  });
  it('knows which pages Pagefind indexes', () => {
    expect(isIndexed(page)).toBe(true);
    expect(isIndexed('<main><h1>Print</h1><p data-pagefind-ignore>x</p></main>')).toBe(false);
  });
});
