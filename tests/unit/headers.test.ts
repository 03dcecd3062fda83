import { describe, expect, it } from 'vitest';
import { headersFile } from '../../src/lib/headers';
import { contentSecurityPolicy } from '../../src/lib/csp';

describe('headersFile', () => {
  it('sends the pages\' CSP with frame-ancestors, caches hashed assets for a year and revalidates HTML', () => {
    const text = headersFile('/guide/', ['x()']);
    expect(text).toContain(`/guide/*\n  Content-Security-Policy: ${contentSecurityPolicy(['x()'])}; frame-ancestors 'none'`);
    expect(text).toContain('/guide/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(text).toMatch(/\/guide\/\*\n(?:  .*\n)*  Cache-Control: public, max-age=0, must-revalidate/);
  });
});
