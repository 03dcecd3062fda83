/** /llms-full.txt: every entry page's Markdown twin in one file, in track order (src/data/twins.ts). */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config';
import { TRACKS } from '../tracks';
import { getTrackEntries } from '../data/site';
import { llmsFull } from '../data/twins';

export const GET: APIRoute = async ({ site }) => {
  const entries = (await Promise.all(TRACKS.map((t) => getTrackEntries(t.id)))).flat();
  return new Response(await llmsFull(site!, SITE.name, SITE.description, entries), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
