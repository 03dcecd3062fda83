import { describe, expect, it } from 'vitest';
import { forgivingQuery, queryFromPath } from '../../src/lib/paths';

describe('queryFromPath (the 404 page searches the words of the address)', () => {
  it('turns the segments and hyphens of a path into words', () => {
    expect(queryFromPath('/kafka/high-watermak/')).toBe('kafka high watermak');
    expect(queryFromPath('/python/Pandas_and_NumPy.html')).toBe('python pandas and numpy');
    expect(queryFromPath('/aws/compute/index.html')).toBe('aws compute');
  });
  it('drops the base path, decodes escapes and survives malformed ones', () => {
    expect(queryFromPath('/guide/kafka/log%20compaction/', '/guide')).toBe('kafka log compaction');
    expect(queryFromPath('/kafka/%E0%A4%A/')).toBe('kafka e0 a4 a');
    expect(queryFromPath('/')).toBe('');
  });
  it('keeps at most eight words', () => {
    expect(queryFromPath('/a/b/c/d/e/f/g/h/i/j/').split(' ')).toHaveLength(8);
  });
});

describe('forgivingQuery', () => {
  it('cuts each word to six letters, so a misspelt end still matches by prefix', () => {
    expect(forgivingQuery('kafka high watermak')).toBe('kafka high waterm');
    expect(forgivingQuery('kafka log compacton')).toBe('kafka log compac');
    expect(forgivingQuery('')).toBe('');
  });
});
