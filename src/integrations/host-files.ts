import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/headers';
import { THEME_BOOTSTRAP } from '../scripts/theme-bootstrap';

/** Files static hosts read from dist/: `_headers` (Netlify, Cloudflare Pages) and `.nojekyll` (GitHub Pages). */
export function hostFiles(base: string): AstroIntegration {
  return {
    name: 'field-guide:host-files',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        writeFileSync(`${root}_headers`, headersFile(base, [THEME_BOOTSTRAP]));
        writeFileSync(`${root}.nojekyll`, '');
      },
    },
  };
}
