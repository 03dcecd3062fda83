/**
 * The runner must catch wrong examples: every block of fixtures/failing.mdx has to FAIL, with a message
 * containing its `expect-fail` text. Runs (in a few seconds, no engines) with every examples run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { extractBlocks, groupChains, isChecked } from '../../src/lib/codeblocks.ts';
import { ensureKafka } from '../../scripts/examples/engines.ts';
import { checkBlock, runUnit } from './lib/execute.ts';
import type { ExamplesContext } from './lib/context.ts';

const FIXTURE = 'tests/examples/fixtures/failing.mdx';
const base = inject('examples');
const blocks = extractBlocks(readFileSync(join(base.root, FIXTURE), 'utf8'), FIXTURE);
const expected = (b: (typeof blocks)[number]) => String(b.meta['expect-fail'] ?? '');

test('every block of the failing fixture says how it must fail', () => {
  const code = blocks.filter((b) => b.lang !== 'output');
  expect(code.length).toBeGreaterThan(10);
  for (const b of code) expect(expected(b), `${FIXTURE}:${b.line} has no expect-fail`).not.toBe('');
});

test('authoring errors are reported with file and line, before anything runs', () => {
  const invalid = blocks.filter((b) => b.errors.length);
  expect(invalid.map((b) => b.lang)).toEqual(['python', 'python', 'sh']); // norun without reason, unknown engine, lone chain
  for (const b of invalid) {
    expect(b.errors.join('\n')).toContain(`${FIXTURE}:${b.line}: `);
    expect(b.errors.join('\n')).toContain(expected(b));
  }
});

test.concurrent.each(groupChains(blocks).filter((u) => u[0]!.lang !== 'properties' && u.every((b) => !b.errors.length)).map((u) => [`${FIXTURE}:${u[0]!.line} ${u[0]!.lang}`, u] as const))(
  'runs and fails: %s',
  async (_name, unit) => {
    const results = await runUnit(unit, base);
    for (const [k, r] of results.entries()) {
      expect(r.passed, `${r.file}:${r.line} should fail`).toBe(false);
      expect(r.message).toContain(`${FIXTURE}:`);
      expect(r.message).toContain(expected(unit[k]!));
    }
  },
);

test.concurrent.each(blocks.filter(isChecked).concat(blocks.filter((b) => b.lang === 'properties')).map((b) => [`${FIXTURE}:${b.line} ${b.lang}`, b] as const))(
  'is checked and fails: %s',
  async (_name, block) => {
    const ctx: ExamplesContext = block.lang === 'properties' && !base.configNames ? { ...base, configNames: (await ensureKafka()).configNames } : base;
    const r = await checkBlock(block, ctx);
    expect(r.passed, `${r.file}:${r.line} should fail`).toBe(false);
    expect(r.message).toContain(`${FIXTURE}:${block.line}`);
    expect(r.message).toContain(expected(block));
  },
);
