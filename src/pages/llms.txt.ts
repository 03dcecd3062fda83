/** /llms.txt: the guide's index for language models and tools (src/data/twins.ts). */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config';
import { TRACKS } from '../tracks';
import { getTrackEntries } from '../data/site';
import { llmsIndex } from '../data/twins';

export const GET: APIRoute = async ({ site }) => {
  const tracks = await Promise.all(TRACKS.map(async (t) => ({ title: t.title, intro: t.intro, entries: await getTrackEntries(t.id) })));
  return new Response(llmsIndex(site!, SITE.name, SITE.description, tracks), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
