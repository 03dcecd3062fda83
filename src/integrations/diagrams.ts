import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGRAM_DIR, DIAGRAM_FILE, diagramCacheDir } from '../lib/diagram-files';
import { listFiles, readText } from './dist-files';

/**
 * Diagram files (drawn while pages render, into the cache folder: src/lib/diagram-draw.ts) reach the reader:
 * after the build, every file a page refers to is copied into dist/_astro/diagrams/ (a reference to a file that
 * was never drawn fails the build); in `astro dev`, a middleware serves them from the cache folder.
 */
export function diagrams(base: string): AstroIntegration {
  const prefix = `${base.endsWith('/') ? base : `${base}/`}${DIAGRAM_DIR}/`;
  const refs = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([0-9a-f]{16}-(?:light|dark)\\.svg)`, 'g');
  return {
    name: 'field-guide:diagrams',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (!path.startsWith(prefix)) return next();
          const name = path.slice(prefix.length);
          const file = join(diagramCacheDir(), name);
          if (!DIAGRAM_FILE.test(name) || !existsSync(file)) return next();
          res.setHeader('Content-Type', 'image/svg+xml');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(readFileSync(file));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const wanted = new Set<string>();
        for (const f of listFiles(root)) {
          if (!f.endsWith('.html')) continue;
          for (const m of readText(root, f).matchAll(refs)) wanted.add(m[1]!);
        }
        if (wanted.size === 0) return;
        const cache = diagramCacheDir();
        const out = join(root, DIAGRAM_DIR);
        mkdirSync(out, { recursive: true });
        const missing = [...wanted].filter((name) => !existsSync(join(cache, name)));
        if (missing.length) throw new Error(`diagrams: pages refer to files that were never drawn (not in ${cache}): ${missing.join(', ')}`);
        for (const name of wanted) copyFileSync(join(cache, name), join(out, name));
        logger.info(`${wanted.size} diagram files written to ${DIAGRAM_DIR}/`);
      },
    },
  };
}
