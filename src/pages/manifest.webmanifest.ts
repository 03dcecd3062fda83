/** Web app manifest: the guide can be installed and read offline (with the service worker). */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config';

export const GET: APIRoute = () => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const manifest = {
    name: SITE.name,
    short_name: SITE.shortName,
    description: SITE.description,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d4ed8',
    icons: [192, 512].map((size) => ({ src: `${base}icons/${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
