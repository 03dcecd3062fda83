/**
 * The home page's words from `_site.yml` (`lead`, `about`, `start`) as HTML: CommonMark through micromark (HTML
 * in the text is escaped, not passed through), site links (`/python/`) under the base path, and the HTML laid
 * out as Astro lays out a template's (no line breaks between tags, quotes in text as they are).
 */
import { micromark } from 'micromark';
import { withBase } from './paths';

export function siteMarkdown(markdown: string, base = '/', paragraphClass?: string): string {
  let html = micromark(markdown.trim())
    .replace(/>\n+</g, '><')
    .replace(/\n/g, ' ')
    .replace(/ href="\/(?!\/)([^"]*)"/g, (_, path: string) => ` href="${withBase(base, path)}"`)
    .replace(/>([^<]*)</g, (_, text: string) => `>${text.replaceAll('&quot;', '"')}<`);
  if (paragraphClass) html = html.replaceAll('<p>', `<p class="${paragraphClass}">`);
  return html.trim();
}
