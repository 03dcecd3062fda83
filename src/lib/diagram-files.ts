/** Where drawn diagram files live: in the cache between builds, and under the site's base path once built. */
import { resolve } from 'node:path';

/** Where drawn files are kept between builds (gitignored: under node_modules). DIAGRAM_CACHE_DIR overrides it. */
export function diagramCacheDir(): string {
  return resolve(process.env.DIAGRAM_CACHE_DIR ?? 'node_modules/.cache/field-guide-diagrams');
}

/** The public folder of the files, under the base path: hashed names, cached for a year like the other assets. */
export const DIAGRAM_DIR = '_astro/diagrams';

/** A file name `<key>-<theme>.svg`: 16 hex digits and the theme. */
export const DIAGRAM_FILE = /^[0-9a-f]{16}-(?:light|dark)\.svg$/;
