/**
 * What the page shows about a code block, from its fence meta and the verification record.
 * The example runner (tests/examples) decides what ran; this only reads its record.
 */
export interface VerifiedRecord {
  verifiedWith: string[];
}

export type BlockStatus =
  | { kind: 'verified'; verifiedWith: string[] }
  | { kind: 'norun'; reason: string }
  | { kind: 'output' }
  | { kind: 'plain' };

/** Reads `norun="reason"` (or norun=reason) from a fence meta string. */
export function norunReason(meta: string): string | undefined {
  const m = /(?:^|\s)norun=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : undefined;
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
