export interface Heading {
  depth: number;
  slug: string;
  text: string;
}
export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/** On-page contents: h2 with their h3 below them. Other depths are left out; an h3 before any h2 stands alone. */
export function buildToc(headings: readonly Heading[]): TocItem[] {
  const toc: TocItem[] = [];
  for (const h of headings) {
    if (h.depth === 2) toc.push({ slug: h.slug, text: h.text, children: [] });
    else if (h.depth === 3) {
      const parent = toc.at(-1);
      (parent ? parent.children : toc).push({ slug: h.slug, text: h.text, children: [] });
    }
  }
  return toc;
}

/** The id a heading is published with, and the ids it had before (kept on the page so old links still land on it). */
export interface HeadingId {
  id: string;
  former: string[];
}

/**
 * Short names for the subsections every service section repeats, so `/aws/compute/#lambda-limits` says what it
 * is. A subsection not listed here uses its own slug (`#lambda-<slug>`).
 */
export const SUBSECTION_SHORT_NAMES: Readonly<Record<string, string>> = {
  'What it is': 'what-it-is',
  'When a data engineer reaches for it': 'when-to-use',
  'How it is billed': 'billing',
  'Limits and defaults that bite': 'limits',
  'Security defaults': 'security',
  Example: 'example',
  Pitfalls: 'pitfalls',
};

/** A heading's text as an id fragment: lowercase words joined by hyphens (what github-slugger does, without its counter). */
export const slugify = (text: string): string =>
  text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-');

/**
 * Ids a reader can share. A subsection (h3) of a section whose id is in `sectionAnchors` (an AWS page's
 * services) is published as `<section>-<short name>` (`lambda-limits`) instead of the numbered slug the
 * Markdown gives repeated headings (`limits-and-defaults-that-bite-1`), which stays as a former id.
 * `renamed` maps the id of a heading whose text changed to the id it had before (frontmatter `formerIds`).
 * Returns only the headings whose published id or former ids differ from their slug, keyed by slug. A new id
 * that another heading already has is not used: that heading keeps its slug.
 */
export function shareableIds(headings: readonly Heading[], sectionAnchors: readonly string[] = [], renamed: Readonly<Record<string, string>> = {}): Map<string, HeadingId> {
  const sections = new Set(sectionAnchors);
  const taken = new Set(headings.map((h) => h.slug));
  const out = new Map<string, HeadingId>();
  let section: string | undefined;
  for (const h of headings) {
    if (h.depth <= 2) section = sections.has(h.slug) ? h.slug : undefined;
    const former = renamed[h.slug] ? [renamed[h.slug]!] : [];
    let id = h.slug;
    if (h.depth === 3 && section) {
      const wanted = `${section}-${SUBSECTION_SHORT_NAMES[h.text] ?? slugify(h.text)}`;
      if (wanted !== h.slug && !taken.has(wanted)) {
        taken.add(wanted);
        former.push(h.slug);
        id = wanted;
      }
    }
    if (former.length) out.set(h.slug, { id, former });
  }
  return out;
}

/** The headings under the ids they are published with. */
export const publishedHeadings = (headings: readonly Heading[], ids: ReadonlyMap<string, HeadingId>): Heading[] =>
  headings.map((h) => ({ ...h, slug: ids.get(h.slug)?.id ?? h.slug }));
