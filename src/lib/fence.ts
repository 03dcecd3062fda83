/**
 * What the page shows about a code block, from its fence meta, the verification record and the claims the
 * page's source makes now. The example runner (tests/examples) decides what ran; this only reads its record.
 */
import { isVerified, outputHash, parseMeta, type CodeBlock } from './codeblocks';

export interface VerifiedRecord {
  verifiedWith: string[];
  /** outputHash of the claimed output the run matched; absent when the block claimed none. */
  output?: string;
}

/**
 * The claims of the current sources, by hash (a rendered block knows only its own code): for each verified
 * block, the output hash claimed after it ('' for none), once per place it appears; for each claimed output,
 * the blocks it is claimed for.
 */
export interface Claims {
  code: Record<string, string[]>;
  outputs: Record<string, string[]>;
}

/** The claims of a page's blocks, or of [blockHash, outputHash or ''] pairs of verified blocks. */
export function claimsOf(blocks: readonly (CodeBlock | readonly [string, string])[]): Claims {
  const claims: Claims = { code: {}, outputs: {} };
  for (const b of blocks) {
    if (!Array.isArray(b) && !isVerified(b as CodeBlock)) continue;
    const [hash, out] = Array.isArray(b) ? (b as readonly [string, string]) : [(b as CodeBlock).hash, outputHash(b as CodeBlock) ?? ''];
    (claims.code[hash] ??= []).push(out);
    if (out) (claims.outputs[out] ??= []).push(hash);
  }
  return claims;
}

export type BlockStatus =
  | { kind: 'verified'; verifiedWith: string[] }
  /** Its code ran, but the output claimed under it is not the one the run printed (edited since). */
  | { kind: 'stale' }
  | { kind: 'norun'; reason: string }
  /** An output block: `verified` when it is the claimed output of blocks whose run printed it. */
  | { kind: 'output'; verified?: boolean }
  | { kind: 'plain' };

/** The `norun` reason of a fence meta string, read by the runner's own meta parser. */
export function norunReason(meta: string): string | undefined {
  const v = parseMeta(meta).norun;
  return v === undefined ? undefined : v === true ? '' : v.trim();
}

const NO_CLAIMS: Claims = { code: {}, outputs: {} };

/**
 * A block is "verified" only when its record exists and the output claimed under it, wherever this code
 * appears, is the one the run matched. An output block is verified when every block it is claimed for has a
 * record of exactly this output; an output under a block that is not run is plain.
 */
export function blockStatus(
  lang: string,
  meta: string,
  hash: string,
  records: Readonly<Record<string, VerifiedRecord>>,
  claims: Claims = NO_CLAIMS,
): BlockStatus {
  if (lang === 'output') {
    const owners = claims.outputs[hash];
    if (!owners?.length) return { kind: 'output' };
    return { kind: 'output', verified: owners.every((c) => records[c]?.output === hash) };
  }
  const reason = norunReason(meta);
  if (reason !== undefined) return { kind: 'norun', reason };
  const record = records[hash];
  if (!record) return { kind: 'plain' };
  const current = claims.code[hash] ?? [''];
  return current.every((o) => o === (record.output ?? '')) ? { kind: 'verified', verifiedWith: record.verifiedWith } : { kind: 'stale' };
}
