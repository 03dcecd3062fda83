import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  blockHash,
  buildScript,
  checkClaims,
  extractBlocks,
  groupChains,
  isChecked,
  isRunnable,
  matchOutput,
  matchPrints,
  parseConsole,
  parseMeta,
  policyProblems,
  propertyKeys,
  pythonImports,
  requirements,
  splitSegments,
} from '../../src/lib/codeblocks';

const page = (s: string) => s.replace(/^\n/, '');

describe('parseMeta', () => {
  test('flags, plain and quoted values', () => {
    expect(parseMeta('chain requires=kafka,aws norun="needs a real account" timeout=180')).toEqual({
      chain: true,
      requires: 'kafka,aws',
      norun: 'needs a real account',
      timeout: '180',
    });
  });
  test("single quotes, escaped quotes, empty values, case of keys", () => {
    expect(parseMeta(`Title='a b' x="say \\"hi\\"" norun="" Kind=broker`)).toEqual({ title: 'a b', x: 'say "hi"', norun: '', kind: 'broker' });
  });
  test('empty meta', () => {
    expect(parseMeta('')).toEqual({});
  });
});

describe('blockHash', () => {
  test('is the first 16 hex chars of sha256 of the exact code', () => {
    const code = 'print(1)\n  x = 2';
    expect(blockHash(code)).toBe(createHash('sha256').update(code).digest('hex').slice(0, 16));
    expect(blockHash(code)).toMatch(/^[0-9a-f]{16}$/);
    expect(blockHash('print(1)')).not.toBe(blockHash('print(1) '));
  });
});

describe('extractBlocks', () => {
  const src = page(`
---
title: T
---
Intro

\`\`\`python requires=kafka
print("a")  # prints: a
\`\`\`

\`\`\`output
a
\`\`\`

~~~bash
echo "\`\`\`"
~~~

- a list item

    \`\`\`json policy
    {"Version": "2012-10-17"}
    \`\`\`

\`\`\`\`md
\`\`\`python
not a block
\`\`\`
\`\`\`\`
`);
  const blocks = extractBlocks(src, 'content/x/p.mdx');

  test('finds every fence with line, language, meta and exact code', () => {
    expect(blocks.map((b) => [b.line, b.endLine, b.lang, b.rawMeta])).toEqual([
      [6, 8, 'python', 'requires=kafka'],
      [10, 12, 'output', ''],
      [14, 16, 'bash', ''],
      [20, 22, 'json', 'policy'],
      [24, 28, 'md', ''],
    ]);
    expect(blocks[0]!.code).toBe('print("a")  # prints: a');
    expect(blocks[2]!.code).toBe('echo "```"');
    expect(blocks[3]!.code).toBe('{"Version": "2012-10-17"}'); // fence indentation removed
    expect(blocks[4]!.code).toBe('```python\nnot a block\n```');
    expect(blocks[0]!.hash).toBe(blockHash(blocks[0]!.code));
    expect(blocks[0]!.file).toBe('content/x/p.mdx');
  });

  test('attaches an output block and # prints: claims to the block before', () => {
    expect(blocks[0]!.output).toEqual({ line: 10, text: 'a' });
    expect(blocks[0]!.prints).toEqual([{ line: 7, value: 'a' }]);
    expect(blocks[2]!.output).toBeUndefined();
  });

  test('an output block after prose is not a claim', () => {
    const b = extractBlocks('```python\nprint(1)\n```\ntext\n```output\n2\n```\n', 'p.mdx');
    expect(b[0]!.output).toBeUndefined();
  });

  test('CRLF sources give the same code and lines', () => {
    const b = extractBlocks('a\r\n```sh\r\necho 1\r\n```\r\n', 'p.mdx');
    expect([b[0]!.line, b[0]!.code]).toEqual([2, 'echo 1']);
  });

  test('authoring errors name the file and line', () => {
    const b = extractBlocks(
      page(`
\`\`\`python norun=""
x
\`\`\`
\`\`\`bash chain
y
\`\`\`
\`\`\`python requires=kafka,mongo timeout=soon
z
\`\`\`
\`\`\`properties kind=zookeeper
a=b
\`\`\`
\`\`\`sh
never closed
`),
      'p.mdx',
    );
    expect(b.map((x) => x.errors)).toEqual([
      ['p.mdx:1: norun needs a reason: norun="why this is not run"'],
      ['p.mdx:4: "chain" but there is no runnable bash block before it on this page'],
      ['p.mdx:7: unknown engine "mongo" (known: kafka, aws, http, spark, airflow)', 'p.mdx:7: timeout must be a number of seconds'],
      ['p.mdx:10: unknown properties kind "zookeeper" (known: broker, topic, producer, consumer, admin, connect, streams, mirrormaker)'],
      ['p.mdx:13: code fence is never closed: add a line ``` after the code'],
    ]);
  });

  test('reads the page as MDX: fences inside components count, fences in an MDX comment do not', () => {
    const b = extractBlocks(
      page(`
import Figure from '@components/content/Figure.astro';

<Figure caption="Flow">
  \`\`\`mermaid
  graph LR
    a --> b
  \`\`\`
</Figure>

{/*
\`\`\`python
print("commented out, never rendered")
\`\`\`
*/}
`),
      'p.mdx',
    );
    expect(b.map((x) => [x.line, x.endLine, x.lang, x.code, x.errors])).toEqual([[4, 7, 'mermaid', 'graph LR\n  a --> b', []]]);
    expect(isRunnable(b[0]!)).toBe(false);
  });

  test('a fence never closed inside a component, one closed too early, one without a language', () => {
    // Inside a component the open fence swallows the closing tag: the parser's error points at the fence.
    expect(() => extractBlocks('<Figure>\n```python\nprint(1)\n</Figure>\n\nText.\n', 'p.mdx')).toThrow(
      /^p\.mdx:1: MDX syntax: Expected a closing tag for `<Figure>`.*; the code fence at line 2 is never closed/,
    );
    // The first block is never closed, so the second fence is code inside it: the author sees both lines.
    const early = extractBlocks('```python\nx = 1\n\n```python\nprint(x)\n```\n', 'p.mdx');
    expect(early).toHaveLength(1);
    expect(early[0]!.errors).toEqual([
      'p.mdx:4: "```python" opens a fence inside the block that starts at line 1: close that block with ``` before it (to show a fence inside a block, open the outer one with ````)',
    ]);
    // Closed early: the rest of the code became prose and its closing fence opens a block without a language.
    const stray = extractBlocks('```python\nx = 1\n```\nprint(x)\n```\n\nText.\n', 'p.mdx');
    expect(stray.map((x) => x.errors)).toEqual([[], ['p.mdx:5: code fence is never closed: add a line ``` after the code', 'p.mdx:5: code fence without a language: name one (```text for plain text); a fence without one is usually the stray half of a block closed too early']]);
  });

  test('a page that is not valid MDX throws with its line', () => {
    expect(() => extractBlocks('Text\n\n<Figure>\n\nunclosed component\n', 'p.mdx')).toThrow(/^p\.mdx:\d+: MDX syntax: /);
  });
});

describe('runnable, checked, engines', () => {
  const b = (lang: string, meta = '') => ({ lang, meta: parseMeta(meta) });
  test('languages that run, that are checked, and norun', () => {
    expect(['python', 'bash', 'sh', 'console', 'properties'].every((l) => isRunnable(b(l)))).toBe(true);
    expect(isRunnable(b('sql'))).toBe(false);
    expect(isRunnable(b('python', 'norun="why"'))).toBe(false);
    expect(isChecked(b('json'))).toBe(true);
    expect(isChecked(b('yml', 'cfn'))).toBe(true);
    expect(isChecked(b('json', 'norun="x"'))).toBe(false);
  });
  test('requires and engine are synonyms and take lists', () => {
    expect(requirements(b('python', 'requires=kafka,aws engine=http'))).toEqual(['aws', 'http', 'kafka']);
    expect(requirements(b('python'))).toEqual([]);
  });
  test('airflow is an engine: a block that asks for it is valid', () => {
    expect(requirements(b('bash', 'requires=airflow timeout=300'))).toEqual(['airflow']);
    const [block] = extractBlocks('```bash requires=airflow\nairflow version\n```\n', 'p.mdx');
    expect(block!.errors).toEqual([]);
  });
});

describe('groupChains', () => {
  test('a chain joins the previous runnable block of the same language', () => {
    const blocks = extractBlocks(
      page(`
\`\`\`python
a
\`\`\`
\`\`\`bash
b
\`\`\`
\`\`\`python norun="no"
skipped
\`\`\`
\`\`\`python chain
c
\`\`\`
\`\`\`python
d
\`\`\`
`),
      'p.mdx',
    );
    expect(groupChains(blocks).map((u) => u.map((x) => x.code))).toEqual([['a', 'c'], ['b'], ['d']]);
    expect(blocks.every((x) => x.errors.length === 0)).toBe(true);
  });
});

describe('matchOutput', () => {
  test('ignores trailing whitespace and surrounding blank lines', () => {
    expect(matchOutput('\na  \nb\n\n', 'a\nb   \n').ok).toBe(true);
  });
  test('... matches any run of characters within one line', () => {
    expect(matchOutput('id=... at ...Z', 'id=3f2a-99 at 2024-01-01T00:00:00Z').ok).toBe(true);
    expect(matchOutput('a...', 'a').ok).toBe(true);
    expect(matchOutput('x ... y', 'x 1\n2 y').ok).toBe(false);
    expect(matchOutput('(1+1)', '(1+1)').ok).toBe(true); // regex characters are literal
  });
  test('reports the first differing line with expected and actual', () => {
    const r = matchOutput('a\nb\nc', 'a\nB\nc');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('output line 2: lines differ');
    expect(r.message).toContain('expected: "b"');
    expect(r.message).toContain('actual:   "B"');
  });
  test('missing and extra lines fail', () => {
    expect(matchOutput('a\nb', 'a').message).toContain('output ended early');
    expect(matchOutput('a', 'a\nb').message).toContain('unexpected extra output');
  });
});

describe('matchPrints', () => {
  const claims = [
    { line: 3, value: 'x' },
    { line: 4, value: 'y' },
  ];
  test('claims are a subsequence of the output lines', () => {
    expect(matchPrints(claims, 'start\nx\nmiddle\ny  \nend').ok).toBe(true);
  });
  test('a line must be equal, not contain the value', () => {
    expect(matchPrints([{ line: 1, value: 'x' }], 'xx').ok).toBe(false);
  });
  test('order matters', () => {
    const r = matchPrints(claims, 'y\nx');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('line 4: "# prints: y" is printed, but before the previous claim');
  });
});

describe('console blocks', () => {
  test('commands, continuation lines and their outputs', () => {
    const cmds = parseConsole('$ echo a \\\n> b\na b\n$ true\n$ ls\nx\ny', 10);
    expect(cmds).toEqual([
      { line: 10, command: 'echo a \\\nb', output: 'a b' },
      { line: 13, command: 'true', output: '' },
      { line: 14, command: 'ls', output: 'x\ny' },
    ]);
  });
});

describe('properties, imports, policies', () => {
  test('property keys with their lines', () => {
    expect(propertyKeys('# c\n! c\nacks=all\nlinger.ms : 5\nsasl.jaas.config=a \\\n  b=c\n\nx.y z', 20)).toEqual([
      { key: 'acks', line: 22 },
      { key: 'linger.ms', line: 23 },
      { key: 'sasl.jaas.config', line: 24 },
      { key: 'x.y', line: 27 },
    ]);
  });
  test('top-level python imports', () => {
    expect(pythonImports('import pandas as pd, numpy\nfrom pyarrow.parquet import x\n  import yaml  # c\nfrom . import y\nprint("import os")')).toEqual([
      'numpy',
      'pandas',
      'pyarrow',
      'yaml',
    ]);
  });
  test('IAM policy: version and wildcards', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*'], Resource: ['*', 'arn:aws:s3:::*', 'arn:aws:s3:::b*/x'] }] };
    expect(policyProblems(policy, false)).toEqual([
      'Statement 1: Action "s3:Get*" contains "*" (mark the block "antipattern" if that is the point)',
      'Statement 1: Resource "*" contains "*" (mark the block "antipattern" if that is the point)',
      'Statement 1: Resource "arn:aws:s3:::*" contains "*" (mark the block "antipattern" if that is the point)',
      'Statement 1: Resource "arn:aws:s3:::b*/x" contains "*" (mark the block "antipattern" if that is the point)',
    ]);
    // A named resource's contents are specific: every object under one prefix, the streams of one log group.
    const scoped = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'logs:PutLogEvents'], Resource: ['arn:aws:s3:::bucket/incoming/*', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*'] }],
    };
    expect(policyProblems(scoped, false)).toEqual([]);
    expect(policyProblems(policy, true)).toEqual([]);
    expect(policyProblems({ Statement: [] }, true)).toEqual(['policy needs "Version": "2012-10-17"']);
  });
});

describe('scripts and segments', () => {
  const blocks = extractBlocks(
    page(`
Text
\`\`\`python
print("one")  # prints: one
\`\`\`

\`\`\`python chain
print("two")
\`\`\`

\`\`\`output
two
\`\`\`
`),
    'p.mdx',
  );
  const unit = groupChains(blocks)[0]!;

  test('python scripts keep page line numbers', () => {
    const s = buildScript(unit, '@@m', (c) => c.replace('one', 'ONE'));
    const lines = s.script.split('\n');
    expect(s.interpreter).toBe('python');
    expect(lines[2]).toBe('print("ONE")  # prints: one'); // page line 3
    expect(lines[6]).toBe('print("two")'); // page line 7
    expect(lines[1]).toContain('@@m:0');
    expect(lines[5]).toContain('@@m:1');
  });

  test('splitting stdout and checking claims per block', () => {
    const s = buildScript(unit, '@@m');
    const outputs = splitSegments('\n@@m:0\none\n\n@@m:1\ntwo\n', '@@m');
    expect(outputs).toEqual(['one\n', 'two\n']);
    expect(checkClaims(s, outputs)).toEqual([]);
    const bad = checkClaims(s, splitSegments('\n@@m:0\none\n\n@@m:1\nthree\n', '@@m'));
    expect(bad.map((f) => [f.block.line, f.line])).toEqual([[6, 10]]);
    expect(bad[0]!.message).toContain('expected: "two"');
  });

  test('console scripts merge stderr and split per command', () => {
    const [block] = extractBlocks('```console\n$ echo hi\nhi\n$ echo x >&2\nx\n```\n', 'c.mdx');
    const s = buildScript([block!], '@@c');
    expect(s.interpreter).toBe('bash');
    expect(s.segments.map((x) => x.command?.line)).toEqual([2, 4]);
    expect(s.script).toContain('{\necho x >&2\n} 2>&1');
    expect(checkClaims(s, ['hi\n', 'y\n']).map((f) => f.line)).toEqual([4]);
  });
});
