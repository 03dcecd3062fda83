/**
 * The Markdown twins of the entry pages and the llms.txt files, from the same MDX and frontmatter as the pages
 * (src/lib/markdown-twin.ts converts; this file gathers what it needs from the content and the verification
 * records). Used by src/pages/[track]/[entry].md.ts, llms.txt.ts and llms-full.txt.ts.
 */
import { claims } from 'virtual:field-guide/sources';
import verified from './examples-verified.json';
import { getTrackEntries, type SiteEntry } from './site';
import { blockHash } from '../lib/codeblocks';
import { blockStatus, type VerifiedRecord } from '../lib/fence';
import { mdxToMarkdown, parseAttrs, type Attrs } from '../lib/markdown-twin';
import { extractQuestions, LEVELS } from '../lib/questions';
import { entryUrl } from '../lib/entries';
import { withBase } from '../lib/paths';
import type { TrackId } from '../tracks';

const records = (verified as { blocks?: Record<string, VerifiedRecord> }).blocks ?? {};

/** What the page shows under a code block, as text: "Ran in the tests" only when the record covers the code and its claimed output. */
export function codeMark(lang: string, meta: string, code: string): string | undefined {
  const status = blockStatus(lang, meta, blockHash(code), records, claims);
  if (status.kind === 'verified') return `Ran in the tests with ${status.verifiedWith.join(', ')}`;
  if (status.kind === 'norun') return `Not run in the tests: ${status.reason}`;
  if (status.kind === 'output' && status.verified === true) return 'Printed in the tests';
  if (status.kind === 'stale' || (status.kind === 'output' && status.verified === false)) return 'Not verified in the tests';
  return undefined;
}

/** The site's absolute root ("https://guide.example/base/"). */
export const siteRoot = (site: URL) => new URL(withBase(import.meta.env.BASE_URL), site).href;

/** An entry page's twin: /kafka/partitions.md next to /kafka/partitions/. */
export const twinPath = (track: string, id: string, base = withBase(import.meta.env.BASE_URL)) => `${base}${track}/${id}.md`;

/** The interview page's list of every question by level, as Markdown links. */
async function questionsByLevel(attrs: Attrs, root: string): Promise<string> {
  const track = (typeof attrs.track === 'string' ? attrs.track : 'kafka') as TrackId;
  const exclude = typeof attrs.exclude === 'string' ? attrs.exclude : 'interview-questions';
  const entries = (await getTrackEntries(track)).filter((s) => s.info.id !== exclude);
  const all = entries.flatMap((s) => extractQuestions(s.entry.body ?? '').map((q) => ({ ...q, href: new URL(entryUrl(track, s.info.id, '/').slice(1) + (q.id ? `#${q.id}` : ''), root).href, page: s.info.title })));
  return LEVELS.map((level) => {
    const list = all.filter((q) => q.level === level);
    return list.length ? [`**${level[0]!.toUpperCase()}${level.slice(1)}**`, '', ...list.map((q) => `- [${q.q}](${q.href}) (${q.page})`), ''].join('\n') : '';
  }).join('\n');
}

/** The Markdown twin of one entry. */
export async function entryMarkdown({ info, entry }: SiteEntry, site: URL): Promise<string> {
  const root = siteRoot(site);
  const body = entry.body ?? '';
  const data = entry.data as { docs?: { label: string; url: string }[] };
  const byLevel = /<QuestionsByLevel\b([^>]*)>/.exec(body);
  const components: Record<string, (a: Attrs) => string> = {};
  if (byLevel) {
    const md = await questionsByLevel(parseAttrs(byLevel[1]!.replace(/\/$/, '')), root);
    components.QuestionsByLevel = () => md;
  }
  const docs = data.docs ?? [];
  return mdxToMarkdown(body, {
    title: info.title,
    summary: info.summary,
    url: new URL(entryUrl(info.track, info.id, '/').slice(1), root).href,
    siteRoot: root,
    codeMark,
    components,
    footer: docs.length ? ['## Official documentation', '', ...docs.map((d) => `- [${d.label}](${d.url})`)] : [],
  });
}

/**
 * /llms.txt, after the llms.txt convention (llmstxt.org): the site's name as the title, its summary as a quote,
 * a note on what the files are, then one section of links per track, each to the entry's Markdown twin, and the
 * whole guide in one file under "Optional".
 */
export function llmsIndex(site: URL, name: string, description: string, tracks: { title: string; intro: string; entries: SiteEntry[] }[]): string {
  const root = siteRoot(site);
  const abs = (path: string) => new URL(path.replace(/^\//, ''), root).href;
  return [
    `# ${name}`,
    '',
    `> ${description}`,
    '',
    'Each link is the Markdown version of a page (the page\u2019s words and code without the site around it; code blocks say',
    'what the tests ran them with). The HTML page is the same URL without `.md`, with a trailing slash.',
    '',
    ...tracks.flatMap((t) => [
      `## ${t.title}`,
      '',
      t.intro,
      '',
      ...t.entries.map((s) => `- [${s.info.title}](${abs(twinPath(s.info.track, s.info.id, '/'))}): ${s.info.summary}`),
      '',
    ]),
    '## Optional',
    '',
    `- [The whole guide in one file](${abs('/llms-full.txt')}): every page above, in order`,
    '',
  ].join('\n');
}

/** /llms-full.txt: every twin in track order, after the same title and summary. */
export async function llmsFull(site: URL, name: string, description: string, entries: SiteEntry[]): Promise<string> {
  const pages = await Promise.all(entries.map((s) => entryMarkdown(s, site)));
  // Each page's headings move one level down under the guide's own title.
  const nested = pages.map((md) => md.replace(/^(#{1,5}) /gm, '#$1 ').replace(/^```[\s\S]*?^```/gm, (code) => code.replace(/^#(#{1,5}) /gm, '$1 ')));
  return [`# ${name}`, '', `> ${description}`, '', ...nested].join('\n');
}
