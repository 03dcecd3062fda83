import { describe, expect, it } from 'vitest';
import { convertBody, mdxToMarkdown, parseAttrs } from '../../src/lib/markdown-twin';

const body = `import Callout from '@components/content/Callout.astro';
import Figure from '@components/content/Figure.astro';
import TopicDiagram from '@components/diagrams/kafka/TopicDiagram.astro';

Read [offsets](/kafka/offsets/) first, or [the docs](https://kafka.apache.org/).

{/* a note for authors */}

## How it works

<Callout type="pitfall">
Keys decide the partition.

- one
</Callout>

<Figure
  caption="Three partitions"
  alt="A topic with P0, P1 and P2."
>
  <TopicDiagram />
</Figure>

<Figure caption="The flow" steps={["Producer sends", "Broker appends \\"it\\""]}>
\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`
</Figure>

\`\`\`python requires=kafka
print("<Callout>")
\`\`\`

\`\`\`output
<Callout>
\`\`\`

<Reveal label="Show the answer">
  The answer, indented.
</Reveal>

## Check yourself

<Question id="q1" level="basic" q="Why partitions?">
Because one log does not scale.
</Question>
`;

const marks = (lang: string, meta: string, code: string) => (lang === 'python' ? `Ran in the tests with Python 3.11 (${meta}, ${code.length} chars)` : undefined);

describe('Markdown twin', () => {
  const md = mdxToMarkdown(body, { title: 'Partitions', summary: 'How a topic is split.', url: 'https://g.example/kafka/partitions/', siteRoot: 'https://g.example/', codeMark: marks, footer: ['## Official documentation', '', '- [Docs](https://kafka.apache.org/)'] });

  it('starts with the title, the URL and the summary; drops imports and MDX comments', () => {
    expect(md.startsWith('# Partitions\n\nSource: https://g.example/kafka/partitions/\n\n> How a topic is split.\n')).toBe(true);
    expect(md).not.toMatch(/^import /m);
    expect(md).not.toContain('a note for authors');
  });
  it('makes site links absolute and leaves other links alone', () => {
    expect(md).toContain('[offsets](https://g.example/kafka/offsets/)');
    expect(md).toContain('[the docs](https://kafka.apache.org/)');
  });
  it('turns a Callout into a blockquote with its title', () => {
    expect(md).toContain('> **Pitfall**\n>\n> Keys decide the partition.\n>\n> - one\n');
  });
  it('turns a Figure into its caption and text equivalent, never the drawing or its Mermaid source', () => {
    expect(md).toContain('**Figure: Three partitions**\n\nA topic with P0, P1 and P2.');
    expect(md).toContain('**Figure: The flow**\n\n1. Producer sends\n2. Broker appends "it"');
    expect(md).not.toContain('mermaid');
    expect(md).not.toContain('flowchart');
    expect(md).not.toContain('TopicDiagram');
  });
  it('keeps code with its language and verification mark, and outputs as text; tags inside code stay code', () => {
    expect(md).toContain('```python\nprint("<Callout>")\n```\n\n*Ran in the tests with Python 3.11 (requires=kafka, 18 chars)*');
    expect(md).toContain('Output:\n\n```text\n<Callout>\n```');
    expect(md).not.toContain('> **Note**');
  });
  it('shows a Reveal open, and a Question as a heading one level below its section, with its level and answer', () => {
    expect(md).toContain('**Show the answer**\n\nThe answer, indented.');
    expect(md).toContain('## Check yourself\n\n### Why partitions?\n\n*Level: basic*\n\nBecause one log does not scale.');
  });
  it('ends with the footer', () => {
    expect(md.trimEnd().endsWith('- [Docs](https://kafka.apache.org/)')).toBe(true);
  });
  it('uses components given by the caller, and drops unknown diagram components', () => {
    const out = convertBody('<QuestionsByLevel track="kafka" />\n\n<OtherDiagram />\n\nText', { components: { QuestionsByLevel: (a) => `- every ${a.track} question` } }).join('\n');
    expect(out).toContain('- every kafka question');
    expect(out).not.toContain('OtherDiagram');
    expect(out).toContain('Text');
  });
});

describe('parseAttrs', () => {
  it('reads quoted, braced and bare attributes', () => {
    expect(parseAttrs(' a="x y" b=\'z\' c={"q"} d={["1", \'2\']} e')).toEqual({ a: 'x y', b: 'z', c: 'q', d: ['1', '2'], e: true });
  });
});
