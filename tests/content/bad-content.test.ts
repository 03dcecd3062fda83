/**
 * Bad content must fail the build with a message naming the file and the field,
 * and leave no half-written site behind. Each case builds a small content tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, page } from '../helpers/build-fixture';

const valid = {
  'python/basics.md': page({ title: 'Basics', summary: 'The first stage of the fixture track.', order: 1, outcomes: ['Read a file'] }),
  'aws/compute.md': page({ title: 'Compute', summary: 'Where code runs, in the fixture track.', order: 1, services: [{ name: 'Lambda', anchor: 'lambda' }] }, '## Lambda\n\nText.\n'),
  'kafka/intro.md': page({ title: 'Intro', summary: 'What the fixture Kafka track is about.', description: 'The fixture Kafka track, described for search engines.', order: 1 }, '## Why it exists\n\nText.\n'),
  'kafka/topics.md': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2, prerequisites: ['intro'] }, 'See [intro](/kafka/intro/#why-it-exists).\n'),
};

describe('content checks at build time', () => {
  it('builds the valid fixture (so the failures below are caused by the one change each makes)', () => {
    const result = buildContent(valid);
    expect(result.output).toContain('none broken');
    expect(result.status).toBe(0);
    expect(existsSync(join(result.outDir, 'kafka/topics/index.html'))).toBe(true);
    // An optional description is the page's meta description; without one, the summary is.
    expect(readFileSync(join(result.outDir, 'kafka/intro/index.html'), 'utf8')).toContain('<meta name="description" content="The fixture Kafka track, described for search engines.">');
    expect(readFileSync(join(result.outDir, 'kafka/topics/index.html'), 'utf8')).toContain('<meta name="description" content="Topics in the fixture Kafka track here.">');
  });

  it('fails on a schema violation, naming the file and the field', () => {
    const result = buildContent({ ...valid, 'kafka/topics.md': page({ title: 'Topics', summary: 'x'.repeat(161), order: 2 }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/topics\.md/);
    expect(result.output).toMatch(/summary/);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });

  it('fails on an unknown (misspelt) frontmatter field, naming the file and the field', () => {
    const result = buildContent({ ...valid, 'kafka/topics.md': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2, navlabel: 'Topics' }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/topics\.md/);
    expect(result.output).toMatch(/navlabel/);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });

  it('lets content outside the repository use the components through the @components alias', () => {
    const body = "import Callout from '@components/content/Callout.astro';\n\n<Callout type=\"why\">Because.</Callout>\n";
    const files: Record<string, string> = { ...valid };
    delete files['kafka/intro.md'];
    files['kafka/intro.mdx'] = page({ title: 'Intro', summary: 'What the fixture Kafka track is about.', order: 1 }, `${body}\n## Why it exists\n\nText.\n`);
    const result = buildContent(files);
    expect(result.status).toBe(0);
    expect(readFileSync(join(result.outDir, 'kafka/intro/index.html'), 'utf8')).toMatch(/class="callout callout-why"[\s\S]*Because\./);
  });

  it('fails on a reference to an entry that does not exist', () => {
    const result = buildContent({ ...valid, 'kafka/topics.md': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2, related: ['nope'] }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/kafka\/topics\.md: related\[0\]: "nope" is not an entry of track "kafka"/);
  });

  it('fails on two entries with the same order in one track', () => {
    const result = buildContent({ ...valid, 'kafka/topics.md': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 1 }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/kafka\/topics\.md: order: 1 is already used by .*kafka\/intro\.md/);
  });

  it('fails on an internal link to a missing page and on a missing #anchor, naming the file', () => {
    const body = 'See [a](/kafka/missing/) and [b](/kafka/intro/#no-such-section).\n';
    const result = buildContent({ ...valid, 'kafka/topics.md': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2 }, body) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/kafka\/topics\.md: link "\/kafka\/missing\/": no page at \/kafka\/missing\//);
    expect(result.output).toMatch(/kafka\/topics\.md: link "\/kafka\/intro\/#no-such-section": \/kafka\/intro\/ has no element with id "no-such-section"/);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });

  it('fails when an AWS service has no section with its anchor', () => {
    const result = buildContent({ ...valid, 'aws/compute.md': page({ title: 'Compute', summary: 'Where code runs, in the fixture track.', order: 1, services: [{ name: 'Lambda', anchor: 'lambda' }, { name: 'ECS', anchor: 'ecs' }] }, '## Lambda\n\nText.\n') });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/aws\/compute\.md: services\[1\]\.anchor: no heading with id "ecs" for ECS/);
  });

  it('fails on bad diagrams and figures, naming the file and the line of each', () => {
    const fig = (attrs: string, diagram: string) => `<Figure ${attrs}>\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n\n</Figure>\n`;
    const body = [
      "import Figure from '@components/content/Figure.astro';", // body line 1 = file line 7
      '',
      fig('caption="Flow" alt="A to B."', 'flowchart LR\n  A --> B\n  A[x --> B'), // 9 <Figure, 11 fence, 14 the bad line
      fig('caption="Steps" steps={["One.", "Two."]}', 'sequenceDiagram\n  A->>B hello'), // 19 <Figure, 21 fence, 23 the bad line
      fig('caption="No words"', 'flowchart LR\n  A --> B'), // 28 <Figure without alt or steps
      fig('caption="" alt="Empty caption."', 'flowchart LR\n  A --> B'), // 37 <Figure with an empty caption
      '```mermaid\nflowchart LR\n  A --> B\n```', // 46 a fence outside a Figure
    ].join('\n');
    const files: Record<string, string> = { ...valid, 'kafka/topics.mdx': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2 }, body) };
    delete files['kafka/topics.md'];
    const result = buildContent(files);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/kafka\/topics\.mdx:14: figure: diagram: unclosed "\["/);
    expect(result.output).toMatch(/kafka\/topics\.mdx:23: figure: diagram: a message needs a colon/);
    expect(result.output).toMatch(/kafka\/topics\.mdx:28: figure: <Figure> needs a text equivalent/);
    expect(result.output).toMatch(/kafka\/topics\.mdx:37: figure: <Figure> caption is empty/);
    expect(result.output).toMatch(/kafka\/topics\.mdx:46: figure: a mermaid diagram must be inside a <Figure/);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});
