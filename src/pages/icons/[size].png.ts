/** App icons for the manifest, rendered at build time from public/favicon.svg. */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const getStaticPaths = () => [{ params: { size: '192' } }, { params: { size: '512' } }];

export const GET: APIRoute = ({ params }) => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: Number(params.size) } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
