import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { claimsOf, type Claims } from '../lib/fence';
import { checkPrerequisiteCycles, checkReferences, checkUniqueOrder, type EntryInfo } from '../lib/entries';
import { checkPageSource, classifyContentFile, entryFromFrontmatter, fieldProblem, problemsError, type SourceProblem } from '../lib/source-checks';
import { TRACKS } from '../tracks';

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

/** Reads every file of the content folder and runs the source checks (src/lib/source-checks.ts). */
export function scanSources(root: string, contentDir: string): SourceScan {
  const tracks = TRACKS.map((t) => t.id);
  const components = knownComponents(root);
  const problems: SourceProblem[] = [];
  const blocks = [];
  const entries: EntryInfo[] = [];
  const fieldLines = new Map<string, Record<string, number>>();
  let pages = 0;
  for (const rel of listAll(contentDir)) {
    const path = join(contentDir, rel);
    // Paths as the author knows them: relative to the project, or absolute for content outside it.
    const file = relative(root, path).split(sep).join('/');
    const shown = file.startsWith('..') ? path : file;
    const kind = classifyContentFile(rel, tracks, shown);
    if (kind === 'ignored') continue;
    if (kind !== 'page') {
      problems.push(kind);
      continue;
    }
    pages++;
    const result = checkPageSource(readFileSync(path, 'utf8'), shown, { components, exists: (p) => existsSync(resolve(dirname(path), p)) });
    problems.push(...result.problems);
    blocks.push(...result.blocks);
    const { data, lines } = result.frontmatter;
    const [track, name] = rel.split('/') as [string, string];
    const entry = data && entryFromFrontmatter(track, name, shown, data);
    if (entry) entries.push(entry);
    fieldLines.set(shown, lines);
  }
  // The checks src/data/site.ts makes over entries, made here too, so they stop the build before it renders.
  const references = checkReferences(entries);
  if (process.env.LINK_CHECK === 'warn') references.length = 0; // site.ts warns about them
  for (const e of [...checkUniqueOrder(entries), ...references, ...checkPrerequisiteCycles(entries)]) problems.push(fieldProblem(e, fieldLines.get(e.file) ?? {}));
  return { pages, problems, claims: claimsOf(blocks) };
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
  const rescan = () => (scan = scanSources(rootDir, contentDir));
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
