/**
 * Code blocks of MDX pages: extraction, meta attributes, chains and output claims.
 *
 * Pure and synchronous (node:crypto and the MDX parser), so that both the example runner (tests/examples)
 * and the site renderer can use it. The convention is described in docs/EXAMPLES.md.
 */
import { createHash } from 'node:crypto';
import { parseSource, walk, type ParsedSource } from './mdx-source';

/** Parsed meta attributes: `key` → true, `key=value` / `key="value"` → the string. */
export type Meta = Record<string, string | true>;

/** A claim `# prints: VALUE` written in a code comment. */
export interface PrintClaim {
  /** 1-based line in the page. */
  line: number;
  value: string;
}

/** An `output` block placed right after a runnable block: its expected stdout. */
export interface OutputClaim {
  /** 1-based line of the `output` fence in the page. */
  line: number;
  text: string;
}

export interface CodeBlock {
  /** Path of the page, as given to extractBlocks. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 1-based line of the closing fence (the last line of the page if it is never closed). */
  endLine: number;
  /** Language (first word of the info string), lower-cased; '' when there is none. */
  lang: string;
  /** The info string after the language, verbatim (what a renderer sees as `meta`). */
  rawMeta: string;
  meta: Meta;
  /** The code exactly as between the fences (fence indentation removed, no final newline). */
  code: string;
  /** blockHash(code). */
  hash: string;
  /** Claimed stdout from a following `output` block, if any. */
  output?: OutputClaim;
  /** `# prints:` claims (python, bash and sh only). */
  prints: PrintClaim[];
  /** Authoring errors found in this block (e.g. `norun` without a reason). */
  errors: string[];
}

/** Languages that are executed (or, for `properties`, checked against Kafka) by default. */
export const RUN_LANGS = ['python', 'bash', 'sh', 'console', 'properties'] as const;
/** Languages that are parsed/linted but not executed. */
export const CHECK_LANGS = ['json', 'yaml', 'yml'] as const;
/** Engines a block can ask for with `requires=` (synonym `engine=`). */
export const ENGINES = ['kafka', 'aws', 'http', 'spark', 'airflow'] as const;
export type Engine = (typeof ENGINES)[number];

/** Kinds accepted by `properties kind=…`. */
export const PROPERTY_KINDS = ['broker', 'topic', 'producer', 'consumer', 'admin', 'connect', 'streams', 'mirrormaker'] as const;

/**
 * sha256 of the code text, first 16 hex characters: the key of a block's verification record. Trailing
 * newlines are not part of it, so the runner (which reads the MDX) and the renderer (which gets Shiki's
 * source) compute the same key for the same block.
 */
export function blockHash(code: string): string {
  return createHash('sha256').update(code.replace(/\n+$/, ''), 'utf8').digest('hex').slice(0, 16);
}

/**
 * The hash of a block's claimed output (the `output` block after it), or undefined when it claims none. A
 * verification record holds it next to the code's hash, so a claim edited after the run is not "verified".
 * (`# prints:` claims and a console block's output are part of the code, so the code's hash covers them.)
 */
export function outputHash(block: Pick<CodeBlock, 'output'>): string | undefined {
  return block.output ? blockHash(block.output.text) : undefined;
}

/**
 * Parse a fence's meta string: space-separated `key`, `key=value`, `key="value with spaces"`
 * (single quotes too; `\"` escapes a quote). Keys are lower-cased. A later key wins.
 */
export function parseMeta(meta: string): Meta {
  const out: Meta = {};
  const re = /([^\s=]+)(?:=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S*)))?/g;
  for (const m of (meta ?? '').matchAll(re)) {
    const key = m[1]!.toLowerCase();
    const quoted = m[2] ?? m[3];
    if (quoted !== undefined) out[key] = quoted.replace(/\\(.)/g, '$1');
    else if (m[4] !== undefined) out[key] = m[4];
    else out[key] = true;
  }
  return out;
}

/** The engines a block needs, from `requires=` / `engine=` (comma lists allowed). */
export function requirements(block: Pick<CodeBlock, 'meta'>): Engine[] {
  const found = new Set<string>();
  for (const key of ['requires', 'engine']) {
    const v = block.meta[key];
    if (typeof v === 'string') for (const e of v.split(',')) if (e.trim()) found.add(e.trim().toLowerCase());
  }
  return [...found].sort() as Engine[];
}

/** True when the block is executed (or checked against Kafka config names, for `properties`). */
export function isRunnable(block: Pick<CodeBlock, 'lang' | 'meta'>): boolean {
  return (RUN_LANGS as readonly string[]).includes(block.lang) && block.meta.norun === undefined;
}

/** True when the block is parsed/linted but not executed (json, yaml). */
export function isChecked(block: Pick<CodeBlock, 'lang' | 'meta'>): boolean {
  return (CHECK_LANGS as readonly string[]).includes(block.lang) && block.meta.norun === undefined;
}

/** True when the runner verifies the block (run or check), i.e. it gets a verification record. */
export function isVerified(block: Pick<CodeBlock, 'lang' | 'meta'>): boolean {
  return isRunnable(block) || isChecked(block);
}

/**
 * Extract the fenced code blocks of an MDX/Markdown source, with their line numbers, language, meta, claimed
 * output and authoring errors. The page is read by the MDX parser (src/lib/mdx-source.ts), so these are exactly
 * the blocks the page renders: fences inside components, tilde fences, indented fences. A page that is not
 * valid MDX gives no blocks and throws SourceSyntaxError.
 */
export function extractBlocks(source: string, file: string): CodeBlock[] {
  return extractBlocksFrom(parseSource(source, file), file);
}

/** extractBlocks of a page already parsed. */
export function extractBlocksFrom({ tree, lines }: ParsedSource, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const { node } of walk(tree)) {
    if (node.type !== 'code' || !node.position) continue;
    const line = node.position.start.line;
    const last = node.position.end.line;
    const open = /^\s*(`{3,}|~{3,})/.exec(lines[line - 1] ?? '');
    if (!open) continue; // an indented code block (plain Markdown only): not a fence
    const fence = open[1]!;
    const closeRe = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const closed = last > line && closeRe.test(lines[last - 1] ?? '');
    const lang = (node.lang ?? '').toLowerCase();
    // The info string as written: Markdown unescapes backslashes in the parsed `meta` (`\"` becomes `"`), which
    // would break a quoted attribute that holds a quote; the fence line keeps them for parseMeta.
    const info = (lines[line - 1] ?? '').replace(/^\s*(`{3,}|~{3,})/, '').trim();
    const rawMeta = node.lang ? info.slice(info.indexOf(node.lang) + node.lang.length).trim() : (node.meta ?? '').trim();
    const code = node.value;
    blocks.push({
      file,
      line,
      endLine: last,
      lang,
      rawMeta,
      meta: parseMeta(rawMeta),
      code,
      hash: blockHash(code),
      prints: ['python', 'bash', 'sh'].includes(lang) ? printClaims(code, line + 1) : [],
      errors: fenceErrors(file, line, fence, lang, closed, code),
    });
  }
  attachOutputs(blocks, lines);
  for (const b of blocks) b.errors.push(...metaErrors(b));
  chainErrors(blocks);
  return blocks;
}

/**
 * A fence never closed, or closed early, turns code into prose or prose into code. Both show as a fence that
 * reaches the end of the page (or of its component) without a closing line, or as an opening fence with a
 * language inside a block (the block before it was not closed), or as a fence without a language (the stray
 * half of a pair that closed too early): every fence on this site names its language.
 */
function fenceErrors(file: string, line: number, fence: string, lang: string, closed: boolean, code: string): string[] {
  const errs: string[] = [];
  if (!closed) errs.push(`${file}:${line}: code fence is never closed: add a line ${fence} after the code`);
  const inner = new RegExp(`^\\s*(${fence[0] === '`' ? '`' : '~'}{${fence.length},})([A-Za-z][\\w+-]*)`);
  code.split('\n').forEach((l, k) => {
    const m = inner.exec(l);
    if (m) errs.push(`${file}:${line + 1 + k}: "${m[1]}${m[2]}" opens a fence inside the block that starts at line ${line}: close that block with ${fence} before it (to show a fence inside a block, open the outer one with ${fence[0]!.repeat(fence.length + 1)})`);
  });
  if (lang === '') errs.push(`${file}:${line}: code fence without a language: name one (\`\`\`text for plain text); a fence without one is usually the stray half of a block closed too early`);
  return errs;
}

/** Attach each `output` block to the runnable block right before it (only blank lines between). */
function attachOutputs(blocks: CodeBlock[], lines: string[]): void {
  for (let k = 1; k < blocks.length; k++) {
    const out = blocks[k]!;
    const prev = blocks[k - 1]!;
    if (out.lang !== 'output' || !isRunnable(prev)) continue;
    if (lines.slice(prev.endLine, out.line - 1).every((l) => l.trim() === '')) {
      prev.output = { line: out.line, text: out.code };
    }
  }
}

function metaErrors(b: CodeBlock): string[] {
  const at = `${b.file}:${b.line}`;
  const errs: string[] = [];
  const norun = b.meta.norun;
  if (norun !== undefined && (norun === true || norun.trim() === '')) errs.push(`${at}: norun needs a reason: norun="why this is not run"`);
  for (const e of requirements(b)) {
    if (!(ENGINES as readonly string[]).includes(e)) errs.push(`${at}: unknown engine "${e}" (known: ${ENGINES.join(', ')})`);
  }
  const t = b.meta.timeout;
  if (t !== undefined && !(typeof t === 'string' && /^[1-9]\d*$/.test(t))) errs.push(`${at}: timeout must be a number of seconds`);
  const kind = b.meta.kind;
  if (b.lang === 'properties' && kind !== undefined && !(PROPERTY_KINDS as readonly string[]).includes(String(kind))) {
    errs.push(`${at}: unknown properties kind "${kind}" (known: ${PROPERTY_KINDS.join(', ')})`);
  }
  return errs;
}

function chainErrors(blocks: CodeBlock[]): void {
  for (const unit of groupChains(blocks)) {
    const head = unit[0]!;
    if (head.meta.chain !== undefined) {
      head.errors.push(`${head.file}:${head.line}: "chain" but there is no runnable ${head.lang} block before it on this page`);
    }
  }
}

/**
 * Group the runnable blocks of one page into units that run in one process: a block with meta
 * `chain` joins the unit of the previous runnable block of the same language.
 * Units are returned in page order (by their first block).
 */
export function groupChains(blocks: CodeBlock[]): CodeBlock[][] {
  const units: CodeBlock[][] = [];
  const lastByLang = new Map<string, CodeBlock[]>();
  for (const b of blocks) {
    if (!isRunnable(b)) continue;
    const prev = lastByLang.get(b.lang);
    if (b.meta.chain !== undefined && prev) {
      prev.push(b);
      continue;
    }
    const unit = [b];
    units.push(unit);
    lastByLang.set(b.lang, unit);
  }
  return units;
}

/** `# prints: VALUE` claims in code comments, with their page line (firstLine = page line of code line 1). */
export function printClaims(code: string, firstLine: number): PrintClaim[] {
  const claims: PrintClaim[] = [];
  code.split('\n').forEach((l, k) => {
    const m = /#\s*prints:\s?(.*)$/.exec(l);
    if (m) claims.push({ line: firstLine + k, value: m[1]!.trimEnd() });
  });
  return claims;
}

/** A command of a `console` block and the output shown under it. */
export interface ConsoleCommand {
  /** Page line of the `$ ` line. */
  line: number;
  command: string;
  /** The claimed output lines ('' when none is shown). */
  output: string;
}

/**
 * Split a `console` block into commands (`$ ` lines; a line ending in `\` continues onto the next
 * line, which may start with `> `) and the output shown after each.
 */
export function parseConsole(code: string, firstLine: number): ConsoleCommand[] {
  const cmds: ConsoleCommand[] = [];
  const lines = code.split('\n');
  let outLines: string[] = [];
  const flush = () => {
    const last = cmds[cmds.length - 1];
    if (last) last.output = outLines.join('\n');
    outLines = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.startsWith('$ ') || l === '$') {
      flush();
      const start = k;
      let cmd = l.slice(2);
      while (/\\$/.test(cmd) && k + 1 < lines.length) {
        k++;
        cmd += '\n' + lines[k]!.replace(/^> /, '');
      }
      cmds.push({ line: firstLine + start, command: cmd, output: '' });
    } else {
      outLines.push(l);
    }
  }
  flush();
  return cmds;
}

/** Keys of a `.properties` text with their page line (comments, blanks and continuations skipped). */
export function propertyKeys(code: string, firstLine: number): { key: string; line: number }[] {
  const keys: { key: string; line: number }[] = [];
  let continued = false;
  code.split('\n').forEach((raw, k) => {
    const l = raw.trim();
    const wasContinued = continued;
    continued = /(^|[^\\])(\\\\)*\\$/.test(l);
    if (wasContinued || l === '' || l.startsWith('#') || l.startsWith('!')) return;
    const m = /^((?:[^\\=:\s]|\\.)+)/.exec(l);
    if (m) keys.push({ key: m[1]!.replace(/\\(.)/g, '$1'), line: firstLine + k });
  });
  return keys;
}

/** Top-level modules imported by Python code (`import a.b`, `from a import b`; relative imports skipped). */
export function pythonImports(code: string): string[] {
  const mods = new Set<string>();
  for (const l of code.split('\n')) {
    const from = /^\s*from\s+([A-Za-z_]\w*)[\w.]*\s+import\b/.exec(l);
    if (from) mods.add(from[1]!);
    const imp = /^\s*import\s+(.+)$/.exec(l);
    if (imp) {
      for (const part of imp[1]!.split('#')[0]!.split(',')) {
        const m = /^\s*([A-Za-z_]\w*)/.exec(part);
        if (m) mods.add(m[1]!);
      }
    }
  }
  return [...mods].sort();
}

/** Result of comparing claimed with actual output. */
export interface MatchResult {
  ok: boolean;
  /** Human-readable explanation when !ok. */
  message: string;
}

function normalize(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lineMatches(expected: string, actual: string): boolean {
  if (!expected.includes('...')) return expected === actual;
  const pattern = expected
    .split('...')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 's').test(actual);
}

/**
 * Compare a claimed output (an `output` block, or the output lines of a console command) with the
 * actual stdout. Trailing whitespace of each line and leading/trailing blank lines are ignored;
 * `...` inside an expected line matches any run of characters within that line.
 */
export function matchOutput(expected: string, actual: string): MatchResult {
  const exp = normalize(expected);
  const act = normalize(actual);
  const n = Math.max(exp.length, act.length);
  for (let k = 0; k < n; k++) {
    const e = exp[k];
    const a = act[k];
    if (e === undefined || a === undefined || !lineMatches(e, a)) {
      const where = e === undefined ? 'unexpected extra output' : a === undefined ? 'output ended early' : 'lines differ';
      return {
        ok: false,
        message:
          `output line ${k + 1}: ${where}\n` +
          `  expected: ${e === undefined ? '(nothing)' : JSON.stringify(e)}\n` +
          `  actual:   ${a === undefined ? '(nothing)' : JSON.stringify(a)}\n` +
          `--- expected\n${exp.join('\n')}\n--- actual\n${act.join('\n')}`,
      };
    }
  }
  return { ok: true, message: '' };
}

/**
 * Check `# prints:` claims: each value must equal (trailing whitespace ignored) a line of stdout,
 * and the matched lines must appear in the claims' order.
 */
export function matchPrints(claims: PrintClaim[], actual: string): MatchResult {
  const act = actual.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  let pos = 0;
  for (const c of claims) {
    const at = act.indexOf(c.value, pos);
    if (at < 0) {
      const anywhere = act.includes(c.value);
      return {
        ok: false,
        message:
          `line ${c.line}: "# prints: ${c.value}" ${anywhere ? 'is printed, but before the previous claim (claims must be in output order)' : 'is not a line of the output'}\n` +
          `--- actual stdout\n${normalize(actual).join('\n')}`,
      };
    }
    pos = at + 1;
  }
  return { ok: true, message: '' };
}

/**
 * Pure checks of an IAM policy document beyond what parliament lints: `"Version": "2012-10-17"`
 * and no `*` in any Action / NotAction / Resource / NotResource (unless the block is an antipattern).
 * Returns a list of problems.
 */
/** arn:partition:service:region:account:resource/* — one named resource's contents, the only wildcard allowed. */
const SCOPED_RESOURCE = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:[^*]+[/:]\*$/;

export function policyProblems(doc: unknown, antipattern: boolean): string[] {
  const problems: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['a policy must be a JSON object'];
  const d = doc as Record<string, unknown>;
  if (d.Version !== '2012-10-17') problems.push('policy needs "Version": "2012-10-17"');
  if (!antipattern) {
    const stmts = Array.isArray(d.Statement) ? d.Statement : d.Statement ? [d.Statement] : [];
    stmts.forEach((s, k) => {
      if (typeof s !== 'object' || s === null) return;
      for (const field of ['Action', 'NotAction', 'Resource', 'NotResource']) {
        const v = (s as Record<string, unknown>)[field];
        const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
        for (const x of values) {
          if (!x.includes('*')) continue;
          // A specific resource may end in a path wildcard (every object under one prefix, the streams of one
          // log group); a wildcard anywhere else, or in an action, grants more than the example needs.
          if ((field === 'Resource' || field === 'NotResource') && SCOPED_RESOURCE.test(x)) continue;
          problems.push(`Statement ${k + 1}: ${field} "${x}" contains "*" (mark the block "antipattern" if that is the point)`);
        }
      }
    });
  }
  return problems;
}

/** One piece of a unit's stdout: a whole python/bash block, or one command of a console block. */
export interface Segment {
  block: CodeBlock;
  command?: ConsoleCommand;
}

/** The program that runs a unit (a block or a chain), and how its stdout splits into segments. */
export interface UnitScript {
  /** 'python' or 'bash' */
  interpreter: 'python' | 'bash';
  script: string;
  segments: Segment[];
}

/**
 * Build the program for a unit. Before each segment it prints a line `<mark>:<index>` (preceded by a
 * newline) so the stdout can be split per block / per console command with splitSegments.
 * Python and bash code keep their page line numbers (code line N of the page is line N of the
 * script; the marker sits on the fence line), so errors point at the page. `rewrite` is applied to
 * each block's code (the runner uses it to swap laptop addresses for the engines' real ones).
 */
export function buildScript(unit: CodeBlock[], mark: string, rewrite: (code: string) => string = (c) => c): UnitScript {
  const lang = unit[0]!.lang;
  const segments: Segment[] = [];
  if (lang === 'console') {
    const parts: string[] = [];
    for (const block of unit) {
      for (const command of parseConsole(block.code, block.line + 1)) {
        parts.push(`printf '\\n%s\\n' '${mark}:${segments.length}'`, `{\n${rewrite(command.command)}\n} 2>&1`);
        segments.push({ block, command });
      }
    }
    return { interpreter: 'bash', script: parts.join('\n') + '\n', segments };
  }
  if (lang !== 'python' && lang !== 'bash' && lang !== 'sh') throw new Error(`cannot build a script for ${lang} blocks`);
  const lines: string[] = [];
  for (const block of unit) {
    while (lines.length < block.line - 1) lines.push('');
    lines.push(
      lang === 'python'
        ? `__import__("sys").stdout.write("\\n${mark}:${segments.length}\\n"); __import__("sys").stdout.flush()`
        : `printf '\\n%s\\n' '${mark}:${segments.length}'`,
    );
    lines.push(...rewrite(block.code).split('\n'));
    segments.push({ block });
  }
  return { interpreter: lang === 'python' ? 'python' : 'bash', script: lines.join('\n') + '\n', segments };
}

/**
 * Split a unit's stdout at the markers written by buildScript. Returns the text of each segment that
 * started (index = segment index); segments that never started are missing from the end.
 */
export function splitSegments(stdout: string, mark: string): string[] {
  const parts = stdout.split(new RegExp(`\\n${mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)\\n`));
  const out: string[] = [];
  for (let k = 1; k + 1 < parts.length; k += 2) out[Number(parts[k])] = parts[k + 1]!;
  return out;
}

/** A failed claim: which block, which page line, and why. */
export interface ClaimFailure {
  block: CodeBlock;
  line: number;
  message: string;
}

/** Compare the claims of each segment (`output` blocks, `# prints:`, console output) with its stdout. */
export function checkClaims(script: UnitScript, outputs: string[]): ClaimFailure[] {
  const failures: ClaimFailure[] = [];
  const byBlock = new Map<CodeBlock, string>();
  script.segments.forEach((seg, k) => {
    const out = outputs[k];
    if (out === undefined) return;
    byBlock.set(seg.block, (byBlock.get(seg.block) ?? '') + out);
    if (seg.command && seg.command.output.trim() !== '') {
      const r = matchOutput(seg.command.output, out);
      if (!r.ok) failures.push({ block: seg.block, line: seg.command.line, message: `$ ${seg.command.command}\n${r.message}` });
    }
  });
  for (const [block, out] of byBlock) {
    if (block.output) {
      const r = matchOutput(block.output.text, out);
      if (!r.ok) failures.push({ block, line: block.output.line, message: `output block does not match stdout: ${r.message}` });
    }
    if (block.prints.length) {
      const r = matchPrints(block.prints, out);
      if (!r.ok) failures.push({ block, line: block.line, message: r.message });
    }
  }
  return failures;
}
