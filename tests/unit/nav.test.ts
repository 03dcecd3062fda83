import { describe, expect, it } from 'vitest';
import { breadcrumbs, buildNavTree, prevNext } from '../../src/lib/nav';
import { indexEntries, type EntryInfo } from '../../src/lib/entries';

const tracks = [{ id: 'python', label: 'Python' }, { id: 'kafka', label: 'Kafka' }];
const e = (track: string, id: string, order: number): EntryInfo => ({ track, id, order, title: `T ${id}`, summary: 's'.repeat(20), file: `${track}/${id}` });
const entries = indexEntries([e('kafka', 'topics', 2), e('kafka', 'intro', 1), e('kafka', 'offsets', 3), e('python', 'basics', 1)]);

describe('buildNavTree', () => {
  it('lists every track, and the entries of the current track in order with the current page marked', () => {
    const nav = buildNavTree(tracks, entries, { track: 'kafka', id: 'topics' });
    expect(nav.map((t) => [t.label, t.open, t.total])).toEqual([['Python', false, 1], ['Kafka', true, 3]]);
    const kafka = nav[1]!;
    expect(kafka.entries.map((l) => l.href)).toEqual(['/kafka/intro/', '/kafka/topics/', '/kafka/offsets/']);
    expect(kafka.entries.filter((l) => l.current).map((l) => l.href)).toEqual(['/kafka/topics/']);
    expect(nav[0]!.entries).toEqual([]);
  });
  it('marks the track itself as current on its index page', () => {
    const nav = buildNavTree(tracks, entries, { track: 'kafka' });
    expect(nav[1]!.current).toBe(true);
    expect(nav[1]!.entries.some((l) => l.current)).toBe(false);
  });
  it('applies the base path to every link', () => {
    const nav = buildNavTree(tracks, entries, { track: 'kafka', id: 'intro' }, { base: '/guide/' });
    expect(nav[1]!.href).toBe('/guide/kafka/');
    expect(nav[1]!.entries[0]).toMatchObject({ href: '/guide/kafka/intro/', current: true });
  });
  it('keeps a window around the current entry when a track is huge, so pages stay the same size', () => {
    const many = indexEntries(Array.from({ length: 1000 }, (_, i) => e('kafka', `c${i}`, i + 1)));
    const nav = buildNavTree(tracks, many, { track: 'kafka', id: 'c500' }, { window: 10 });
    const shown = nav[1]!.entries;
    expect(shown).toHaveLength(10);
    expect(shown.map((l) => l.href)).toEqual(Array.from({ length: 10 }, (_, i) => `/kafka/c${495 + i}/`));
    expect(shown.filter((l) => l.current).map((l) => l.href)).toEqual(['/kafka/c500/']);
    expect([nav[1]!.total, nav[1]!.offset]).toEqual([1000, 495]);
    const first = buildNavTree(tracks, many, { track: 'kafka', id: 'c0' }, { window: 10 })[1]!.entries;
    expect(first[0]!.href).toBe('/kafka/c0/');
    const last = buildNavTree(tracks, many, { track: 'kafka', id: 'c999' }, { window: 10 })[1]!.entries;
    expect(last.at(-1)!.href).toBe('/kafka/c999/');
  });
});

describe('prevNext', () => {
  it('chains entries within their track in order', () => {
    expect(prevNext(entries, { track: 'kafka', id: 'intro' })).toEqual({
      prev: undefined,
      next: { label: 'T topics', title: 'T topics', href: '/kafka/topics/' },
    });
    const middle = prevNext(entries, { track: 'kafka', id: 'topics' });
    expect([middle.prev?.href, middle.next?.href]).toEqual(['/kafka/intro/', '/kafka/offsets/']);
    expect(prevNext(entries, { track: 'kafka', id: 'offsets' }).next).toBeUndefined();
  });
  it('never crosses into another track', () => {
    expect(prevNext(entries, { track: 'python', id: 'basics' })).toEqual({ prev: undefined, next: undefined });
  });
  it('throws for an unknown entry', () => {
    expect(() => prevNext(entries, { track: 'kafka', id: 'nope' })).toThrow(/kafka\/nope/);
  });
});

describe('breadcrumbs', () => {
  it('goes Home › Track › Entry', () => {
    expect(breadcrumbs(tracks[1]!, { id: 'topics', title: 'Topics' }).map((c) => `${c.label} ${c.href}`)).toEqual([
      'Home /', 'Kafka /kafka/', 'Topics /kafka/topics/',
    ]);
  });
});
