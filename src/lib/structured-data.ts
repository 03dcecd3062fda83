/**
 * JSON-LD for search engines: BreadcrumbList on entries, TechArticle for entries, FAQPage for a page of
 * questions and answers. Pure: URLs in, plain objects out.
 */
export interface Crumb {
  label: string;
  href: string;
}

const absolute = (href: string, site: URL | string) => new URL(href, site).href;

export function breadcrumbList(crumbs: readonly Crumb[], site: URL | string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: absolute(c.href, site) })),
  };
}

export function techArticle(a: { title: string; summary: string; url: string; section: string; reviewed?: Date; image?: string }, site: URL | string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'TechArticle',
    headline: a.title,
    description: a.summary,
    url: absolute(a.url, site),
    articleSection: a.section,
    inLanguage: 'en',
    ...(a.reviewed ? { dateModified: a.reviewed.toISOString().slice(0, 10) } : {}),
    ...(a.image ? { image: absolute(a.image, site) } : {}),
  };
}

export interface Faq {
  question: string;
  answer: string;
}

export function faqPage(faqs: readonly Faq[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faqs.map((f) => ({ '@type': 'Question', name: f.question, acceptedAnswer: { '@type': 'Answer', text: f.answer } })),
  };
}

/** Markdown/MDX to plain text, roughly: enough for an answer snippet. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `## Question?` sections of an MDX body with their answers as plain text (for FAQPage). */
export function faqFromBody(body: string, maxAnswer = 1000): Faq[] {
  const sections = body.split(/^## /m).slice(1);
  return sections
    .map((s) => {
      const [heading = '', ...rest] = s.split('\n');
      return { question: heading.trim(), answer: plainText(rest.join('\n').split(/^### /m)[0]!).slice(0, maxAnswer) };
    })
    .filter((f) => f.question.endsWith('?') && f.answer.length > 0);
}
