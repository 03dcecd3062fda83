/** A social card (PNG) for every page, drawn at build time: /og/<track>/<entry>.png, /og/<track>.png, /og/index.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site';
import { TRACKS, getTrack } from '../../tracks';
import { SITE } from '../../site.config';
import { socialCardSvg } from '../../lib/social-image';
import { prepareSocialCards, socialCardPng } from '../../integrations/social-cards';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const cards = [
    { path: 'index', title: SITE.name, kicker: 'Learn data engineering in order', summary: SITE.description },
    ...TRACKS.map((t) => ({ path: t.id, title: t.title, kicker: t.label, summary: t.intro })),
    ...site.map(({ info }) => ({ path: `${info.track}/${info.id}`, title: info.title, kicker: getTrack(info.track).label, summary: info.summary })),
  ].map(({ path, ...card }) => ({ params: { path }, props: { svg: socialCardSvg({ ...card, site: SITE.name }) } }));
  // Cards not in the cache are drawn in worker threads from here on, while the pages are written one by one.
  prepareSocialCards(cards.map((c) => c.props.svg));
  return cards;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await socialCardPng((props as { svg: string }).svg);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png' } });
};
