/** Print pages: every entry of the track in order, every answer open, unique ids, out of search engines. */
import { describe, expect, it } from 'vitest';
import { htmlOf, sourceEntries } from '../helpers/dist';
import { TRACKS } from '../../src/tracks';

const entries = sourceEntries();

describe('print pages', () => {
  it.each<[string, string | undefined]>([['/print/', undefined], ...TRACKS.map((t): [string, string] => [`/print/${t.id}/`, t.id])])('%s holds its entries in order with every answer shown', (path, track) => {
    const html = htmlOf(path!);
    const keys = [...html.matchAll(/data-print-entry="([^"]+)"/g)].map((m) => m[1]);
    const expected = TRACKS.filter((t) => !track || t.id === track).flatMap((t) =>
      entries.filter((e) => e.track === t.id).sort((a, b) => a.order - b.order).map((e) => `${e.track}-${e.id}`),
    );
    expect(keys).toEqual(expected);
    expect(html).not.toMatch(/<details(?! open)/);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});
