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
