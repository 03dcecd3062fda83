import { describe, expect, it } from 'vitest';
import { buildToc, publishedHeadings, shareableIds, slugify } from '../../src/lib/toc';
import { cssUrls, findBrokenLinks, formatBroken, resolveHref, scanHtml } from '../../src/lib/links';
import { withBase } from '../../src/lib/paths';
import { blockStatus, claimsOf, norunReason } from '../../src/lib/fence';
import { extractBlocks } from '../../src/lib/codeblocks';
import { extractQuestions } from '../../src/lib/questions';

describe('buildToc', () => {
  it('nests h3 under the preceding h2 and ignores other depths', () => {
    const toc = buildToc([
      { depth: 2, slug: 'a', text: 'A' }, { depth: 3, slug: 'a1', text: 'A1' }, { depth: 4, slug: 'x', text: 'X' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
  it('keeps an h3 that comes before any h2', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }])).toEqual([{ slug: 'x', text: 'X', children: [] }]);
  });
});

describe('shareableIds', () => {
  // An AWS page as Markdown numbers it: the second service's "What it is" is what-it-is-1.
  const headings = [
    { depth: 2, slug: 'ec2', text: 'EC2' },
    { depth: 3, slug: 'what-it-is', text: 'What it is' },
    { depth: 3, slug: 'limits-and-defaults-that-bite', text: 'Limits and defaults that bite' },
    { depth: 2, slug: 'lambda', text: 'Lambda' },
    { depth: 3, slug: 'what-it-is-1', text: 'What it is' },
    { depth: 3, slug: 'limits-and-defaults-that-bite-1', text: 'Limits and defaults that bite' },
    { depth: 3, slug: 'cold-starts', text: 'Cold starts!' },
    { depth: 2, slug: 'decision-table', text: 'Decision table' },
    { depth: 3, slug: 'what-it-is-2', text: 'What it is' },
  ];
  it('names a service subsection after its service and keeps the numbered slug as a former id', () => {
    const ids = shareableIds(headings, ['ec2', 'lambda']);
    expect(ids.get('what-it-is')).toEqual({ id: 'ec2-what-it-is', former: ['what-it-is'] });
    expect(ids.get('what-it-is-1')).toEqual({ id: 'lambda-what-it-is', former: ['what-it-is-1'] });
    expect(ids.get('limits-and-defaults-that-bite-1')).toEqual({ id: 'lambda-limits', former: ['limits-and-defaults-that-bite-1'] });
    expect(ids.get('cold-starts')).toEqual({ id: 'lambda-cold-starts', former: ['cold-starts'] });
  });
  it('leaves sections that are not services, and their subsections, alone', () => {
    const ids = shareableIds(headings, ['ec2', 'lambda']);
    expect(ids.has('ec2')).toBe(false);
    expect(ids.has('decision-table')).toBe(false);
    expect(ids.has('what-it-is-2')).toBe(false);
    expect(shareableIds(headings).size).toBe(0);
  });
  it('keeps the slug when the new id is already a heading on the page', () => {
    const clash = [{ depth: 2, slug: 's3', text: 'S3' }, { depth: 3, slug: 'pricing', text: 'Pricing' }, { depth: 2, slug: 's3-pricing', text: 'S3 pricing' }];
    expect(shareableIds(clash, ['s3']).size).toBe(0);
  });
  it('keeps the id a renamed heading had', () => {
    const ids = shareableIds([{ depth: 2, slug: 'how-does-mirrormaker-2-work', text: 'How does MirrorMaker 2 work?' }], [], { 'how-does-mirrormaker-2-work': 'how-does-mirror-maker-work' });
    expect(ids.get('how-does-mirrormaker-2-work')).toEqual({ id: 'how-does-mirrormaker-2-work', former: ['how-does-mirror-maker-work'] });
  });
  it('gives the contents the published ids', () => {
    const toc = buildToc(publishedHeadings(headings, shareableIds(headings, ['lambda'])));
    expect(toc[1]!.children.map((c) => c.slug)).toEqual(['lambda-what-it-is', 'lambda-limits', 'lambda-cold-starts']);
    expect(slugify(' Route 53: DNS ')).toBe('route-53-dns');
  });
});

describe('link checking', () => {
  const page = (path: string, html: string) => scanHtml(path, html);
  const site = [
    page('/', '<a href="/kafka/topics/">t</a><a href="https://kafka.apache.org/">k</a><a href="#top">top</a><div id="top"></div>'),
    page('/kafka/topics/', '<article data-source="content/kafka/topics.mdx"><h2 id="why">Why</h2><a href="../offsets/#lag">x</a><a href="/kafka/topics/#nope">y</a><a href="/missing/">z</a><a href="/style.css">s</a></article>'),
    page('/kafka/offsets/', '<h2 id="lag">Lag</h2>'),
  ];
  it('resolves relative, absolute and external hrefs', () => {
    expect(resolveHref('/kafka/topics/', '../offsets/#lag')).toEqual({ path: '/kafka/offsets/', hash: 'lag' });
    expect(resolveHref('/', 'https://example.com/')).toBeNull();
    expect(resolveHref('/', 'mailto:a@b.c')).toBeNull();
  });
  it('reports missing pages and missing anchors with the source file, and accepts assets', () => {
    const broken = findBrokenLinks(site, new Set(['/style.css']));
    expect(broken.map((b) => `${b.source} ${b.href} ${b.reason}`)).toEqual([
      'content/kafka/topics.mdx /kafka/topics/#nope /kafka/topics/ has no element with id "nope"',
      'content/kafka/topics.mdx /missing/ no page at /missing/',
    ]);
  });
  it('lists a link broken on several built pages (an entry and its print pages) once, with those pages', () => {
    const entry = '<article data-source="content/kafka/topics.mdx"><a href="/missing/">z</a></article>';
    const broken = findBrokenLinks([page('/kafka/topics/', entry), page('/print/', entry), page('/print/kafka/', entry)]);
    expect(broken).toHaveLength(3);
    expect(formatBroken(broken)).toEqual({
      count: 1,
      text: '  - content/kafka/topics.mdx: link "/missing/": no page at /missing/ (on /kafka/topics/, /print/, /print/kafka/)',
    });
    expect(formatBroken(broken.slice(0, 1)).text).toBe('  - content/kafka/topics.mdx: link "/missing/": no page at /missing/');
  });
  it('reports files a page or stylesheet loads that do not exist, and ids used twice on a page', () => {
    const html =
      '<article data-source="content/kafka/topics.mdx"><h2 id="lag">Lag</h2><details id="lag"></details>' +
      '<img src="/images/nope.png" alt=""><img src="/images/ok.png" alt=""><picture><source srcset="/images/a.webp 1x, /images/b.webp 2x"></picture>' +
      '<link rel="stylesheet" href="/_astro/x.css"><script src="../app.js"></script><div style="background: url(\'/bg.png\')"></div></article>';
    const broken = findBrokenLinks([scanHtml('/kafka/topics/', html)], new Set(['/images/ok.png', '/images/a.webp', '/_astro/x.css']));
    expect(formatBroken(broken).text.split('\n')).toEqual([
      '  - content/kafka/topics.mdx: file "/images/nope.png": no file at /images/nope.png',
      '  - content/kafka/topics.mdx: file "/images/b.webp": no file at /images/b.webp',
      '  - content/kafka/topics.mdx: file "../app.js": no file at /kafka/app.js',
      '  - content/kafka/topics.mdx: file "/bg.png": no file at /bg.png',
      '  - content/kafka/topics.mdx: id "#lag": /kafka/topics/ has more than one element with id "lag": rename one (a heading\'s id comes from its text)',
    ]);
    expect(cssUrls('a{background:url("x.png")} b{mask:url(data:image/svg+xml;x)} c{src:url( \'/f.woff2\' )}')).toEqual(['x.png', '/f.woff2']);
  });
  it('decodes entities in ids and hrefs', () => {
    const p = scanHtml('/a/', '<h2 id="a&amp;b"></h2><a href="#a&amp;b">x</a>');
    expect(findBrokenLinks([p])).toEqual([]);
  });
});

describe('withBase', () => {
  it('joins base and path with exactly one slash', () => {
    expect(withBase('/', '/kafka/')).toBe('/kafka/');
    expect(withBase('/repo', '/kafka/')).toBe('/repo/kafka/');
    expect(withBase('/repo/', 'kafka/')).toBe('/repo/kafka/');
    expect(withBase('/repo/')).toBe('/repo/');
  });
});

describe('code block status', () => {
  it('reads norun reasons in any quoting', () => {
    expect(norunReason('requires=kafka norun="needs three brokers"')).toBe('needs three brokers');
    expect(norunReason("norun='x y'")).toBe('x y');
    expect(norunReason('chain')).toBeUndefined();
  });
  it('prefers output, then norun, then the verification record', () => {
    const rec = { c1: { verifiedWith: ['Python 3.11'] } };
    expect(blockStatus('output', '', 'o1', rec)).toEqual({ kind: 'output' });
    expect(blockStatus('python', 'norun="r"', 'c1', rec)).toEqual({ kind: 'norun', reason: 'r' });
    expect(blockStatus('python', '', 'c1', rec)).toEqual({ kind: 'verified', verifiedWith: ['Python 3.11'] });
    expect(blockStatus('python', '', 'c2', rec)).toEqual({ kind: 'plain' });
  });
  it('is verified only with the claimed output the run matched, and says so on the output block', () => {
    const src = '```python\nprint(1)\n```\n\n```output\n1\n```\n';
    const [code, out] = extractBlocks(src, 'p.mdx');
    const claims = claimsOf([code!, out!]);
    const ran = { [code!.hash]: { verifiedWith: ['Python 3.11'], output: out!.hash } };
    expect(blockStatus('python', '', code!.hash, ran, claims)).toEqual({ kind: 'verified', verifiedWith: ['Python 3.11'] });
    expect(blockStatus('output', '', out!.hash, ran, claims)).toEqual({ kind: 'output', verified: true });
    // The claim was edited after the run: the code is not "verified" any more, nor is the new output.
    const [, edited] = extractBlocks(src.replace('\n1\n', '\n2\n'), 'p.mdx');
    const now = claimsOf(extractBlocks(src.replace('\n1\n', '\n2\n'), 'p.mdx'));
    expect(blockStatus('python', '', code!.hash, ran, now)).toEqual({ kind: 'stale' });
    expect(blockStatus('output', '', edited!.hash, ran, now)).toEqual({ kind: 'output', verified: false });
    // A record made before the output block was added does not cover it either.
    const before = { [code!.hash]: { verifiedWith: ['Python 3.11'] } };
    expect(blockStatus('python', '', code!.hash, before, claims)).toEqual({ kind: 'stale' });
  });
});

describe('extractQuestions', () => {
  it('reads id, level and question text, skipping code fences', () => {
    const body = [
      'Intro',
      '<Question id="why" level="basic" q="Why do we need partitions?">',
      'Because.',
      '</Question>',
      '```mdx',
      '<Question q="not a real one">',
      '```',
      "<Question q='What is the HW?' level=\"advanced\">x</Question>",
    ].join('\n');
    expect(extractQuestions(body)).toEqual([
      { id: 'why', q: 'Why do we need partitions?', level: 'basic', line: 2 },
      { id: undefined, q: 'What is the HW?', level: 'advanced', line: 8 },
    ]);
  });
});
