/** A social card (PNG) for every page, drawn at build time: /og/<track>/<entry>.png, /og/<track>.png, /og/index.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site';
import { TRACKS } from '../../tracks';
import { SITE } from '../../site.config';
import { cardTexts, socialCardSvg } from '../../lib/social-image';
import { prepareSocialCards, socialCardPng } from '../../integrations/social-cards';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const cards = cardTexts(SITE, TRACKS, site.map((s) => s.info)).map(({ path, ...card }) => ({ params: { path }, props: { svg: socialCardSvg({ ...card, site: SITE.name }) } }));
  // Cards not in the cache (nor started early by the integration) are drawn in worker threads from here on.
  prepareSocialCards(cards.map((c) => c.props.svg));
  return cards;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await socialCardPng((props as { svg: string }).svg);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png' } });
};
