/**
 * What a query means and how its results are put in order, shared by the search dialog, /search/ and the
 * relevance suite (tests/site/search-relevance.test.ts). Pure: Pagefind is passed in, nothing here touches the
 * DOM or the network.
 *
 * Pagefind returns only pages that hold every word of a query, so "compaction vs retention" finds the pages
 * that also say "vs", and "what happens if a broker crashes" the pages that say "what", "happens" and "if".
 * planQuery() drops the words of the question and splits a comparison into its sides; findHits() searches
 * each side on its own and interleaves them, falls back to any-word matching when every-word finds nothing,
 * and points a result at its best section when the page's title does not match the query.
 */

/**
 * How much a page's `searchTerms` count against its body text (Pagefind's `data-pagefind-weight`, 0–10, on a
 * quadratic scale: 1 is body text, 7 an h1). Tuned on the relevance suite: see docs/ARCHITECTURE.md.
 */
export const SEARCH_TERMS_WEIGHT = 7;

/** Pagefind's ranking options (its `ranking` option), tuned on the relevance suite: see docs/ARCHITECTURE.md. */
export const RANKING = { termFrequency: 0, metaWeights: { title: 5, terms: 5 } };

/** How many results the dialog and /search/ show (and load), and the relevance suite ranks among. */
export const MAX_RESULTS = 10;

/** Words that make a sentence a question, not a topic. Dropped unless nothing else is left. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'what', "what's", 'whats', 'how', 'why', 'when', 'where', 'which', 'who', 'whom',
  'is', 'are', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will',
  'shall', 'may', 'might', 'must', 'i', 'you', 'we', 'my', 'your', 'our', 'it', 'its', "it's", 'there',
  'if', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'about', 'into', 'than', 'then',
  'happens', 'happen', 'mean', 'means', 'meaning', 'actually', 'really', 'exactly-what', 'explain',
  'difference', 'differences', 'different', 'differ', 'between', 'compare', 'compared', 'comparison',
  'vs', 'vs.', 'versus', 'or', 'and', 'use', 'using', 'need', 'needed', 'get', 'work', 'works', 'working',
  'kind', 'kinds', 'way', 'ways',
]);

/** Joins the sides of a comparison: "a vs b", "a versus b", "a or b", "a compared with b", "a differs from b". */
const SIDE_SPLIT = /\s+(?:vs\.?|versus|or|compared\s+(?:with|to)|differs?\s+from|different\s+from)\s+/i;
/** "and" separates sides only in a sentence that asks for a comparison. */
const ASKS_COMPARISON = /\b(?:difference|differences|differ|differs|compare|compared|comparison|between)\b/i;

export interface QueryPlan {
  /** The query without its question words ("broker crashes"); empty for an empty query. */
  terms: string;
  /** For a comparison, each side's terms ("log compaction", "retention"); otherwise empty. */
  sides: string[];
}

/** Lowercase words of a query, punctuation that is not part of a term (`?`, `!`, quotes, commas) removed. */
export function words(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/[?!"“”‘’,;:()[\]{}]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^['.]+|['.]+$/g, ''))
    .filter(Boolean);
}

/** Drops the question words; keeps the query as it was if they are all it has ("what is" stays). */
export function keyTerms(query: string): string {
  const all = words(query);
  const kept = all.filter((w) => !STOP_WORDS.has(w));
  return (kept.length ? kept : all).join(' ');
}

/** Reads a query: its key terms, and the sides when it compares two (or more) things. */
export function planQuery(query: string): QueryPlan {
  const text = query.trim();
  if (!text) return { terms: '', sides: [] };
  let parts = text.split(SIDE_SPLIT);
  if (parts.length < 2 && ASKS_COMPARISON.test(text)) parts = text.split(/\s+and\s+/i);
  const sides = parts.length > 1 ? parts.map(keyTerms).filter(Boolean) : [];
  return { terms: keyTerms(text), sides: sides.length > 1 && new Set(sides).size > 1 ? sides : [] };
}

// ---- Pagefind's shapes (the fields used here) ----

export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: PagefindAnchor;
  weighted_locations?: WeightedLocation[];
}
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors?: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface PagefindSearch {
  search(query: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

// ---- Merging ----

/** Interleaves ranked lists (first of each, then second of each…), keeping the first place of each id. */
export function interleave<T extends { id: string }>(lists: T[][]): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item && !seen.has(item.id)) {
        seen.add(item.id);
        out.push(item);
      }
    }
  }
  return out;
}

/** Any-word results: pages that match more of the words first, then by their summed score. */
export function mergeAnyWord(lists: PagefindResult[][]): PagefindResult[] {
  const byId = new Map<string, { r: PagefindResult; count: number; score: number }>();
  for (const list of lists) {
    for (const r of list) {
      const e = byId.get(r.id) ?? { r, count: 0, score: 0 };
      e.count++;
      e.score += r.score;
      byId.set(r.id, e);
    }
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || b.score - a.score).map((e) => e.r);
}

// ---- Results as the reader sees them ----

export interface Hit {
  /** Where the result leads: the page, or its best section when the title does not match the query. */
  url: string;
  /** The page's URL (no anchor). */
  page: string;
  /** The result's title: the page's, or the section's when the result leads to a section. */
  title: string;
  /** The page's title, shown as context when the result is a section. */
  pageTitle: string;
  excerpt: string;
  track?: string;
  /** Other sections of the page that match, best first (at most three). */
  subs: { title: string; url: string; excerpt: string }[];
  /** Ids the target lies in: its own and its h2's (a ### section inside ## Lambda gives both). */
  sections: string[];
  /** The page's search terms (its `searchTerms`, lowercased), from the index's `terms` metadata. */
  terms: string[];
}

const subScore = (s: PagefindSubResult) => (s.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0);

/** How many of the terms a title holds, each matched by a stem's worth of its start ("crashes" ~ "crash"). */
export function titleHits(title: string, terms: string): number {
  const titleWords = words(title).flatMap((w) => [w, ...w.split(/[-_./]/)]).filter(Boolean);
  return words(terms).filter((t) => {
    const stem = t.length > 4 ? t.slice(0, Math.max(4, t.length - 2)) : t;
    return titleWords.some((w) => w.startsWith(stem) || (w.length >= 3 && t.startsWith(w)));
  }).length;
}
export const titleMatches = (title: string, terms: string) => titleHits(title, terms) > 0;

/** The h2 section a location lies in, from the page's anchors. */
function enclosingH2(anchors: PagefindAnchor[], location: number): string | undefined {
  let id: string | undefined;
  for (const a of anchors) if (a.element === 'h2' && a.location <= location) id = a.id;
  return id;
}

/** Turns one Pagefind result into what the reader sees, for the query's key terms. */
export function toHit(data: PagefindData, terms: string, maxSubs = 3): Hit {
  const anchored = data.sub_results.filter((s) => s.url.includes('#'));
  // Sections whose heading holds more of the terms first, then the ones Pagefind scores higher.
  const hits = new Map(anchored.map((s) => [s, titleHits(s.title, terms)]));
  const ranked = [...anchored].sort((a, b) => hits.get(b)! - hits.get(a)! || subScore(b) - subScore(a));
  const page = data.url.split('#')[0]!;
  const pageTitle = data.meta.title ?? page;
  const best = ranked[0];
  // A page whose title holds the terms at least as well as any heading is the answer; otherwise the section
  // that matches best is. (The text before the first heading, with the page's search terms, is the page.)
  const inTitle = titleHits(pageTitle, terms);
  const target = best && (inTitle === 0 || hits.get(best)! > inTitle) ? best : undefined;
  const sections: string[] = [];
  if (target?.anchor) {
    sections.push(target.anchor.id);
    const h2 = enclosingH2(data.anchors ?? [], target.anchor.location);
    if (h2 && h2 !== target.anchor.id) sections.push(h2);
  }
  return {
    url: target ? target.url : page,
    page,
    title: target ? target.title : pageTitle,
    pageTitle,
    excerpt: target ? target.excerpt : data.excerpt,
    track: data.filters.track?.[0],
    subs: ranked.filter((s) => s !== target).slice(0, maxSubs).map(({ title, url, excerpt }) => ({ title, url, excerpt })),
    sections,
    terms: (data.meta.terms ?? '').toLowerCase().split(', ').filter(Boolean),
  };
}

export interface FoundHits {
  hits: Hit[];
  /** How many pages matched in all. */
  total: number;
  plan: QueryPlan;
}

/**
 * Runs a query against Pagefind: a comparison as one search per side, interleaved; a plain query as one search, or one per word when no page holds them all. Loads the data of the
 * first `limit` results only, and none once `stale()` says the reader has typed on.
 */
export async function findHits(
  pf: PagefindSearch,
  query: string,
  { filters = {}, limit = 10, stale = () => false }: { filters?: Record<string, string>; limit?: number; stale?: () => boolean } = {},
): Promise<FoundHits> {
  const plan = planQuery(query);
  if (!plan.terms) return { hits: [], total: 0, plan };
  const run = async (q: string) => (await pf.search(q, { filters }))?.results ?? [];
  let results: PagefindResult[];
  if (plan.sides.length) {
    const lists = await Promise.all(plan.sides.map(run));
    results = interleave(lists);
  } else {
    results = await run(plan.terms);
    const many = words(plan.terms);
    if (!results.length && many.length > 1) results = mergeAnyWord(await Promise.all(many.map(run)));
  }
  // A query the reader has already typed past loads none of its results' fragments.
  if (stale()) return { hits: [], total: results.length, plan };
  const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  const hits = data.map((d) => toHit(d, plan.terms));
  return { hits: plan.sides.length ? hits : titlesFirst(hits, plan.terms), total: results.length, plan };
}

/**
 * Among the loaded results, a page titled exactly as asked comes first, then a page that names the query as
 * one of its search terms, then pages whose title holds every term; the rest keep Pagefind's order. (Pagefind
 * ranks by the words of the body, where a long page that mentions "producer" forty times outscores the page
 * about producers.)
 */
export function titlesFirst(hits: Hit[], terms: string): Hit[] {
  const n = words(terms).length;
  const tier = (h: Hit) =>
    words(h.pageTitle).filter((w) => !STOP_WORDS.has(w)).join(' ') === terms ? 3
    : h.terms.some((t) => words(t).join(' ') === terms) ? 2
    : titleHits(h.pageTitle, terms) === n ? 1
    : 0;
  return hits.map((h, i) => ({ h, i, t: tier(h) })).sort((a, b) => b.t - a.t || a.i - b.i).map((x) => x.h);
}
