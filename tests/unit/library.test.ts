import { describe, expect, it } from 'vitest';
import {
  emptyLibrary, keepsRaw, learnedCount, parseLibrary, resetTrack, serialize, setLastRead, setMark, setNote, toggleBookmark,
} from '../../src/lib/library';
import { current, exportLibrary, formatReport, importLibrary, ImportError, mergeLibrary, restoreLibrary } from '../../src/lib/library-io';
import { isOn, learnedCount as countLearned, quickRead, text } from '../../src/lib/library-core';

const sample = () => {
  let l = emptyLibrary();
  l = toggleBookmark(l, 'kafka/partitions', 'Partitions', undefined, 10);
  l = toggleBookmark(l, 'aws/compute#lambda', 'Compute', 'Lambda', 11);
  l = setMark(l, 'progress', 'kafka/partitions', true, 12);
  l = setMark(l, 'cards', 'kafka/partitions#partitions-why', false, 13);
  l = setNote(l, 'kafka/partitions', 'Partitions', 'keys keep order', 14);
  return setLastRead(l, 'kafka/partitions', 'Partitions', 15);
};

describe('parseLibrary', () => {
  it('reads back what was serialized', () => {
    const l = sample();
    expect(parseLibrary(serialize(l))).toEqual({ library: l, status: 'ok', skipped: 0 });
  });
  it('gives an empty library for nothing stored', () => {
    expect(parseLibrary(null).status).toBe('empty');
    expect(keepsRaw('empty')).toBe(false);
  });
  it.each(['{not json', '[]', '42', '"text"', '{"version":"1"}', '{"version":-1}'])('treats %s as corrupt, never throws', (raw) => {
    const r = parseLibrary(raw);
    expect(r.status).toBe('corrupt');
    expect(r.library).toEqual(emptyLibrary());
    expect(keepsRaw(r.status)).toBe(true);
  });
  it('refuses to guess at a newer version', () => {
    const r = parseLibrary(JSON.stringify({ version: 2, bookmarks: { 'kafka/topics': { title: 'T', at: 1 } } }));
    expect(r).toMatchObject({ status: 'newer', from: 2 });
    expect(r.library.bookmarks).toEqual({});
  });
  it('migrates version 0 (arrays of keys, no version field)', () => {
    const r = parseLibrary(JSON.stringify({ bookmarks: ['kafka/topics', 'aws/compute#lambda', 42], learned: ['python/testing'] }));
    expect(r.status).toBe('migrated');
    expect(r.skipped).toBe(1);
    expect(r.library.bookmarks['aws/compute#lambda']).toEqual({ title: 'aws/compute', section: 'lambda', at: 0 });
    expect(r.library.progress['python/testing']).toEqual({ on: true, at: 0 });
  });
  it('keeps the good records of a partial document with wrong types and counts the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      bookmarks: { 'kafka/topics': { title: 'Topics', at: 5 }, 'bad key': { title: 'x', at: 1 }, 'kafka/acls': { title: 3, at: 1 } },
      progress: 'nope',
      notes: { 'kafka/topics': { title: 'Topics', text: 'hi', at: 'yesterday' } },
      lastRead: { key: 'kafka/topics' },
    });
    const r = parseLibrary(raw);
    expect(r.status).toBe('repaired');
    expect(r.library.bookmarks).toEqual({ 'kafka/topics': { title: 'Topics', at: 5 } });
    expect(r.library.cards).toEqual({});
    expect(r.library.lastRead).toBeUndefined();
    expect(r.skipped).toBe(5);
  });
  it('accepts a partial document with only some kinds', () => {
    const r = parseLibrary(JSON.stringify({ version: 1, cards: { 'kafka/topics#q': { on: true, at: 1 } } }));
    expect(r.status).toBe('ok');
    expect(r.library.cards['kafka/topics#q']).toEqual({ on: true, at: 1 });
    expect(r.library.bookmarks).toEqual({});
  });
});

describe('edits', () => {
  it('toggles a bookmark and does not change the original', () => {
    const a = emptyLibrary();
    const b = toggleBookmark(a, 'kafka/topics#why', 'Topics', 'Why', 1);
    expect(a.bookmarks).toEqual({});
    expect(b.bookmarks['kafka/topics#why']).toEqual({ title: 'Topics', section: 'Why', at: 1 });
    expect(toggleBookmark(b, 'kafka/topics#why', 'Topics', 'Why', 2).bookmarks).toEqual({});
  });
  it('removes an empty note', () => {
    expect(setNote(sample(), 'kafka/partitions', 'Partitions', '  ', 20).notes).toEqual({});
  });
  it('counts learned entries per track and resets one track only', () => {
    let l = setMark(sample(), 'progress', 'kafka/topics', true, 20);
    l = setMark(l, 'progress', 'python/testing', true, 21);
    expect(learnedCount(l, 'kafka')).toBe(2);
    const r = resetTrack(l, 'kafka', 30);
    expect(learnedCount(r, 'kafka')).toBe(0);
    expect(learnedCount(r, 'python')).toBe(1);
    expect(r.progress['kafka/topics']).toEqual({ on: false, at: 30 });
  });
});

describe('merge and import', () => {
  it('newest timestamp wins on the same key, and reports counts per kind', () => {
    const base = setMark(emptyLibrary(), 'progress', 'kafka/partitions', false, 100);
    const { library, report } = mergeLibrary(base, sample());
    expect(library.progress['kafka/partitions']).toEqual({ on: false, at: 100 });
    expect(report).toEqual({ bookmarks: 2, progress: 0, cards: 1, notes: 1, skipped: 1 });
    const newer = mergeLibrary(setMark(emptyLibrary(), 'progress', 'kafka/partitions', false, 1), sample());
    expect(newer.library.progress['kafka/partitions']!.on).toBe(true);
    expect(newer.library.lastRead?.key).toBe('kafka/partitions');
  });
  it('imports an export into an empty library unchanged', () => {
    const text = exportLibrary(sample(), Date.UTC(2026, 0, 1));
    expect(JSON.parse(text).version).toBe(1);
    const { library, report } = importLibrary(emptyLibrary(), text);
    expect(library).toEqual(sample());
    expect(formatReport(report)).toBe('2 bookmarks, 1 progress mark, 1 card mark, 1 note added or updated; 0 skipped.');
  });
  it('counts invalid records in an import as skipped', () => {
    const text = JSON.stringify({ version: 1, bookmarks: { 'kafka/topics': { title: 'T', at: 1 }, nope: {} } });
    expect(importLibrary(emptyLibrary(), text).report).toEqual({ bookmarks: 1, progress: 0, cards: 0, notes: 0, skipped: 1 });
  });
  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['an array', '[1,2]', /not a library export/],
    ['no version', '{"bookmarks":{}}', /no version field/],
    ['a newer version', '{"version":9,"bookmarks":{}}', /newer version/],
    ['nothing in it', '{"version":1,"hello":1}', /holds no bookmarks/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    expect(() => importLibrary(sample(), text)).toThrow(ImportError);
    expect(() => importLibrary(sample(), text)).toThrow(message);
  });
});

describe('quickRead (what every page runs)', () => {
  it('gives the stored document when it is version 1, and an empty one when nothing is stored', () => {
    expect(quickRead(serialize(sample()))).toMatchObject({ status: 'ok', snap: { bookmarks: { 'kafka/partitions': { title: 'Partitions' } } } });
    expect(quickRead(null)).toEqual({ status: 'ok', snap: { version: 1, bookmarks: {}, progress: {}, cards: {}, notes: {} } });
  });
  it.each([
    ['{oops', 'corrupt'], ['[1]', 'corrupt'], ['{"version":1,"bookmarks":[]}', 'corrupt'], ['{"version":"1"}', 'corrupt'],
    ['{"bookmarks":["kafka/topics"]}', 'older'], ['{"version":3}', 'newer'],
  ])('says why %s cannot be used (%s) and shows an empty library', (raw, status) => {
    const r = quickRead(raw);
    expect(r.status).toBe(status);
    expect(r.snap.bookmarks).toEqual({});
  });
  it('reads malformed records as absent', () => {
    const { snap } = quickRead('{"version":1,"progress":{"kafka/topics":"yes","kafka/acls":{"on":true,"at":1}},"notes":{"kafka/topics":{"text":5}}}');
    expect(isOn(snap.progress['kafka/topics'])).toBe(false);
    expect(countLearned(snap, 'kafka')).toBe(1);
    expect(text(snap.notes['kafka/topics'], 'text')).toBe('');
  });
});

describe('restore and the worker lists', () => {
  it('restores a version-0 library that was set aside, and refuses unreadable data', () => {
    const { library, report } = restoreLibrary(emptyLibrary(), JSON.stringify({ bookmarks: ['kafka/topics'], learned: ['kafka/topics'] }));
    expect(Object.keys(library.bookmarks)).toEqual(['kafka/topics']);
    expect(report).toMatchObject({ bookmarks: 1, progress: 1 });
    expect(() => restoreLibrary(emptyLibrary(), '{"version":1,"bookmarks":')).toThrow(ImportError);
  });
  it('sets a repaired record count for the current document before merging', () => {
    expect(current({ version: 1, bookmarks: { 'kafka/topics': { title: 'T', at: 1 }, bad: 1 } }).skipped).toBe(1);
  });
});

describe('the library a first visit leaves', () => {
  it('is the empty library with the page read, as setLastRead makes it, and reads back as a version-1 library', async () => {
    const { firstLibrary, emptySnapshot } = await import('../../src/lib/library-base');
    const { setLastRead } = await import('../../src/lib/library-edit');
    const first = firstLibrary('kafka/partitions', 'Partitions', 1_700_000_000_000);
    expect(first).toEqual(setLastRead(emptySnapshot(), 'kafka/partitions', 'Partitions', 1_700_000_000_000));
    const read = quickRead(JSON.stringify(first));
    expect(read.status).toBe('ok');
    expect(read.snap.lastRead).toEqual({ key: 'kafka/partitions', title: 'Partitions', at: 1_700_000_000_000 });
  });
});
