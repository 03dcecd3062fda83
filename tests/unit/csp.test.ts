import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../src/lib/csp';

describe('contentSecurityPolicy', () => {
  it('allows an inline script only by the sha256 of its exact text', () => {
    const code = 'console.log(1)';
    expect(scriptHash(code)).toBe(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    const csp = contentSecurityPolicy([code]);
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${scriptHash(code)}`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
  it('grants what Pagefind needs and nothing from other origins', () => {
    const csp = contentSecurityPolicy([]);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });
});
