import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png',
  '.txt': 'text/plain', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Behave like a production host: gzip text, cache hashed assets for a year and revalidate HTML. */
  production?: boolean;
}

const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|txt|xml|webmanifest)$/;

/** Serves a built site on 127.0.0.1 like a static host: /a/ → /a/index.html, missing → 404.html. */
export async function serveDir(root: string, base = '/', { production = false }: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) path = '/__outside_base__';
    else path = '/' + path.slice(base.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) file = join(root, '404.html');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (production) {
        headers['cache-control'] = path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
        if (COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
          body = gzipSync(body);
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      try {
        res.writeHead(404, { 'content-type': TYPES['.html']! });
        res.end(await readFile(join(root, '404.html')));
      } catch {
        res.writeHead(404).end('not found');
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
