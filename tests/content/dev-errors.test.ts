/**
 * `astro dev` shows an author the same source problems as a build: the page answers with Astro's error page
 * (the overlay shows the message) and the terminal names the .mdx file and line. Starts a dev server on a free
 * port against a tiny content tree.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildEnv, FIXTURE_SITE, page, trackYml } from '../helpers/build-fixture';

const root = join(process.cwd(), 'tmp', `dev-errors-${process.pid}`);
let server: ChildProcess | undefined;

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(root, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(20000 + Math.floor(Math.random() * 40000), '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test('a component used without its import is named, with its line, on the page in astro dev', async () => {
  const content = join(root, 'content');
  mkdirSync(join(content, 'kafka'), { recursive: true });
  writeFileSync(join(content, '_site.yml'), FIXTURE_SITE);
  writeFileSync(join(content, 'kafka/_track.yml'), trackYml('kafka'));
  writeFileSync(join(content, 'kafka/intro.mdx'), page({ title: 'Intro', summary: 'What the fixture Kafka track is about here.', order: 1 }, '## Why it exists\n\nText.\n'));
  writeFileSync(join(content, 'kafka/topics.mdx'), page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2 }, 'Text.\n\n<Callout type="why">Because.</Callout>\n'));
  const port = await freePort();
  let log = '';
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: process.cwd(),
    env: buildEnv({ CONTENT_DIR: content, ASTRO_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1' }),
    detached: true, // its own process group, so afterAll stops npx and astro together
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 240_000;
  let res: Response | undefined;
  while (Date.now() < deadline) {
    try {
      res = await fetch(`http://127.0.0.1:${port}/kafka/topics/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  expect(res, `dev server did not answer:\n${log}`).toBeDefined();
  // The page is Astro's error page: its title names the error, and the overlay (sent over Vite's websocket)
  // and the terminal show the message. The terminal's copy is what a test can read.
  expect(res!.status).toBe(500);
  expect(await res!.text()).toContain('<title>ContentCheckError</title>');
  const message = /content\/kafka\/topics\.mdx:9: <Callout> is used but not imported: add import Callout from '@components\/content\/Callout\.astro';/;
  for (let k = 0; k < 20 && !message.test(log); k++) await new Promise((r) => setTimeout(r, 250));
  expect(log).toMatch(message);
}, 300_000);
