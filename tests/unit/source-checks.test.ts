import { describe, expect, test } from 'vitest';
import { scanSources } from '../../src/integrations/content-sources';
import { checkPageSource, classifyContentFile, entryFromFrontmatter, formatProblem, readFrontmatter } from '../../src/lib/source-checks';

const fm = '---\ntitle: T\nsummary: A summary long enough for the schema.\norder: 1\n---\n';
const problems = (body: string, options = {}) => checkPageSource(fm + body, 'content/kafka/p.mdx', options).problems.map(formatProblem);

describe('which files in content/ are pages', () => {
  const tracks = ['python', 'kafka'];
  test('pages, ignored files and misplaced pages', () => {
    expect(classifyContentFile('kafka/topics.mdx', tracks)).toBe('page');
    expect(classifyContentFile('kafka/notes.md', tracks)).toBe('page');
    for (const f of ['README.md', 'kafka/README.md', 'kafka/readme.mdx', 'kafka/_draft.mdx', 'kafka/.hidden.md', 'kafka/_track.yml', 'kafka/picture.png', 'kafka/deep/README.md'])
      expect(classifyContentFile(f, tracks), f).toBe('ignored');
    expect(formatProblem(classifyContentFile('kafka/deep/x.mdx', tracks) as never)).toBe(
      "content/kafka/deep/x.mdx: pages live directly in their track's folder, not in subfolders: move it to content/kafka/x.mdx (its URL is /kafka/<name>/), or rename it to _x.mdx if it is not a page",
    );
    expect(formatProblem(classifyContentFile('notes.mdx', tracks) as never)).toMatch(/^content\/notes\.mdx: a page must be in a track's folder/);
    expect(formatProblem(classifyContentFile('java/x.mdx', tracks) as never)).toMatch(/^content\/java\/x\.mdx: "java" is not a track \(tracks: python, kafka\)/);
  });
});

describe('frontmatter', () => {
  test('malformed YAML is reported on its line, an unclosed quote where it opens', () => {
    expect(readFrontmatter('---\ntitle: a: b\norder: 1\n---\n', 'p.mdx').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^p\.mdx:2: frontmatter is not valid YAML: bad indentation of a mapping entry/),
    ]);
    expect(readFrontmatter('---\ntitle: T\nsummary: "open\norder: 1\n---\n', 'p.mdx').problems[0]!.line).toBe(3);
    expect(readFrontmatter('---\ntitle: T\n', 'p.mdx').problems.map(formatProblem)).toEqual(['p.mdx:1: the frontmatter opened here is never closed: add a line --- after its last field']);
    expect(readFrontmatter('---\ntitle: T\norder: 2\n---\n', 'p.mdx')).toEqual({ problems: [], data: { title: 'T', order: 2 }, lines: { title: 2, order: 3 } });
  });
  test('an entry read from the frontmatter, for the checks over entries', () => {
    expect(entryFromFrontmatter('kafka', 'Log Compaction.mdx', 'f', { title: 'T', summary: 's', order: 3, prerequisites: ['a'] })).toEqual({
      track: 'kafka', id: 'log-compaction', title: 'T', summary: 's', order: 3, file: 'f', refs: { prerequisites: ['a'] },
    });
    expect(entryFromFrontmatter('kafka', 'x.mdx', 'f', { order: 'three' })).toBeUndefined();
  });
});

describe('page sources', () => {
  test('a clean page has no problems', () => {
    expect(problems("import Callout from '@components/content/Callout.astro';\n\n## A\n\n<Callout>x</Callout>\n\n```python\nprint(1)\n```\n")).toEqual([]);
  });
  test('a component without its import, with the import to add', () => {
    expect(problems('Text\n\n<Callout type="why">x</Callout>\n', { components: { Callout: '@components/content/Callout.astro' } })).toEqual([
      "content/kafka/p.mdx:8: <Callout> is used but not imported: add import Callout from '@components/content/Callout.astro'; after the frontmatter",
    ]);
  });
  test('two questions with one id, and a question with a heading\'s id', () => {
    const q = "import Question from '@components/content/Question.astro';\n\n## Why it exists\n\n";
    expect(problems(`${q}<Question id="a" q="One?">x</Question>\n\n<Question id="a" q="Two?">y</Question>\n\n<Question id="why-it-exists" q="Three?">z</Question>\n`)).toEqual([
      'content/kafka/p.mdx:12: <Question id="a"> repeats the id of the question at line 10: ids are anchors and flashcard keys, give this one its own',
      'content/kafka/p.mdx:14: <Question id="why-it-exists"> has the id of the heading at line 8: two elements with one id break its anchor; rename the question\'s id',
    ]);
  });
  test('a relative image that does not exist is reported on its MDX line', () => {
    expect(problems('Text\n\n![A chart](./chart.png)\n\n![Fine](/images/ok.png)\n', { exists: () => false })).toEqual([
      'content/kafka/p.mdx:8: image "./chart.png" does not exist next to this page: put pictures in public/images/ and write /images/<name>',
    ]);
    expect(problems('![A chart](./chart.png)\n', { exists: () => true })).toEqual([]);
  });
  test('fences never closed or closed early, with the file line', () => {
    expect(problems('Text\n\n```python\nprint(1)\n')).toEqual(['content/kafka/p.mdx:8: code fence is never closed: add a line ``` after the code']);
    expect(problems('```python\nx = 1\n```\nprint(x)\n```\n\nText.\n')).toEqual([
      'content/kafka/p.mdx:10: code fence is never closed: add a line ``` after the code',
      'content/kafka/p.mdx:10: code fence without a language: name one (```text for plain text); a fence without one is usually the stray half of a block closed too early',
    ]);
  });
});

test('the site\'s own content has no source problems (the checks do not cry wolf)', () => {
  const scan = scanSources(process.cwd(), `${process.cwd()}/content`);
  expect(scan.problems.map(formatProblem)).toEqual([]);
  expect(scan.pages).toBeGreaterThan(40);
  expect(Object.keys(scan.claims.code).length).toBeGreaterThan(200);
}, 120_000);
