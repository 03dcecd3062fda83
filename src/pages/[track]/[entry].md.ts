/** /<track>/<entry>.md: the entry page as Markdown, for tools (src/data/twins.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, type SiteEntry } from '../../data/site';
import { entryMarkdown } from '../../data/twins';

export const getStaticPaths = (async () => (await getSite()).map((s) => ({ params: { track: s.info.track, entry: s.info.id }, props: { site: s } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
  new Response(await entryMarkdown((props as { site: SiteEntry }).site, site!), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
