/**
 * The committed verified record (src/data/examples-verified.json) must cover every block the example
 * runner verifies, with the block's current hash and the hash of its current claimed output: editing a
 * block, or the output block under it, without re-running its page fails here, naming the page and line. No engines needed; the record is written by `npm run test:examples`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { extractBlocks, isVerified, outputHash } from '../../src/lib/codeblocks';
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
    const rec = record.blocks[b.hash];
    if (!rec) {
      problems.push(`${file}:${b.line}: ${b.lang} block has no verification record for its current code — run: npm run test:examples -- ${file}`);
    } else if (rec.output !== outputHash(b)) {
      const where = b.output ? `${file}:${b.output.line}: the output claimed for the ${b.lang} block at line ${b.line}` : `${file}:${b.line}: the ${b.lang} block's claimed output`;
      problems.push(`${where} is not the output it was verified with (${b.output ? 'edited or added' : 'removed'} since the run) — run: npm run test:examples -- ${file}`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('every record points at a page that still exists', () => {
  const stale = Object.entries(record.blocks).filter(([, r]) => !files.includes(r.file)).map(([h, r]) => `${h}: ${r.file}`);
  expect(stale, `stale records (run npm run test:examples): ${stale.join(', ')}`).toEqual([]);
});
