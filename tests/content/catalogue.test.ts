/**
 * The catalogue of bad content: every way a page can be wrong that the build must catch, one row each. A row
 * is the files it changes in a tiny content tree (two Kafka pages), the messages the build must print (naming
 * the file, and the line where there is one) and, for the rows that must build, what the site must then hold.
 * Every failing row checks that dist/ is byte-for-byte the previous build afterwards (a checksum of a previous
 * dist/ written before the build), that no staging folder is left, and that the last line says so.
 *
 * To add a case, add a row. Rows that fail in the source checks take a few seconds; rows that fail after
 * rendering (links, files, ids) take a full build. Builds run CATALOGUE_CONCURRENCY (2) at a time, in tmp/ of
 * the repository (where Astro keeps each build's chunks in its own staging folder), and `late` rows one at a
 * time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildFixture, FIXTURE_SITE, page, trackYml } from '../helpers/build-fixture';

// Frontmatter of three fields is lines 1-5, a blank line 6: the body starts on line 7.
const intro = page({ title: 'Intro', summary: 'What the fixture Kafka track is about here.', order: 1 }, '## Why it exists\n\nText.\n');
const topics = (body = 'See [intro](/kafka/intro/#why-it-exists).\n', extra: Record<string, unknown> = {}) =>
  page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2, ...extra }, body);
const base = { '_site.yml': FIXTURE_SITE, 'kafka/_track.yml': trackYml('kafka'), 'kafka/intro.mdx': intro, 'kafka/topics.mdx': topics() };
const Q = "import Question from '@components/content/Question.astro';\n\n";

interface Row {
  name: string;
  /** Files added to or replacing the base tree ({"kafka/topics.mdx": "..."}); null removes one. */
  files: Record<string, string | null>;
  /** The build must fail printing each of these. */
  fails?: RegExp[];
  /** The build must pass, and then these files must (true) or must not (false) be in dist/. */
  builds?: Record<string, boolean>;
  /** Must not be printed. */
  never?: RegExp[];
  /**
   * The build gets past the source checks (it syncs content and renders). Such builds run one at a time: Astro
   * writes the content's module map into the project's .astro/, which every build of the project shares.
   */
  late?: true;
  env?: Record<string, string>;
}

const rows: Row[] = [
  // Code fences
  { name: 'a code fence never closed', files: { 'kafka/topics.mdx': topics('Text.\n\n```python\nprint(1)\n') }, fails: [/content\/kafka\/topics\.mdx:9: code fence is never closed: add a line ``` after the code/] },
  {
    name: 'a code fence closed early (its closing fence opens a block without a language)',
    files: { 'kafka/topics.mdx': topics('```python\nx = 1\n```\nprint(x)\n```\n\nText.\n') },
    fails: [/content\/kafka\/topics\.mdx:11: code fence without a language: name one/],
  },
  {
    name: 'a code fence opened inside a block that was not closed',
    files: { 'kafka/topics.mdx': topics('```python\nx = 1\n\n```python\nprint(x)\n```\n') },
    fails: [/content\/kafka\/topics\.mdx:10: "```python" opens a fence inside the block that starts at line 7: close that block with ``` before it/],
  },
  {
    name: 'a code fence never closed inside a component',
    files: { 'kafka/topics.mdx': topics("import Figure from '@components/content/Figure.astro';\n\n<Figure caption=\"x\">\n```python\nprint(1)\n</Figure>\n\nText.\n") },
    fails: [/content\/kafka\/topics\.mdx:9: MDX syntax: Expected a closing tag for `<Figure>`.*the code fence at line 10 is never closed/],
  },
  // Ids
  {
    name: 'two <Question>s with the same id',
    files: { 'kafka/topics.mdx': topics(`${Q}<Question id="lag" q="What is lag?">A.</Question>\n\n<Question id="lag" q="Why lag?">B.</Question>\n`) },
    fails: [/content\/kafka\/topics\.mdx:11: <Question id="lag"> repeats the id of the question at line 9/],
  },
  {
    name: 'a <Question> with the id of a heading',
    files: { 'kafka/topics.mdx': topics(`${Q}## Why it exists\n\n<Question id="why-it-exists" q="Why?">A.</Question>\n`) },
    fails: [/content\/kafka\/topics\.mdx:11: <Question id="why-it-exists"> has the id of the heading at line 9/],
  },
  {
    name: 'two elements with one id on a built page', late: true,
    files: { 'kafka/topics.mdx': topics('<span id="dup">a</span> and <span id="dup">b</span>\n') },
    fails: [/content\/kafka\/topics\.mdx: id "#dup": \/kafka\/topics\/ has more than one element with id "dup"/],
  },
  // Entries and references
  {
    name: 'a prerequisites cycle',
    files: { 'kafka/intro.mdx': intro.replace('order: 1', 'order: 1\nprerequisites: ["topics"]'), 'kafka/topics.mdx': topics(undefined, { prerequisites: ['intro'] }) },
    fails: [/content\/kafka\/intro\.mdx:5: prerequisites: prerequisites go round in a circle \(intro → topics → intro\)/],
  },
  { name: 'a page that lists itself as a prerequisite', files: { 'kafka/topics.mdx': topics(undefined, { prerequisites: ['topics'] }) }, fails: [/content\/kafka\/topics\.mdx:5: prerequisites\[0\]: "topics" refers to the entry itself/] },
  { name: 'a reference to an entry that does not exist', files: { 'kafka/topics.mdx': topics(undefined, { related: ['nope'] }) }, fails: [/content\/kafka\/topics\.mdx:5: related\[0\]: "nope" is not an entry of track "kafka" \(known: intro, topics\)/] },
  { name: 'two entries with the same order', files: { 'kafka/topics.mdx': topics(undefined, { order: 1 }) }, fails: [/content\/kafka\/topics\.mdx:4: order: 1 is already used by .*content\/kafka\/intro\.mdx in track "kafka"/] },
  {
    name: 'an AWS service without a section with its anchor', late: true,
    files: { 'aws/_track.yml': trackYml('aws'), 'aws/compute.mdx': page({ title: 'Compute', summary: 'Where code runs, in the fixture track.', order: 1, services: [{ name: 'Lambda', anchor: 'lambda' }, { name: 'ECS', anchor: 'ecs' }] }, '## Lambda\n\nText.\n') },
    fails: [/content\/aws\/compute\.mdx: services\[1\]\.anchor: no heading with id "ecs" for ECS/],
  },
  // Frontmatter
  { name: 'a schema violation', late: true, files: { 'kafka/topics.mdx': topics(undefined, { summary: 'x'.repeat(161) }) }, fails: [/kafka\/topics\.mdx/, /summary/] },
  { name: 'an unknown (misspelt) frontmatter field', late: true, files: { 'kafka/topics.mdx': topics(undefined, { navlabel: 'Topics' }) }, fails: [/kafka\/topics\.mdx/, /navlabel/] },
  {
    name: 'malformed frontmatter YAML',
    files: { 'kafka/topics.mdx': '---\ntitle: Topics\nsummary: Topics: in the fixture Kafka track here.\norder: 2\n---\n\nText.\n' },
    fails: [/content\/kafka\/topics\.mdx:3: frontmatter is not valid YAML: bad indentation of a mapping entry/],
    never: [/Browser APIs/],
  },
  {
    name: 'an unclosed quote in the frontmatter',
    files: { 'kafka/topics.mdx': '---\ntitle: "Topics\nsummary: Topics in the fixture Kafka track here.\norder: 2\n---\n\nText.\n' },
    fails: [/content\/kafka\/topics\.mdx:2: frontmatter is not valid YAML: unexpected end of the stream within a double quoted scalar/],
    never: [/Browser APIs/],
  },
  // Components, images and files
  {
    name: 'a component used without its import',
    files: { 'kafka/topics.mdx': topics('Text.\n\n<Callout type="why">Because.</Callout>\n') },
    fails: [/content\/kafka\/topics\.mdx:9: <Callout> is used but not imported: add import Callout from '@components\/content\/Callout\.astro'; after the frontmatter/],
    never: [/\/print\//, /chunk/i],
  },
  { name: 'a relative image path to a missing file', files: { 'kafka/topics.mdx': topics('Text.\n\n![A chart](./chart.png)\n') }, fails: [/content\/kafka\/topics\.mdx:9: image "\.\/chart\.png" does not exist next to this page/] },
  { name: 'an image that does not exist', late: true, files: { 'kafka/topics.mdx': topics('![A chart](/images/nope.png)\n') }, fails: [/content\/kafka\/topics\.mdx: file "\/images\/nope\.png": no file at \/images\/nope\.png/] },
  {
    name: 'a <source srcset> that does not exist', late: true,
    files: { 'kafka/topics.mdx': topics('<picture><source srcset="/images/nope.webp 1x, /favicon.svg 2x" /><img src="/favicon.svg" alt="" /></picture>\n') },
    fails: [/content\/kafka\/topics\.mdx: file "\/images\/nope\.webp": no file at \/images\/nope\.webp/],
  },
  { name: 'a <link href> that does not exist', late: true, files: { 'kafka/topics.mdx': topics('<link rel="preload" as="font" href="/fonts/nope.woff2" />\n\nText.\n') }, fails: [/content\/kafka\/topics\.mdx: file "\/fonts\/nope\.woff2": no file at \/fonts\/nope\.woff2/] },
  { name: 'a <script src> that does not exist', late: true, files: { 'kafka/topics.mdx': topics('<script src="/nope.js"></script>\n\nText.\n') }, fails: [/content\/kafka\/topics\.mdx: file "\/nope\.js": no file at \/nope\.js/] },
  { name: 'a CSS url() that does not exist', late: true, files: { 'kafka/topics.mdx': topics("<div style={{ backgroundImage: 'url(/images/nope.svg)' }}>x</div>\n") }, fails: [/content\/kafka\/topics\.mdx: file "\/images\/nope\.svg": no file at \/images\/nope\.svg/] },
  {
    name: 'an internal link to a missing page and to a missing #anchor', late: true,
    files: { 'kafka/topics.mdx': topics('See [a](/kafka/missing/) and [b](/kafka/intro/#no-such-section).\n') },
    fails: [/content\/kafka\/topics\.mdx: link "\/kafka\/missing\/": no page at \/kafka\/missing\//, /content\/kafka\/topics\.mdx: link "\/kafka\/intro\/#no-such-section": \/kafka\/intro\/ has no element with id "no-such-section"/],
  },
  // Files in content/
  { name: 'a page in a subfolder of a track', files: { 'kafka/deep/partitions.mdx': topics() }, fails: [/content\/kafka\/deep\/partitions\.mdx: pages live directly in their track's folder, not in subfolders: move it to content\/kafka\/partitions\.mdx/], never: [/Missing parameter/] },
  {
    name: 'a page in a folder without a _track.yml',
    files: { 'java/streams.mdx': topics() },
    fails: [/content\/java\/streams\.mdx: "java" is not a track \(tracks: kafka\): add .*content\/java\/_track\.yml to make its folder one/],
  },
  { name: 'a page outside any track folder', files: { 'streams.mdx': topics() }, fails: [/content\/streams\.mdx: a page must be in a track's folder \(.*content\/kafka\/\)/] },
  // The guide's description: _site.yml and each _track.yml (src/lib/guide.ts)
  { name: 'a _track.yml whose folder has no page', files: { 'python/_track.yml': trackYml('python') }, fails: [/content\/python\/_track\.yml: the track "python" has no page/] },
  { name: 'an unknown key in a _track.yml', files: { 'kafka/_track.yml': `${trackYml('kafka')}colour: blue\n` }, fails: [/content\/kafka\/_track\.yml: unknown key "colour"/] },
  { name: 'a required key missing from a _track.yml', files: { 'kafka/_track.yml': trackYml('kafka').replace(/^entries: .*\n/m, '') }, fails: [/content\/kafka\/_track\.yml: entries: required key is missing/] },
  { name: 'a key of the wrong type in a _track.yml', files: { 'kafka/_track.yml': trackYml('kafka').replace(/^position: .*$/m, 'position: first') }, fails: [/content\/kafka\/_track\.yml: position: /] },
  { name: 'no _site.yml', files: { '_site.yml': null }, fails: [/content\/_site\.yml: missing: every guide needs _site\.yml/] },
  { name: 'an unknown key in _site.yml', files: { '_site.yml': `${FIXTURE_SITE}title: Guide\n` }, fails: [/content\/_site\.yml: unknown key "title"/] },
  { name: 'a required key missing from _site.yml', files: { '_site.yml': FIXTURE_SITE.replace(/^name: .*\n/m, '') }, fails: [/content\/_site\.yml: name: required key is missing/] },
  {
    name: 'only the tracks present exist (one track: no other index, group, filter or print page)', late: true,
    files: {},
    builds: { 'kafka/index.html': true, 'print/kafka/index.html': true, 'python/index.html': false, 'aws/index.html': false, 'print/python/index.html': false, 'print/aws/index.html': false },
  },
  {
    name: 'README files and _-prefixed files are not pages (builds, publishes neither)', late: true,
    files: { 'README.md': '# About this folder\n', 'kafka/README.md': '# Kafka pages\n', 'kafka/_draft.mdx': 'not even frontmatter\n' },
    builds: { 'kafka/topics/index.html': true, 'kafka/readme/index.html': false, 'kafka/_draft/index.html': false },
  },
  // Figures and diagrams (src/lib/figures.ts, src/lib/diagram-validate.ts): each problem at its line
  {
    name: 'bad diagrams and figures', late: true,
    files: {
      'kafka/topics.mdx': topics(
        [
          "import Figure from '@components/content/Figure.astro';", // body line 1 = file line 7
          '',
          '<Figure caption="Flow" alt="A to B.">\n\n```mermaid\nflowchart LR\n  A --> B\n  A[x --> B\n```\n\n</Figure>\n', // 9 <Figure, 11 fence, 14 the bad line
          '<Figure caption="Steps" steps={["One.", "Two."]}>\n\n```mermaid\nsequenceDiagram\n  A->>B hello\n```\n\n</Figure>\n', // 19 <Figure, 23 the bad line
          '<Figure caption="No words">\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n</Figure>\n', // 28 no alt or steps
          '<Figure caption="" alt="Empty caption.">\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n</Figure>\n', // 37 empty caption
          '```mermaid\nflowchart LR\n  A --> B\n```', // 46 a fence outside a Figure
        ].join('\n'),
      ),
    },
    fails: [
      /kafka\/topics\.mdx:14: figure: diagram: unclosed "\["/,
      /kafka\/topics\.mdx:23: figure: diagram: a message needs a colon/,
      /kafka\/topics\.mdx:28: figure: <Figure> needs a text equivalent/,
      /kafka\/topics\.mdx:37: figure: <Figure> caption is empty/,
      /kafka\/topics\.mdx:46: figure: a mermaid diagram must be inside a <Figure/,
    ],
  },
];

const previous = { 'index.html': '<!doctype html><title>previous build</title>\n', 'kafka/topics/index.html': '<p>the previous topics page</p>\n', 'sw.js': '// previous\n' };
const checksum = (dir: string) => {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${relative(dir, p)}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
};

const work = join(process.cwd(), 'tmp', `catalogue-${process.pid}`);
const semaphore = (free: number) => {
  const queue: (() => void)[] = [];
  return async <T>(f: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((r) => queue.push(r));
    try {
      return await f();
    } finally {
      const next = queue.shift();
      if (next) next();
      else free++;
    }
  };
};
const inSlot = semaphore(Number(process.env.CATALOGUE_CONCURRENCY ?? 2));
const oneLate = semaphore(1);
const timings: { name: string; ms: number; failed: boolean }[] = [];
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const fails = timings.filter((t) => t.failed).map((t) => t.ms).sort((a, b) => a - b);
  console.log(
    `[catalogue] ${timings.length} cases; a failing build reports in ${(fails[0]! / 1000).toFixed(1)}–${(fails[fails.length - 1]! / 1000).toFixed(1)} s (median ${(fails[fails.length >> 1]! / 1000).toFixed(1)} s)\n` +
      timings.map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}`).join('\n'),
  );
});

describe.concurrent('the catalogue of bad content', () => {
  rows.forEach((row, k) => {
    test(row.name, async () => {
      const files: Record<string, string> = { ...base };
      for (const [path, text] of Object.entries(row.files)) if (text === null) delete files[path]; else files[path] = text;
      const root = join(work, String(k));
      for (const [path, text] of Object.entries(previous)) {
        mkdirSync(dirname(join(root, 'dist', path)), { recursive: true });
        writeFileSync(join(root, 'dist', path), text);
      }
      const before = checksum(join(root, 'dist'));
      const build = () => inSlot(() => buildFixture(files, { root, env: row.env }));
      const result = await (row.late ? oneLate(build) : build());
      timings.push({ name: row.name, ms: result.ms, failed: !!row.fails });
      const out = result.output;
      for (const re of row.never ?? []) expect(out).not.toMatch(re);
      // Nothing is left next to dist/: no staging folder, no moved-aside old build.
      expect(readdirSync(root).filter((f) => f !== 'cache').sort()).toEqual(['content', 'dist']);
      if (row.fails) {
        expect(result.status, out).not.toBe(0);
        for (const re of row.fails) expect(out).toMatch(re);
        const last = out.trimEnd().split('\n').pop();
        expect(last).toMatch(/^Build failed \(exit code 1\): .*dist was left unchanged \(it still holds the previous build\)\.$/);
        expect(checksum(result.outDir)).toBe(before);
      } else {
        expect(result.status, out).toBe(0);
        expect(out).toMatch(/every step passed: .*dist replaced by this build/);
        for (const [path, present] of Object.entries(row.builds ?? {})) expect(existsSync(join(result.outDir, path)), path).toBe(present);
        expect(readFileSync(join(result.outDir, 'index.html'), 'utf8')).not.toContain('previous build');
      }
    }, 600_000);
  });
});
