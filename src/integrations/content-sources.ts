import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { isVerified, outputHash } from '../lib/codeblocks';
import { claimsOf, type Claims } from '../lib/fence';
import { checkPrerequisiteCycles, checkReferences, checkUniqueOrder, type EntryInfo } from '../lib/entries';
import { checkPageSource, classifyContentFile, emptyTracks, entryFromFrontmatter, fieldProblem, problemsError, type SourceProblem } from '../lib/source-checks';
import { readGuide } from '../lib/guide';

const VIRTUAL = 'virtual:field-guide/sources';
const RESOLVED = `\0${VIRTUAL}`;

export interface SourceScan {
  pages: number;
  problems: SourceProblem[];
  claims: Claims;
}

function listAll(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Components a page may import, by name, with the import path to suggest when the import is missing. */
function knownComponents(root: string): Record<string, string> {
  const base = join(root, 'src/components');
  const known: Record<string, string> = {};
  for (const sub of ['content', 'diagrams']) {
    for (const f of listAll(join(base, sub))) if (f.endsWith('.astro')) known[f.slice(f.lastIndexOf('/') + 1, -6)] = `@components/${sub}/${f}`;
  }
  return known;
}

/** What the checks found in one page, as kept in the cache. */
interface PageScan {
  problems: SourceProblem[];
  /** [blockHash, outputHash or ''] of each verified block. */
  verified: [string, string][];
  data?: Record<string, unknown>;
  lines: Record<string, number>;
}

/** A relative image's existence is not in the page's text, so such a page is checked on every scan. */
const RELATIVE_IMAGE = /!\[[^\]]*\]\((?!\/|#|[a-z][a-z0-9+.-]*:)/i;

/**
 * Reads every file of the content folder and runs the source checks (src/lib/source-checks.ts). With a
 * cache file, a page whose text (and the checks' own code) is unchanged since the last scan is not parsed
 * again: the MDX parser is the slow part.
 */
export function scanSources(root: string, contentDir: string, cacheFile?: string): SourceScan {
  // Paths as the author knows them: relative to the project, or absolute for content outside it.
  const shownPath = (path: string) => {
    const file = relative(root, path).split(sep).join('/');
    return file.startsWith('..') ? path : file;
  };
  // The guide's description (_site.yml, each _track.yml), read by src/lib/guide.ts: a problem there stops the build here too.
  const guide = readGuide(contentDir);
  const tracks = guide.tracks.map((t) => t.id);
  const pagesByTrack = new Map<string, number>();
  const components = knownComponents(root);
  const version = createHash('sha256').update(JSON.stringify(components));
  for (const f of ['source-checks.ts', 'codeblocks.ts', 'mdx-source.ts', 'entries.ts']) version.update(readFileSync(join(root, 'src/lib', f)));
  const v = version.digest('hex').slice(0, 16);
  let cache: Record<string, PageScan> = {};
  if (cacheFile && existsSync(cacheFile)) {
    try {
      cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, PageScan>;
    } catch {
      cache = {};
    }
  }
  const nextCache: Record<string, PageScan> = {};
  const problems: SourceProblem[] = guide.problems.map((p) => ({ file: shownPath(resolve(p.file)), message: p.message }));
  const verified: [string, string][] = [];
  const entries: EntryInfo[] = [];
  const fieldLines = new Map<string, Record<string, number>>();
  let pages = 0;
  for (const rel of listAll(contentDir)) {
    const path = join(contentDir, rel);
    const shown = shownPath(path);
    const kind = classifyContentFile(rel, tracks, shown);
    if (kind === 'ignored') continue;
    if (kind !== 'page') {
      problems.push(kind);
      continue;
    }
    pages++;
    const track0 = rel.slice(0, rel.indexOf('/'));
    pagesByTrack.set(track0, (pagesByTrack.get(track0) ?? 0) + 1);
    const text = readFileSync(path, 'utf8');
    const key = createHash('sha256').update(`${v}\0${shown}\0`).update(text).digest('hex').slice(0, 32);
    let page = cache[key];
    if (!page) {
      const result = checkPageSource(text, shown, { components, exists: (p) => existsSync(resolve(dirname(path), p)) });
      page = {
        problems: result.problems,
        verified: result.blocks.filter(isVerified).map((b) => [b.hash, outputHash(b) ?? '']),
        data: result.frontmatter.data,
        lines: result.frontmatter.lines,
      };
    }
    if (!RELATIVE_IMAGE.test(text)) nextCache[key] = page;
    problems.push(...page.problems);
    verified.push(...page.verified);
    const { data, lines } = page;
    const [track, name] = rel.split('/') as [string, string];
    const entry = data && entryFromFrontmatter(track, name, shown, data);
    if (entry) entries.push(entry);
    fieldLines.set(shown, lines);
  }
  problems.push(...emptyTracks(tracks, pagesByTrack, (t) => shownPath(join(contentDir, t, '_track.yml'))));
  // The checks src/data/site.ts makes over entries, made here too, so they stop the build before it renders.
  const references = checkReferences(entries);
  if (process.env.LINK_CHECK === 'warn') references.length = 0; // site.ts warns about them
  for (const e of [...checkUniqueOrder(entries), ...references, ...checkPrerequisiteCycles(entries)]) problems.push(fieldProblem(e, fieldLines.get(e.file) ?? {}));
  if (cacheFile) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(nextCache));
    renameSync(tmp, cacheFile);
  }
  return { pages, problems, claims: claimsOf(verified) };
}

/**
 * The source checks, run on every build before Astro reads content/ (so malformed frontmatter is reported with
 * its line, and a build with bad sources stops within seconds, before rendering anything), and served to the
 * pages as `virtual:field-guide/sources`: the claims the code blocks' verification marks compare with their
 * records (src/lib/fence.ts), and, in `astro dev`, the problems, which src/data/site.ts throws so they show
 * in the error overlay. The dev server rescans when a file in content/ changes.
 */
export function contentSources(): AstroIntegration {
  let scan: SourceScan | undefined;
  let rootDir = '';
  let contentDir = '';
  let cacheFile = '';
  const rescan = () => (scan = scanSources(rootDir, contentDir, cacheFile));
  const plugin: Plugin = {
    name: 'field-guide:content-sources',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return;
      const { problems, claims } = scan ?? rescan();
      return `export const problems = ${JSON.stringify(problems)};\nexport const claims = ${JSON.stringify(claims)};\n`;
    },
    configureServer(server) {
      server.watcher.add(contentDir);
      const changed = (path: string) => {
        if (!resolve(path).startsWith(contentDir + sep)) return;
        rescan();
        for (const env of Object.values(server.environments)) {
          const mod = env.moduleGraph.getModuleById(RESOLVED);
          if (mod) env.moduleGraph.invalidateModule(mod);
        }
      };
      server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
    },
  };
  return {
    name: 'field-guide:content-sources',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, command, logger }) => {
        rootDir = fileURLToPath(config.root).replace(/\/$/, '');
        contentDir = resolve(rootDir, process.env.CONTENT_DIR ?? './content');
        cacheFile = join(fileURLToPath(config.cacheDir), 'field-guide-sources.json');
        updateConfig({ vite: { plugins: [plugin] } });
        if (command !== 'build') return;
        // The first thing a build does (this integration is the first in the config), before Astro syncs content.
        const started = performance.now();
        const { problems, pages } = rescan();
        if (problems.length) throw problemsError(problems);
        logger.info(`checked the sources of ${pages} pages in ${Math.round(performance.now() - started)} ms: no problems`);
      },
    },
  };
}
