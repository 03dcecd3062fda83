/**
 * What the page shows about a code block, from its fence meta and the verification record.
 * The example runner (tests/examples) decides what ran; this only reads its record.
 */
import { parseMeta } from './codeblocks';

export interface VerifiedRecord {
  verifiedWith: string[];
}

export type BlockStatus =
  | { kind: 'verified'; verifiedWith: string[] }
  | { kind: 'norun'; reason: string }
  | { kind: 'output' }
  | { kind: 'plain' };

/** The `norun` reason of a fence meta string, read by the runner's own meta parser. */
export function norunReason(meta: string): string | undefined {
  const v = parseMeta(meta).norun;
  return v === undefined ? undefined : v === true ? '' : v.trim();
}

export function blockStatus(
  lang: string,
  meta: string,
  record: VerifiedRecord | undefined,
): BlockStatus {
  if (lang === 'output') return { kind: 'output' };
  const reason = norunReason(meta);
  if (reason !== undefined) return { kind: 'norun', reason };
  if (record) return { kind: 'verified', verifiedWith: record.verifiedWith };
  return { kind: 'plain' };
}
