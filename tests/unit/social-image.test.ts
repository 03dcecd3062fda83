import { describe, expect, it } from 'vitest';
import { socialCardSvg, wrap } from '../../src/lib/social-image';

describe('social card', () => {
  it('wraps words without breaking them and ellipsises past the last line', () => {
    expect(wrap('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrap('aa bb cc dd ee ff', 5, 2)).toEqual(['aa bb', 'cc …']);
  });
  it('escapes text and keeps the title', () => {
    const svg = socialCardSvg({ title: 'S3 & <EBS>', kicker: 'AWS', summary: 'x', site: 'Guide' });
    expect(svg).toContain('S3 &#38; &#60;EBS&#62;');
    expect(svg).not.toContain('<EBS>');
  });
});
