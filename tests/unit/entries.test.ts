import { describe, expect, it } from 'vitest';
import { checkNavLabels, checkReferences, checkUniqueOrder, countOf, entryPlace, entryShortPlace, indexEntries, sortByOrder, trackContents, type EntryInfo } from '../../src/lib/entries';

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

describe('what a page is, and what a track holds', () => {
  const info = (id: string, order: number, kind?: string, navLabel?: string): EntryInfo => ({ track: 'aws', id, title: `The ${id}`, summary: 's', order, file: `aws/${id}.mdx`, kind, navLabel });
  const category = { one: 'category', other: 'categories' };
  const index = indexEntries([info('compute', 1), info('storage', 2), info('mindset', 3, 'Architecture principles', 'Mindset'), info('pipeline', 4, 'Worked example')]);
  const aws = index.tracks.get('aws')!;
  it('counts a numbered entry among the numbered ones only, and names a page of another kind by its kind', () => {
    expect(entryPlace(index, aws[1]!, category)).toBe('category 2 of 2');
    expect(entryPlace(index, aws[3]!, category)).toBe('Worked example');
  });
  it('names the place a "Continue with" link shows the same way: "category 2", or the kind', () => {
    expect(entryShortPlace(index, aws[1]!, category)).toBe('category 2');
    expect(entryShortPlace(index, aws[2]!, category)).toBe('Architecture principles');
  });
  it('says what a track holds with a real plural', () => {
    expect(countOf(1, category)).toBe('1 category');
    expect(countOf(9, category)).toBe('9 categories');
    expect(trackContents(aws, category)).toBe('2 categories, plus Mindset and The pipeline');
    expect(trackContents(aws.slice(0, 3), category)).toBe('2 categories, plus Mindset');
    expect(trackContents(aws.slice(0, 1), category)).toBe('1 category');
  });
  it('accepts a sidebar label that shortens the title, and names the file and field of one that does not', () => {
    const e = (title: string, navLabel: string): EntryInfo => ({ track: 'aws', id: 'x', title, summary: 's', order: 1, file: 'content/aws/x.mdx', navLabel });
    expect(checkNavLabels([e('The senior architect mindset', 'Senior architect mindset'), e('ACLs (Access Control Lists)', 'ACLs')])).toEqual([]);
    const [other, same] = checkNavLabels([e('The senior architect mindset', 'Architecting'), e('What is Kafka?', 'What is Kafka?')]);
    expect(other!.message).toMatch(/content\/aws\/x\.mdx.*navLabel.*"Architecting" is not the title "The senior architect mindset" shortened/);
    expect(same!.message).toMatch(/navLabel.*is the title itself/);
    expect(checkNavLabels([e('Databases for pipelines', 'Pipelines databases')])).toHaveLength(1); // words out of order
  });
});
