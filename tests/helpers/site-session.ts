/**
 * The built site served on 127.0.0.1 and a Chromium to read it, for a browser test file:
 * call `openSiteSession()` at the top of the file, then use `browser` and `server` (live bindings).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { serveDir, type StaticServer } from './serve';
import { DIST } from './dist';

export let browser: Browser;
export let server: StaticServer;

export function openSiteSession(root = DIST, base = '/') {
  beforeAll(async () => {
    server = await serveDir(root, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
