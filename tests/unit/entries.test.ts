import { describe, expect, it } from 'vitest';
import { checkReferences, checkUniqueOrder, sortByOrder, type EntryInfo } from '../../src/lib/entries';

const entry = (id: string, order: number, extra: Partial<EntryInfo> = {}): EntryInfo => ({
  track: 'kafka', id, order, title: id, summary: `${id} summary`, file: `content/kafka/${id}.mdx`, ...extra,
});

describe('sortByOrder', () => {
  it('sorts by order whatever the load order, ties broken by id', () => {
    const sorted = sortByOrder([entry('c', 3), entry('a', 1), entry('b', 2), entry('aa', 2)]);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'aa', 'b', 'c']);
  });
  it('does not mutate its input', () => {
    const input = [entry('b', 2), entry('a', 1)];
    sortByOrder(input);
    expect(input.map((e) => e.id)).toEqual(['b', 'a']);
  });
});

describe('checkUniqueOrder', () => {
  it('accepts distinct orders and the same order in different tracks', () => {
    expect(checkUniqueOrder([entry('a', 1), entry('b', 2), entry('c', 1, { track: 'aws', file: 'content/aws/c.mdx' })])).toEqual([]);
  });
  it('names the file, the field and the entry it collides with', () => {
    const [err, ...rest] = checkUniqueOrder([entry('a', 1), entry('b', 1)]);
    expect(rest).toEqual([]);
    expect(err!.message).toBe('content/kafka/b.mdx: order: 1 is already used by content/kafka/a.mdx in track "kafka"');
  });
});

describe('checkReferences', () => {
  it('accepts references to existing entries of the same track', () => {
    expect(checkReferences([entry('a', 1), entry('b', 2, { refs: { prerequisites: ['a'] } })])).toEqual([]);
  });
  it('reports a missing entry with the field and index', () => {
    const errors = checkReferences([entry('a', 1), entry('b', 2, { refs: { related: ['a', 'nope'] } })]);
    expect(errors.map((e) => e.message)).toEqual([
      'content/kafka/b.mdx: related[1]: "nope" is not an entry of track "kafka" (known: a, b)',
    ]);
  });
  it('does not resolve a reference into another track', () => {
    const errors = checkReferences([entry('a', 1, { track: 'aws', file: 'x' }), entry('b', 2, { refs: { prerequisites: ['a'] } })]);
    expect(errors).toHaveLength(1);
  });
  it('rejects a self-reference', () => {
    expect(checkReferences([entry('a', 1, { refs: { related: ['a'] } })])[0]!.field).toBe('related[0]');
  });
});
