import { contentSecurityPolicy } from './csp';

/**
 * A `_headers` file for Netlify and Cloudflare Pages: the same Content-Security-Policy as the pages' meta tag
 * (plus what only a header can say), long caching for hashed assets, revalidation for everything else.
 */
export function headersFile(base: string, inlineScripts: readonly string[]): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const csp = `${contentSecurityPolicy(inlineScripts)}; frame-ancestors 'none'`;
  return [
    `${b}*`,
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Cache-Control: public, max-age=0, must-revalidate',
    '',
    `${b}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
    `${b}pagefind/*`,
    '  Cache-Control: public, max-age=3600, must-revalidate',
    '',
  ].join('\n');
}
