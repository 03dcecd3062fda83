import { describe, expect, it } from 'vitest';
import { answerHtml, buildDeck, type DeckSource } from '../../src/lib/flashcards';
import { flashcardOrder } from '../../src/lib/guide';

const py: DeckSource = {
  track: 'python', id: 'testing', title: 'Testing', order: 2,
  body: 'Intro\n\n<Question id="t-1" level="basic" q="Why test?">\nSo a change that breaks `load()` fails **before** deploy.\n\nSecond paragraph & more.\n</Question>\n\n<Question q="No id">x</Question>\n',
};
const kafka: DeckSource = {
  track: 'kafka', id: 'partitions', title: 'Partitions', order: 3,
  body: '```mdx\n<Question id="in-code" q="Not a card">no</Question>\n```\n<Question id="p-why" level="advanced" q="Why partitions?">To scale.</Question>',
};
const interview: DeckSource = {
  track: 'kafka', id: 'interview-questions', title: 'Kafka Interview Questions', order: 99, faq: true,
  body: 'Intro\n\n## What is a partition?\n\nAn ordered **log**.\n\n### Follow-up\n\nmore\n\n## Further reading\n\nlinks\n',
  headings: [{ depth: 2, slug: 'what-is-a-partition', text: 'What is a partition?' }, { depth: 2, slug: 'further-reading', text: 'Further reading' }],
};

describe('flashcard deck', () => {
  const deck = buildDeck([py, interview, kafka], flashcardOrder([
    { id: 'python', label: 'Python', title: 'P', intro: 'P', entryNoun: 'stage', entryNounPlural: 'stages', position: 1, flashcards: 2 },
    { id: 'aws', label: 'AWS', title: 'A', intro: 'A', entryNoun: 'category', entryNounPlural: 'categories', position: 2 },
    { id: 'kafka', label: 'Kafka', title: 'K', intro: 'K', entryNoun: 'concept', entryNounPlural: 'concepts', position: 3, flashcards: 1 },
  ]));
  it('orders tracks by their declared flashcards place (Kafka, declared first, before Python), pages in order, and skips questions without an anchor or inside code', () => {
    expect(deck.map((c) => c.key)).toEqual(['kafka/partitions#p-why', 'kafka/interview-questions#what-is-a-partition', 'python/testing#t-1']);
  });
  it('keeps level, page and the answer as simple HTML', () => {
    expect(deck[2]).toMatchObject({ level: 'basic', page: 'python/testing', pageTitle: 'Testing', anchor: 't-1', q: 'Why test?' });
    expect(deck[2]!.answer).toBe('<p>So a change that breaks <code>load()</code> fails <strong>before</strong> deploy.</p><p>Second paragraph &amp; more.</p>');
  });
  it('makes interview cards from the `## …?` sections, with the heading slug as anchor', () => {
    expect(deck[1]).toMatchObject({ level: 'interview', q: 'What is a partition?', answer: '<p>An ordered log.</p>' });
  });
  it('escapes HTML in code and keeps fenced code', () => {
    expect(answerHtml('Use `a<b`:\n\n```python\nif a < b:\n    pass\n```\n')).toBe('<p>Use <code>a&lt;b</code>:</p><pre><code>if a &lt; b:\n    pass</code></pre>');
  });
});

describe('answers as their pages render them', () => {
  it('keeps each answer\'s HTML (lists, code, links), drops ids and points in-page links at the page', async () => {
    const { answersFromHtml } = await import('../../src/lib/flashcards');
    const html = '<div data-deck-src="kafka/partitions"><h2 id="x">X</h2>'
      + '<details class="question" id="p-why" data-level="core"><summary>Why?</summary><div class="question-answer"><ul><li>one</li></ul>'
      + '<details><summary>more</summary><p id="deep">inner</p></details><pre><code>a &lt; b</code></pre><a href="#keys">keys</a></div></details></div>'
      + '<div data-deck-src="python/testing"><details class="question" id="t-1"><summary>T</summary><div class="question-answer"><p>ok</p></div></details></div>';
    const answers = answersFromHtml(html, '/');
    expect([...answers.keys()]).toEqual(['kafka/partitions#p-why', 'python/testing#t-1']);
    expect(answers.get('kafka/partitions#p-why')).toBe('<ul><li>one</li></ul><details><summary>more</summary><p>inner</p></details><pre><code>a &lt; b</code></pre><a href="/kafka/partitions/#keys">keys</a>');
    expect(answers.get('python/testing#t-1')).toBe('<p>ok</p>');
  });
});
