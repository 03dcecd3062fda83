/**
 * Checks over the MDX sources themselves, made before Astro reads them (src/integrations/content-sources.ts),
 * so a mistake is reported with the .mdx file and its line, not as a broken page elsewhere or a line of
 * generated code. Pure: the caller lists and reads the files.
 *
 * The rule for files in content/ (docs/AUTHORING.md): a page is `<track>/<name>.md` or `.mdx`, directly in
 * its track's folder. Files whose name starts with `_` or `.`, README files and files that are not .md/.mdx
 * are not pages and are ignored. An .md/.mdx file anywhere else (a subfolder of a track, content/ itself, a
 * folder that is not a track) is an error, since its author meant it to be a page.
 */
import GithubSlugger, { slug } from 'github-slugger';
import type { ContentError } from './content-error';
import type { EntryInfo } from './entries';
import yaml from 'js-yaml';
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { extractBlocksFrom, type CodeBlock } from './codeblocks';
import { parseSource, SourceSyntaxError, walk } from './mdx-source';

/** One mistake in one file: `file:line: message`, the message saying what to change. */
export interface SourceProblem {
  file: string;
  line?: number;
  message: string;
}

export const formatProblem = (p: SourceProblem) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

/** One error listing every problem, so a build reports them all at once. */
export function problemsError(problems: readonly SourceProblem[]): Error {
  const err = new Error(`Content check failed (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  err.name = 'ContentCheckError';
  // The problems are the whole story: a stack trace into this module would only send the author the wrong way.
  err.stack = `${err.name}: ${err.message}`;
  return err;
}

const IGNORED_NAME = /^(?:[_.].*|readme(?:\.[^.]*)?)$/i;

/**
 * What a file under content/ is, by its path relative to content/ ("kafka/topics.mdx"): a page, a file the
 * site ignores, or a problem.
 */
export function classifyContentFile(rel: string, tracks: readonly string[], file = `content/${rel}`): 'page' | 'ignored' | SourceProblem {
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  if (IGNORED_NAME.test(name) || !/\.mdx?$/i.test(name)) return 'ignored';
  if (parts.length === 1) return { file, message: `a page must be in a track's folder (${tracks.map((t) => `${file.slice(0, file.length - rel.length)}${t}/`).join(', ') || 'a folder with a _track.yml'}): move it there, or rename it to _${name} if it is not a page` };
  if (!tracks.includes(parts[0]!)) return { file, message: `"${parts[0]}" is not a track (tracks: ${tracks.join(', ') || 'none'}): add ${file.slice(0, file.length - rel.length)}${parts[0]}/_track.yml to make its folder one (docs/GENERATOR.md), or move the page into a track's folder` };
  if (parts.length > 2) return { file, message: `pages live directly in their track's folder, not in subfolders: move it to content/${parts[0]}/${name} (its URL is /${parts[0]}/<name>/), or rename it to _${name} if it is not a page` };
  return 'page';
}

export interface Frontmatter {
  problems: SourceProblem[];
  /** The fields, when the YAML is valid. */
  data?: Record<string, unknown>;
  /** The line of each top-level field. */
  lines: Record<string, number>;
}

/** The frontmatter must be a closed `---` block of valid YAML mapping keys to values (the schema checks the rest). */
export function readFrontmatter(source: string, file: string): Frontmatter {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const fail = (line: number, message: string): Frontmatter => ({ problems: [{ file, line, message }], lines: {} });
  if (lines[0]?.trimEnd() !== '---') return fail(1, 'a page starts with its frontmatter: a line ---, the fields (title, summary, order, …), and a closing ---');
  const end = lines.findIndex((l, k) => k > 0 && l.trimEnd() === '---');
  if (end < 0) return fail(1, 'the frontmatter opened here is never closed: add a line --- after its last field');
  const fieldLines: Record<string, number> = {};
  lines.slice(1, end).forEach((l, k) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (m) fieldLines[m[1]!] ??= k + 2;
  });
  try {
    const data = yaml.load(lines.slice(1, end).join('\n'), { filename: file });
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail(2, 'the frontmatter must be "field: value" lines');
    return { problems: [], data: data as Record<string, unknown>, lines: fieldLines };
  } catch (e) {
    const err = e as { mark?: { line: number }; reason?: string; message: string };
    let line = err.mark ? err.mark.line + 2 : 2;
    // An unclosed quote is reported where the stream ends; the mistake is on the line that opens it.
    const quote = /within a (double|single) quoted scalar/.exec(err.reason ?? '')?.[1];
    if (quote) {
      const q = quote === 'double' ? '"' : "'";
      const open = lines.slice(1, end).findIndex((l) => (l.split(q).length - 1) % 2 === 1);
      if (open >= 0) line = open + 2;
    }
    return fail(line, `frontmatter is not valid YAML: ${err.reason ?? err.message} (a value containing ": " or starting with a quote, [ or { must be quoted as a whole)`);
  }
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
const isJsx = (n: Nodes): n is JsxElement => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

const textOf = (n: Nodes): string => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? (n.children as Nodes[]).map(textOf).join('') : '');

/** Names an MDX page's ESM declares: imports and exported declarations. */
function declaredNames(tree: Nodes): Set<string> {
  const names = new Set<string>();
  for (const { node } of walk(tree)) {
    if (node.type !== 'mdxjsEsm') continue;
    const program = node.data?.estree;
    for (const stmt of program?.body ?? []) {
      if (stmt.type === 'ImportDeclaration') for (const s of stmt.specifiers) names.add(s.local.name);
      const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : stmt.type === 'VariableDeclaration' || stmt.type === 'FunctionDeclaration' ? stmt : null;
      if (decl?.type === 'VariableDeclaration') for (const d of decl.declarations) if (d.id.type === 'Identifier') names.add(d.id.name);
      if (decl?.type === 'FunctionDeclaration' && decl.id) names.add(decl.id.name);
    }
  }
  return names;
}

export interface PageCheckOptions {
  /** Component name → the path to import it from, for the message when an import is missing. */
  components?: Readonly<Record<string, string>>;
  /** Does a path relative to the page's folder exist? (For relative image paths.) */
  exists?: (relativePath: string) => boolean;
}

/** Every check of one page's source; also returns its code blocks (for the verification marks). */
export function checkPageSource(source: string, file: string, options: PageCheckOptions = {}): { problems: SourceProblem[]; blocks: CodeBlock[]; frontmatter: Frontmatter } {
  const frontmatter = readFrontmatter(source, file);
  const problems = [...frontmatter.problems];
  let parsed;
  try {
    parsed = parseSource(source, file);
  } catch (e) {
    if (e instanceof SourceSyntaxError) return { problems: [...problems, { file, line: e.line, message: e.reason }], blocks: [], frontmatter };
    throw e;
  }
  const blocks = extractBlocksFrom(parsed, file);
  for (const b of blocks) for (const err of b.errors) problems.push(problemOf(err, file));

  const declared = declaredNames(parsed.tree);
  const missing = new Map<string, number>();
  const questionIds = new Map<string, number>();
  const slugger = new GithubSlugger();
  const headingIds = new Map<string, number>();
  for (const { node } of walk(parsed.tree)) {
    const line = node.position?.start.line;
    if (isJsx(node) && node.name) {
      const root = node.name.split('.')[0]!;
      if (/^[A-Z]/.test(root) && !declared.has(root) && !missing.has(root)) missing.set(root, line ?? 1);
      if (node.name === 'Question') {
        const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
        const id = attr && typeof attr.value === 'string' ? attr.value : undefined;
        if (id !== undefined) {
          const first = questionIds.get(id);
          if (first !== undefined) problems.push({ file, line, message: `<Question id="${id}"> repeats the id of the question at line ${first}: ids are anchors and flashcard keys, give this one its own` });
          else questionIds.set(id, line ?? 1);
        }
      }
    }
    if (node.type === 'heading' && node.depth >= 2 && node.depth <= 3) headingIds.set(slugger.slug(textOf(node)), line ?? 1);
    if (node.type === 'image' && !/^(?:\/|#|[a-z][a-z0-9+.-]*:)/i.test(node.url) && options.exists && !options.exists(node.url.split(/[?#]/)[0]!)) {
      problems.push({ file, line, message: `image "${node.url}" does not exist next to this page: put pictures in public/images/ and write /images/<name>` });
    }
  }
  for (const [id, line] of questionIds) {
    const h = headingIds.get(id);
    if (h !== undefined) problems.push({ file, line, message: `<Question id="${id}"> has the id of the heading at line ${h}: two elements with one id break its anchor; rename the question's id` });
  }
  for (const [name, line] of missing) {
    const from = options.components?.[name];
    problems.push({ file, line, message: `<${name}> is used but not imported: add ${from ? `import ${name} from '${from}';` : `an import of ${name}`} after the frontmatter` });
  }
  return { problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), blocks, frontmatter };
}

/**
 * The entry as src/data/site.ts will see it, read from the frontmatter alone, so the checks over entries
 * (order, references, prerequisites in a circle) can run before Astro loads anything. Undefined when a field
 * they read has the wrong type: the schema reports that one.
 */
export function entryFromFrontmatter(track: string, fileName: string, file: string, data: Record<string, unknown>): EntryInfo | undefined {
  const strings = (v: unknown) => (v === undefined ? [] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  const prerequisites = strings(data.prerequisites);
  const related = strings(data.related);
  if (typeof data.order !== 'number' || !prerequisites || !related) return undefined;
  const refs: Record<string, string[]> = {};
  if (prerequisites.length) refs.prerequisites = prerequisites;
  if (related.length) refs.related = related;
  const id = typeof data.slug === 'string' ? data.slug : slug(fileName.replace(/\.mdx?$/i, ''));
  return { track, id, title: String(data.title ?? ''), summary: String(data.summary ?? ''), order: data.order, file, refs };
}

/**
 * Tracks that hold no page: a `_track.yml` whose folder has no page would make an empty index, a sidebar group,
 * a search filter and a print page of nothing.
 */
export function emptyTracks(tracks: readonly string[], pagesByTrack: ReadonlyMap<string, number>, trackFile: (track: string) => string): SourceProblem[] {
  return tracks.filter((t) => !pagesByTrack.get(t)).map((t) => ({ file: trackFile(t), message: `the track "${t}" has no page: add one (${t}/<name>.mdx), or remove the _track.yml if the folder is not a track` }));
}

/** A ContentError ("field: problem") as a source problem on the field's frontmatter line. */
export const fieldProblem = (e: ContentError, lines: Readonly<Record<string, number>>): SourceProblem => ({
  file: e.file,
  line: lines[e.field.replace(/\[.*$/, '')],
  message: `${e.field}: ${e.problem}`,
});

/** A block error is already "file:line: message"; split it back. */
function problemOf(err: string, file: string): SourceProblem {
  const m = /^(.*?):(\d+): ([\s\S]*)$/.exec(err);
  return m && m[1] === file ? { file, line: Number(m[2]), message: m[3]! } : { file, message: err };
}
