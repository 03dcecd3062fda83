/**
 * One test per runnable block or chain (and per checked json/yaml/properties block), named
 * `<file>:<line> <lang>`. Pages run concurrently (at most ctx.concurrency units at once); the blocks of
 * one page run in page order. A page that needs AWS takes a moto server of its own and starts from a reset one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { extractBlocks, groupChains, isChecked, requirements, type CodeBlock } from '../../src/lib/codeblocks.ts';
import { checkBlock, runUnit } from './lib/execute.ts';
import type { BlockResult } from './lib/context.ts';

const ctx = inject('examples');

/** A counting semaphore. */
function semaphore(slots: number) {
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      if (slots > 0) slots--;
      else await new Promise<void>((r) => waiting.push(r));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else slots++;
    },
  };
}
const slots = semaphore(ctx.concurrency);

/** The moto servers not in use by a page. */
const freeMotos = [...ctx.motoUrls];
const motoWaiters: ((url: string) => void)[] = [];
const takeMoto = () => new Promise<string>((resolve) => {
  const url = freeMotos.pop();
  if (url) resolve(url);
  else motoWaiters.push(resolve);
});
const giveMoto = (url: string) => {
  const next = motoWaiters.shift();
  if (next) next(url);
  else freeMotos.push(url);
};

function save(results: BlockResult[]) {
  const dir = join(ctx.runDir, 'results');
  mkdirSync(dir, { recursive: true });
  for (const r of results) writeFileSync(join(dir, `${r.file.replace(/\W+/g, '_')}-${r.line}.json`), JSON.stringify(r));
}

interface Item {
  blocks: CodeBlock[];
  kind: 'run' | 'check' | 'invalid';
}

test('the selection contains pages', () => {
  expect(ctx.files.length, 'EXAMPLES selected no .md/.mdx pages').toBeGreaterThan(0);
});

for (const file of ctx.files) {
  const blocks = extractBlocks(readFileSync(join(ctx.root, file), 'utf8'), file);
  const units = groupChains(blocks);
  const covered = new Set(units.flat());
  const items: Item[] = [
    ...units.map((u): Item => ({ blocks: u, kind: 'run' })),
    ...blocks.filter(isChecked).map((b): Item => ({ blocks: [b], kind: 'check' })),
    // blocks that are neither run nor checked but are written wrongly (e.g. norun without a reason)
    ...blocks.filter((b) => b.errors.length && !covered.has(b) && !isChecked(b)).map((b): Item => ({ blocks: [b], kind: 'invalid' })),
  ].sort((a, b) => a.blocks[0]!.line - b.blocks[0]!.line);
  const needsAws = (it: Item) => it.blocks.some((b) => requirements(b).includes('aws'));
  // The page's queue: items join it when their test starts (vitest starts them in declaration order),
  // so a page runs in order even when `-t` filters some of its blocks out.
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let motoUrl: string | undefined;

  for (const item of items) {
    const head = item.blocks[0]!;
    const chain = item.blocks.length > 1 ? ` (chain: lines ${item.blocks.map((b) => b.line).join(', ')})` : '';

    test.concurrent(`${file}:${head.line} ${head.lang}${chain}`, async () => {
      pending++;
      const mine = queue.then(async () => {
        const errors = item.blocks.flatMap((b) => b.errors);
        if (errors.length || item.kind === 'invalid') {
          const message = errors.join('\n') || `${file}:${head.line}: invalid block`;
          save(item.blocks.map((b) => ({ file, line: b.line, lang: b.lang, hash: b.hash, kind: 'run', passed: false, verifiedWith: [], message })));
          throw new Error(message);
        }
        if (needsAws(item) && !motoUrl) {
          if (!ctx.motoUrls.length) throw new Error('requires=aws but no moto server was started');
          motoUrl = await takeMoto(); // the page's own server, from a clean state
          const reset = await fetch(`${motoUrl}/moto-api/reset`, { method: 'POST' });
          if (!reset.ok) throw new Error(`moto reset failed: ${reset.status}`);
        }
        const unitCtx = motoUrl ? { ...ctx, env: { ...ctx.env, AWS_ENDPOINT_URL: motoUrl } } : ctx;
        await slots.acquire();
        let results: BlockResult[];
        try {
          results = item.kind === 'run' && head.lang !== 'properties' ? await runUnit(item.blocks, unitCtx) : await Promise.all(item.blocks.map((b) => checkBlock(b, unitCtx)));
        } finally {
          slots.release();
        }
        save(results);
        const failures = results.filter((r) => !r.passed).map((r) => r.message);
        if (failures.length) throw new Error(failures.join('\n\n'));
      });
      queue = mine.catch(() => undefined);
      try {
        await mine;
      } finally {
        if (--pending === 0 && motoUrl) {
          giveMoto(motoUrl);
          motoUrl = undefined;
        }
      }
    }, 6 * 3600_000);
  }
}
