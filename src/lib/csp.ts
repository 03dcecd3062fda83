import { createHash } from 'node:crypto';

/** The CSP hash source for an inline script: 'sha256-…' of its exact text. */
export const scriptHash = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/**
 * The site's Content-Security-Policy: everything from our own origin; the one inline script (the theme
 * bootstrap) allowed by its hash; what Pagefind needs (WebAssembly, a blob: worker); inline style attributes
 * for Shiki's token colours.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScripts.map(scriptHash).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
