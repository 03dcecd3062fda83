import { describe, expect, it } from 'vitest';
import { breadcrumbList, faqFromBody, faqPage, plainText, techArticle } from '../../src/lib/structured-data';

describe('structured data', () => {
  it('builds a BreadcrumbList with absolute URLs in order', () => {
    const list = breadcrumbList([{ label: 'Home', href: '/' }, { label: 'Kafka', href: '/kafka/' }], 'https://x.org/guide/');
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://x.org/' },
      { '@type': 'ListItem', position: 2, name: 'Kafka', item: 'https://x.org/kafka/' },
    ]);
  });
  it('builds a TechArticle', () => {
    const a = techArticle({ title: 'T', summary: 'S', url: '/kafka/t/', section: 'Kafka', reviewed: new Date('2026-11-27') }, 'https://x.org');
    expect(a).toMatchObject({ '@type': 'TechArticle', headline: 'T', url: 'https://x.org/kafka/t/', dateModified: '2026-11-27' });
  });
  it('reads question sections and their answers as plain text, without code or components', () => {
    const body = [
      'Intro text.',
      '## Why do we need partitions?',
      '**Short answer:** parallelism. See [partitions](/kafka/partitions/).',
      '```python',
      'print("code")',
      '```',
      '<Callout type="tip">Tip text</Callout>',
      '### Follow-up questions',
      'not part of the answer',
      '## Not a question',
      'x',
    ].join('\n');
    const faqs = faqFromBody(body);
    expect(faqs).toEqual([{ question: 'Why do we need partitions?', answer: 'Short answer: parallelism. See partitions. Tip text' }]);
    expect(faqPage(faqs).mainEntity[0]).toEqual({ '@type': 'Question', name: 'Why do we need partitions?', acceptedAnswer: { '@type': 'Answer', text: faqs[0]!.answer } });
  });
  it('flattens markdown to text', () => {
    expect(plainText('a `b` [c](d) *e*')).toBe('a b c e');
  });
});
