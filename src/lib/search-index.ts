/**
 * What the built pages carry only for the search index, and taking it out once Pagefind has read them
 * (src/integrations/pagefind.ts): the index-only search terms (src/components/search/SearchTerms.astro) and
 * the `data-pagefind-*` attributes. Readers download neither.
 */

/** The index-only terms element, as SearchTerms.astro renders it (its text is escaped, so it holds no `<`). */
const TERMS_ELEMENT = /<p data-search-terms[^>]*>[^<]*<\/p>/g;
/** A start tag, and the Pagefind attributes inside one. */
const START_TAG = /<[a-zA-Z][^<>]*>/g;
const PAGEFIND_ATTR = /\sdata-pagefind-[a-z-]+(?:="[^"]*"|='[^']*'|=[^\s>]+)?/g;

/** True when Pagefind should index the page: it marks some part of itself as the body to index. */
export const isIndexed = (html: string) => /\sdata-pagefind-body[\s=>]/.test(html);

/** The page without what only the index needs. Text and code are untouched: only start tags are rewritten. */
export function stripIndexOnly(html: string): string {
  return html.replace(TERMS_ELEMENT, '').replace(START_TAG, (tag) => (tag.includes('data-pagefind-') ? tag.replace(PAGEFIND_ATTR, '') : tag));
}
