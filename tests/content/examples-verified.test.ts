/**
 * The committed verified record (src/data/examples-verified.json) must cover every block the example
 * runner verifies, with the block's current hash: editing a block without re-running its page fails
 * here, naming the page and line. No engines needed; the record is written by `npm run test:examples`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { extractBlocks, isVerified } from '../../src/lib/codeblocks';
import { readRecord } from '../examples/lib/record';
import { selectFiles } from '../examples/lib/select';

const root = join(import.meta.dirname, '../..');
const record = readRecord(root);
const files = selectFiles(root, '', 'content');

test('content/ has pages', () => {
  expect(files.length).toBeGreaterThan(0);
});

test.each(files)('%s: every code block is well-formed and verified with its current code', (file) => {
  const blocks = extractBlocks(readFileSync(join(root, file), 'utf8'), file);
  const problems = blocks.flatMap((b) => b.errors);
  for (const b of blocks.filter(isVerified)) {
    if (!record.blocks[b.hash]) {
      problems.push(`${file}:${b.line}: ${b.lang} block has no verification record for its current code — run: npm run test:examples -- ${file}`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('every record points at a page that still exists', () => {
  const stale = Object.entries(record.blocks).filter(([, r]) => !files.includes(r.file)).map(([h, r]) => `${h}: ${r.file}`);
  expect(stale, `stale records (run npm run test:examples): ${stale.join(', ')}`).toEqual([]);
});
