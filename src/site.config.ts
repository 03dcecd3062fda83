/**
 * Site-wide settings, from the content folder's `_site.yml` (src/lib/guide.ts). SITE_URL and BASE_PATH come from
 * the environment so the same build deploys anywhere.
 */
import { guide } from './lib/guide';

export const SITE = guide().site;
