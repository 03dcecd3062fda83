import { describe, expect, it } from 'vitest';
import {
  emptyLibrary, keepsRaw, learnedCount, parseLibrary, resetTrack, serialize, setLastRead, setMark, setNote, toggleBookmark,
} from '../../src/lib/library';
import { current, exportLibrary, formatReport, importLibrary, ImportError, mergeLibrary, restoreLibrary } from '../../src/lib/library-io';
import { isOn, learnedCount as countLearned, quickRead, sizeProblem, text } from '../../src/lib/library-core';
import { grade } from '../../src/lib/review';

const sample = () => {
  let l = emptyLibrary();
  l = toggleBookmark(l, 'kafka/partitions', 'Partitions', undefined, 10);
  l = toggleBookmark(l, 'aws/compute#lambda', 'Compute', 'Lambda', 11);
  l = setMark(l, 'progress', 'kafka/partitions', true, 12);
  const g = grade('kafka/partitions#partitions-why', undefined, 3, 13);
  l = { ...l, reviews: { 'kafka/partitions#partitions-why': g.sched }, log: [g.log], prefs: { newPerDay: 5, goal: 10, at: 13 } };
  l = setNote(l, 'kafka/partitions', 'Partitions', 'keys keep order', 14);
  return setLastRead(l, 'kafka/partitions', 'Partitions', 15);
};

describe('parseLibrary', () => {
  it('reads back what was serialized', () => {
    const l = sample();
    expect(parseLibrary(serialize(l))).toEqual({ library: l, status: 'ok', skipped: 0, kept: 8, problems: [] });
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
    const r = parseLibrary(JSON.stringify({ version: 3, bookmarks: { 'kafka/topics': { title: 'T', at: 1 } } }));
    expect(r).toMatchObject({ status: 'newer', from: 3 });
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
    expect(r.problems).toEqual([
      'bookmarks "bad key": the key is not a page or section of this site\'s form ("track/page")',
      'bookmarks "kafka/acls": field "title" is not a string',
      '"progress" is not an object of records',
      'notes "kafka/topics": field "at" is not a time or count (a number ≥ 0)',
      '"lastRead": field "title" is missing',
    ]);
  });
  it('migrates version 1\'s Known / Not yet marks to schedules: Known as graded Easy, Not yet as Again, when marked', () => {
    const day = 86_400_000;
    const r = parseLibrary(JSON.stringify({ version: 1, cards: { 'kafka/topics#a': { on: true, at: 10 * day }, 'kafka/topics#b': { on: false, at: 10 * day } } }));
    expect(r.status).toBe('ok');
    const known = r.library.reviews['kafka/topics#a']!;
    const notYet = r.library.reviews['kafka/topics#b']!;
    // FSRS-6's first Easy interval with the default weights is w[3] = 8.2956 days, rounded to 8.
    expect(known).toMatchObject({ state: 2, reps: 1, at: 10 * day, due: 18 * day });
    expect(notYet).toMatchObject({ state: 1, reps: 1, at: 10 * day, due: 10 * day + 60_000 });
    expect(r.library.log).toEqual([]);
    expect(r.library.cards['kafka/topics#a']).toEqual({ on: true, at: 10 * day });
  });
  it('checks review records and log entries field by field', () => {
    const g = grade('kafka/topics#a', undefined, 4, 5);
    const r = parseLibrary(JSON.stringify({ version: 2, reviews: { 'kafka/topics#a': g.sched, 'kafka/topics#b': { ...g.sched, state: 7 } }, log: [g.log, { ...g.log, r: 5 }] }));
    expect(Object.keys(r.library.reviews)).toEqual(['kafka/topics#a']);
    expect(r.library.log).toEqual([g.log]);
    expect(r.problems).toEqual(['reviews "kafka/topics#b": field "state" is not a whole number from 0 to 3', 'log entry 2: field "r" is not a whole number from 1 to 4']);
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
    expect(report).toEqual({ bookmarks: 2, progress: 0, cards: 0, notes: 1, reviews: 1, log: 1, current: 1, skipped: 0, problems: [] });
    const newer = mergeLibrary(setMark(emptyLibrary(), 'progress', 'kafka/partitions', false, 1), sample());
    expect(newer.library.progress['kafka/partitions']!.on).toBe(true);
    expect(newer.library.lastRead?.key).toBe('kafka/partitions');
  });
  it('merges schedules by their last review, the log as a union, and the newer settings', () => {
    const a = sample();
    const later = grade('kafka/partitions#partitions-why', a.reviews['kafka/partitions#partitions-why'], 4, 50);
    const b = { ...a, reviews: { 'kafka/partitions#partitions-why': later.sched }, log: [...a.log, later.log], prefs: { newPerDay: 20, goal: 10, at: 50 } };
    const { library, report } = mergeLibrary(a, b);
    expect(library.reviews['kafka/partitions#partitions-why']).toEqual(later.sched);
    expect(library.log).toEqual([a.log[0], later.log]);
    expect(library.prefs?.newPerDay).toBe(20);
    expect(report).toMatchObject({ reviews: 1, log: 1 });
    // Merging the other way keeps the newer schedule and adds no review twice.
    const back = mergeLibrary(b, a);
    expect(back.library.reviews['kafka/partitions#partitions-why']).toEqual(later.sched);
    expect(back.library.log).toHaveLength(2);
    expect(back.library.prefs?.newPerDay).toBe(20);
  });
  it('imports an export into an empty library unchanged', () => {
    const text = exportLibrary(sample(), Date.UTC(2026, 0, 1));
    expect(JSON.parse(text).version).toBe(2);
    const { library, report } = importLibrary(emptyLibrary(), text);
    expect(library).toEqual(sample());
    expect(formatReport(report)).toBe('2 bookmarks, 1 progress mark, 0 card marks, 1 note, 1 card schedule, 1 review added or updated.');
    expect(formatReport(importLibrary(library, text).report)).toBe('0 bookmarks, 0 progress marks, 0 card marks, 0 notes, 0 card schedules, 0 reviews added or updated. 6 already here as new or newer.');
  });
  it('keeps the good records of an import, and says which were left out and why', () => {
    const text = JSON.stringify({ version: 1, bookmarks: { 'kafka/topics': { title: 'T', at: 1 }, 'kafka/acls': { title: 'A' } } });
    const { report } = importLibrary(emptyLibrary(), text);
    expect(report).toMatchObject({ bookmarks: 1, skipped: 1, problems: ['bookmarks "kafka/acls": field "at" is missing'] });
    expect(formatReport(report)).toBe('1 bookmark, 0 progress marks, 0 card marks, 0 notes, 0 card schedules, 0 reviews added or updated. 1 record could not be read and was left out (bookmarks "kafka/acls": field "at" is missing).');
  });
  it('refuses a file whose records are all malformed, naming the fields, rather than reporting success', () => {
    const text = JSON.stringify({ version: 1, progress: { 'kafka/topics': { on: 'yes', at: 1 } }, notes: { 'kafka/acls': { title: 'A', text: 'x' } } });
    expect(() => importLibrary(emptyLibrary(), text)).toThrow(
      'none of its 2 records could be read (progress "kafka/topics": field "on" is not a boolean; notes "kafka/acls": field "at" is missing), so nothing was imported.',
    );
  });
  it('refuses a file too large to be a library before reading it', () => {
    expect(sizeProblem(20 * 1024 * 1024)).toBe('the file is 20.0 MB, too large for a library export (at most 5 MB), so nothing was imported.');
    expect(sizeProblem(200_000)).toBeUndefined();
  });
  it.each([
    ['not JSON', '{\n"version": 1,\n  oops', /^it is not valid JSON \(line 3, column 3\), so nothing was imported\.$/],
    ['an array', '[1,2]', /not a library export/],
    ['no version', '{"bookmarks":{}}', /no "version" field/],
    ['a newer version', '{"version":9,"bookmarks":{}}', /newer version/],
    ['nothing in it', '{"version":1,"hello":1}', /holds no bookmarks/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    expect(() => importLibrary(sample(), text)).toThrow(ImportError);
    expect(() => importLibrary(sample(), text)).toThrow(message);
  });
});

describe('quickRead (what every page runs)', () => {
  it('gives the stored document when it is version 1 or 2 (as version 2), and an empty one when nothing is stored', () => {
    expect(quickRead(serialize(sample()))).toMatchObject({ status: 'ok', snap: { version: 2, bookmarks: { 'kafka/partitions': { title: 'Partitions' } }, log: [{ r: 3 }] } });
    expect(quickRead('{"version":1,"bookmarks":{"kafka/topics":{"title":"T","at":1}}}')).toMatchObject({ status: 'ok', snap: { version: 2, bookmarks: { 'kafka/topics': { title: 'T' } } } });
    expect(quickRead(null)).toEqual({ status: 'ok', snap: { version: 2, bookmarks: {}, progress: {}, cards: {}, notes: {} } });
  });
  it.each([
    ['{oops', 'corrupt'], ['[1]', 'corrupt'], ['{"version":1,"bookmarks":[]}', 'corrupt'], ['{"version":"1"}', 'corrupt'],
    ['{"bookmarks":["kafka/topics"]}', 'older'], ['{"version":3}', 'newer'], ['{"version":2,"log":{}}', 'corrupt'], ['{"version":2,"reviews":[]}', 'corrupt'],
  ])('says why %s cannot be used (%s) and shows an empty library', (raw, status) => {
    const r = quickRead(raw);
    expect(r.status).toBe(status);
    expect(r.snap.bookmarks).toEqual({});
  });
  it('reads malformed records as absent', () => {
    const { snap } = quickRead('{"version":1,"progress":{"kafka/topics":"yes","kafka/acls":{"on":true,"at":1}},"notes":{"kafka/topics":{"text":5}}}');
    expect(isOn(snap.progress['kafka/topics'])).toBe(false);
    expect(countLearned(snap, 'kafka')).toBe(1);
    // A mark for a page the track does not have is not counted.
    expect(countLearned(snap, 'kafka', ['topics', 'partitions'])).toBe(0);
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
  it('is the empty library with the page read, as setLastRead makes it, and reads back as a current library', async () => {
    const { firstLibrary, emptySnapshot } = await import('../../src/lib/library-base');
    const { setLastRead } = await import('../../src/lib/library-edit');
    const first = firstLibrary('kafka/partitions', 'Partitions', 1_700_000_000_000);
    expect(first).toEqual(setLastRead(emptySnapshot(), 'kafka/partitions', 'Partitions', 1_700_000_000_000));
    const read = quickRead(JSON.stringify(first));
    expect(read.status).toBe('ok');
    expect(read.snap.lastRead).toEqual({ key: 'kafka/partitions', title: 'Partitions', at: 1_700_000_000_000 });
  });
});

describe('import messages name where the JSON breaks', () => {
  it.each([
    ['{"bookmarks": {"kafka/acls": ', /^it is not valid JSON \((it ends too early, at )?line 1, column \d+\), so nothing was imported\.$/],
    ['', /^it is not valid JSON \((it ends too early, at )?line 1, column 1\)/],
  ])('%j', (text, message) => {
    expect(() => importLibrary(emptyLibrary(), text)).toThrow(message);
  });
});
