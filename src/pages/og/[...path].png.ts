/** A social card (PNG) for every page, drawn at build time: /og/<track>/<entry>.png, /og/<track>.png, /og/index.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { getSite } from '../../data/site';
import { TRACKS, getTrack } from '../../tracks';
import { SITE } from '../../site.config';
import { socialCardSvg } from '../../lib/social-image';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return [
    { params: { path: 'index' }, props: { title: SITE.name, kicker: 'Learn data engineering in order', summary: SITE.description } },
    ...TRACKS.map((t) => ({ params: { path: t.id }, props: { title: t.title, kicker: t.label, summary: t.intro } })),
    ...site.map(({ info }) => ({
      params: { path: `${info.track}/${info.id}` },
      props: { title: info.title, kicker: getTrack(info.track).label, summary: info.summary },
    })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const svg = socialCardSvg({ ...(props as { title: string; kicker: string; summary: string }), site: SITE.name });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
