/**
 * The verified record (src/data/examples-verified.json) and the end-of-run report.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBlocks, isVerified, outputHash, type CodeBlock } from '../../../src/lib/codeblocks.ts';
import { selectFiles } from './select.ts';
import type { BlockResult } from './context.ts';

export interface VerifiedFile {
  engines: Record<string, string>;
  /**
   * Keyed by the code's blockHash. `output` is the outputHash of the claimed output the run matched, present
   * only for a block followed by an `output` block: the record covers the code and its claim together.
   */
  blocks: Record<string, VerifiedBlock>;
}

export interface VerifiedBlock {
  file: string;
  line: number;
  lang: string;
  verifiedWith: string[];
  output?: string;
}

/** What makes a record current: the page, the code and the claimed output (or none). */
export const claimId = (file: string, hash: string, output: string | undefined) => `${file}\0${hash}\0${output ?? ''}`;

export const RECORD = 'src/data/examples-verified.json';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function readRecord(root: string): VerifiedFile {
  const path = join(root, RECORD);
  if (!existsSync(path)) return { engines: {}, blocks: {} };
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<VerifiedFile>;
  return { engines: data.engines ?? {}, blocks: data.blocks ?? {} };
}

/**
 * Merge this run's results into the record: records of the pages that ran are replaced by the blocks
 * that passed; records whose page or hash no longer exists in content/ are dropped.
 */
export function mergeRecord(old: VerifiedFile, results: BlockResult[], ranFiles: string[], current: CodeBlock[], engines: Record<string, string>): VerifiedFile {
  const ran = new Set(ranFiles);
  const live = new Set(current.filter(isVerified).map((b) => claimId(b.file, b.hash, outputHash(b))));
  const blocks: VerifiedFile['blocks'] = {};
  for (const [hash, rec] of Object.entries(old.blocks)) {
    if (!ran.has(rec.file) && live.has(claimId(rec.file, hash, rec.output))) blocks[hash] = rec;
  }
  for (const r of results) {
    if (r.passed && ran.has(r.file)) blocks[r.hash] = { file: r.file, line: r.line, lang: r.lang, verifiedWith: r.verifiedWith, ...(r.output ? { output: r.output } : {}) };
  }
  return { engines: { ...old.engines, ...engines }, blocks };
}

/** Write the record for the content/ pages of this run (atomic rename; callers hold a lock). */
export function writeRecord(root: string, results: BlockResult[], ranFiles: string[], engines: Record<string, string>): number {
  // Only the pages whose blocks actually ran: a run of the examples project filtered to other test files (the
  // self-check alone) selects every page but runs none, and must not wipe their records.
  const contentFiles = ranFiles.filter((f) => f.startsWith('content/') && results.some((r) => r.file === f));
  if (!contentFiles.length) return 0;
  const current = selectFiles(root, '', 'content').flatMap((f) => extractBlocks(readFileSync(join(root, f), 'utf8'), f));
  const merged = mergeRecord(readRecord(root), results, contentFiles, current, engines);
  const path = join(root, RECORD);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(sortKeys(merged), null, 2) + '\n');
  renameSync(tmp, path);
  return Object.keys(merged.blocks).length;
}

function track(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'content' && parts.length > 2 ? parts[1]! : parts.slice(0, -1).join('/') || '.';
}

/** Per-track counts and every failure with its message. */
export function report(blocks: CodeBlock[], results: BlockResult[]): string {
  const tracks = [...new Set(blocks.map((b) => track(b.file)))].sort();
  const lines: string[] = ['', 'Executable examples'];
  for (const t of tracks) {
    const rs = results.filter((r) => track(r.file) === t);
    const norun = blocks.filter((b) => track(b.file) === t && b.meta.norun !== undefined).length;
    const n = (f: (r: BlockResult) => boolean) => rs.filter(f).length;
    lines.push(
      `  ${t.padEnd(28)} ran ${n((r) => r.kind === 'run')}, checked-only ${n((r) => r.kind === 'check')}, ` +
        `passed ${n((r) => r.passed)}, failed ${n((r) => !r.passed)}, norun ${norun}`,
    );
  }
  const failed = results.filter((r) => !r.passed);
  for (const r of failed) {
    const msg = (r.message ?? '').split('\n');
    lines.push('', `FAILED ${r.file}:${r.line} ${r.lang}`, ...msg.slice(0, 60).map((l) => `  ${l}`), ...(msg.length > 60 ? [`  … (${msg.length - 60} more lines)`] : []));
  }
  return lines.join('\n') + '\n';
}
