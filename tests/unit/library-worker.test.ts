import { describe, expect, it } from 'vitest';
import { lists } from '../../src/scripts/library-worker';
import { emptyLibrary } from '../../src/lib/library';

describe('library page lists (drawn in the worker, inserted as HTML)', () => {
  it('groups bookmarks by track with page and section titles, and escapes what was stored', () => {
    const snap = {
      ...emptyLibrary(),
      bookmarks: {
        'kafka/partitions#why-it-exists': { title: 'Partitions', section: 'Why it exists', at: 2 },
        'kafka/partitions': { title: 'Partitions', at: 1 },
        'aws/compute"><img src=x onerror=alert(1)>': { title: '<script>alert(1)</script>', at: 3 },
        'python/testing': 'not a record',
      },
      notes: { 'kafka/offsets': { title: 'Offsets', text: 'a < b & "c"', at: 5 } },
    };
    const out = lists(snap as never, ['fg-library-older-1700000000000'], '/guide/');
    expect(out.kafka).toBe(
      '<li><a href="/guide/kafka/partitions/">Partitions</a> <button type="button" class="lib-btn" data-op="remove" data-arg="kafka/partitions">Remove<span class="sr-only"> bookmark: Partitions</span></button></li>'
      + '<li><a href="/guide/kafka/partitions/#why-it-exists">Partitions › Why it exists</a> <button type="button" class="lib-btn" data-op="remove" data-arg="kafka/partitions#why-it-exists">Remove<span class="sr-only"> bookmark: Partitions › Why it exists</span></button></li>',
    );
    expect(out.aws).not.toMatch(/<script|<img/);
    expect(out.aws).toContain('&#60;script&#62;');
    expect(out.python).toBeUndefined();
    expect(out.notes).toBe('<li><a href="/guide/kafka/offsets/">Offsets</a><p>a &#60; b &#38; &#34;c&#34;</p></li>');
    expect(out.aside).toMatch(/^<li>A library in an older format, found on .*2023.*data-op="download" data-arg="fg-library-older-1700000000000"/);
  });
});
