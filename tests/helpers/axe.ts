/** axe-core in a page: the WCAG 2.2 A and AA rules, each violation as "rule: first targets". */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// axe is served from its own cacheable URL rather than injected as text, so Chromium compiles its 0.5 MB once
// per browser context, not once per page (measured: 200–300 ms less per page, on 250 pages a run).
let axeUrl: Promise<string> | undefined;
function serveAxe(): Promise<string> {
  return (axeUrl ??= new Promise((resolve) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' });
      res.end(AXE);
    });
    server.unref();
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`));
  }));
}

/** Needs a context with bypassCSP, so the injected script may run under the site's CSP. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: await serveAxe() });
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Only violations are read, so axe need not collect every node that passed.
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
