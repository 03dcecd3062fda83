/**
 * Figures in MDX sources: where each <Figure> and each ```mermaid fence is, with its line, and the authoring
 * errors the build reports as `file:line: message` (a diagram outside a Figure, a Figure without a caption or
 * without a text equivalent, a bad diagram line). Also the small contract between CodeBlock.astro (which
 * receives a mermaid fence) and Figure.astro (which draws it). Pure; tests in tests/unit/figures.test.ts.
 */
import { extractBlocks } from './codeblocks';
import { validateDiagram } from './diagram-validate';

/** A ```mermaid fence of a page. */
export interface DiagramSource {
  /** 1-based line of the opening fence in the file. */
  line: number;
  code: string;
}

export interface FigureInfo {
  /** 1-based line of `<Figure`. */
  line: number;
  caption?: string;
  alt?: string;
  steps?: string[];
  diagrams: DiagramSource[];
}

export interface FigureScan {
  figures: FigureInfo[];
  /** Every mermaid fence of the page (inside a Figure or not). */
  diagrams: DiagramSource[];
  /** `file:line: message`, in line order. */
  errors: string[];
}

const MARKER = /<template data-diagram="([A-Za-z0-9_-]*)"><\/template>/;

/** What CodeBlock.astro puts in place of a mermaid fence: the source, base64url-encoded, for the Figure around it. */
export function encodeDiagramMarker(source: string): string {
  return `<template data-diagram="${Buffer.from(source, 'utf8').toString('base64url')}"></template>`;
}

/** The diagram source in a Figure's rendered slot, or undefined when the slot holds something else (hand-drawn SVG). */
export function decodeDiagramMarker(html: string): string | undefined {
  const m = MARKER.exec(html);
  if (!m) return undefined;
  const rest = html.replace(MARKER, '').trim();
  if (rest !== '') throw new Error('<Figure> with a mermaid diagram holds something else too: put one diagram and nothing else in it');
  return Buffer.from(m[1]!, 'base64url').toString('utf8');
}

/**
 * How a diagram of a given drawn width is laid out: it shrinks with the column down to MIN_SCALE of its size (so its
 * 11-13 px labels stay readable, at about 9 px or more); a diagram wider than the column at that scale keeps that minimum
 * width and scrolls sideways in its own region.
 */
export const MIN_SCALE = 0.8;
/** About the narrowest text column: a 390 px phone minus the page's and the figure's padding. */
export const NARROW_COLUMN = 320;

export function diagramLayout(width: number): { scroll: boolean; minWidth?: number } {
  const min = Math.round(width * MIN_SCALE);
  return min > NARROW_COLUMN ? { scroll: true, minWidth: min } : { scroll: false };
}

/** A JS string literal at s[i] (quote ', " or ` without ${}), returning its value and the index after it. */
function readJsString(s: string, i: number): { value: string; end: number } | undefined {
  const q = s[i];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  let out = '';
  for (let k = i + 1; k < s.length; k++) {
    const c = s[k]!;
    if (c === '\\') {
      const n = s[k + 1];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
      k++;
    } else if (c === q) return { value: out, end: k + 1 };
    else if (q === '`' && c === '$' && s[k + 1] === '{') return undefined;
    else out += c;
  }
  return undefined;
}

/** Index after the balanced {…} starting at s[i] (strings inside skipped), or -1. */
function braceEnd(s: string, i: number): number {
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    const c = s[k]!;
    if (c === '"' || c === "'" || c === '`') {
      const str = readJsString(s, k);
      if (!str) return -1;
      k = str.end - 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k + 1;
  }
  return -1;
}

/** An array literal of string literals (`["a", 'b',]`), or undefined if the expression is anything else. */
function stringArray(expr: string): string[] | undefined {
  const s = expr.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return undefined;
  const out: string[] = [];
  let k = 1;
  const skip = () => {
    while (k < s.length - 1 && /\s/.test(s[k]!)) k++;
  };
  for (;;) {
    skip();
    if (k >= s.length - 1) return out;
    const str = readJsString(s, k);
    if (!str) return undefined;
    out.push(str.value);
    k = str.end;
    skip();
    if (s[k] === ',') k++;
    else if (k < s.length - 1) return undefined;
  }
}

interface Attr {
  name: string;
  /** A string value ("…" or {"…"}); undefined for other expressions. */
  text?: string;
  /** The raw expression of name={…}. */
  expr?: string;
}

/** Attributes of a JSX opening tag starting at src[i] (at "<Figure"); returns them and the index after ">". */
function readTag(src: string, i: number): { attrs: Attr[]; end: number; selfClosing: boolean } | undefined {
  const attrs: Attr[] = [];
  let k = i + '<Figure'.length;
  while (k < src.length) {
    while (k < src.length && /\s/.test(src[k]!)) k++;
    if (src.startsWith('/>', k)) return { attrs, end: k + 2, selfClosing: true };
    if (src[k] === '>') return { attrs, end: k + 1, selfClosing: false };
    const name = /^[A-Za-z_][\w:-]*/.exec(src.slice(k))?.[0];
    if (!name) return undefined;
    k += name.length;
    while (/\s/.test(src[k] ?? '')) k++;
    if (src[k] !== '=') {
      attrs.push({ name, text: 'true' });
      continue;
    }
    k++;
    while (/\s/.test(src[k] ?? '')) k++;
    if (src[k] === '"' || src[k] === "'") {
      const close = src.indexOf(src[k]!, k + 1);
      if (close < 0) return undefined;
      attrs.push({ name, text: src.slice(k + 1, close) });
      k = close + 1;
    } else if (src[k] === '{') {
      const end = braceEnd(src, k);
      if (end < 0) return undefined;
      const expr = src.slice(k + 1, end - 1);
      const str = readJsString(expr.trim(), 0);
      attrs.push({ name, expr, text: str && str.end === expr.trim().length ? str.value : undefined });
      k = end;
    } else return undefined;
  }
  return undefined;
}

const lineAt = (src: string, index: number) => src.slice(0, index).split('\n').length;

/**
 * Find the Figures and the mermaid fences of one MDX source, and what is wrong with them. Fences of other
 * languages are skipped (a `<Figure` inside a code example is text, not a component).
 */
export function scanFigures(source: string, file: string): FigureScan {
  const src = source.replace(/\r\n?/g, '\n');
  const blocks = extractBlocks(src, file);
  const lines = src.split('\n');
  const lineStart: number[] = [];
  lines.reduce((at, l) => (lineStart.push(at), at + l.length + 1), 0);
  const inFence = (line: number) => blocks.some((b) => line >= b.line && line <= b.endLine);
  const errors: { line: number; message: string }[] = [];
  const err = (line: number, message: string) => errors.push({ line, message });

  // Figures: opening tags outside code fences, each up to its </Figure>.
  const figures: (FigureInfo & { endLine: number })[] = [];
  const open = /<Figure(?=[\s/>])/g;
  for (const m of src.matchAll(open)) {
    const line = lineAt(src, m.index);
    if (inFence(line)) continue;
    const tag = readTag(src, m.index);
    if (!tag) {
      err(line, '<Figure> tag could not be read: check its quotes and braces');
      continue;
    }
    const get = (n: string) => tag.attrs.find((a) => a.name === n);
    const fig: FigureInfo & { endLine: number } = { line, diagrams: [], endLine: line };
    const caption = get('caption');
    const alt = get('alt');
    const steps = get('steps');
    fig.caption = caption?.text;
    fig.alt = alt?.text;
    if (!caption) err(line, '<Figure> needs a caption="…"');
    else if (caption.text === undefined) err(line, '<Figure> caption must be a plain string');
    else if (caption.text.trim() === '') err(line, '<Figure> caption is empty');
    if (alt && alt.text === undefined) err(line, '<Figure> alt must be a plain string');
    else if (alt && alt.text!.trim() === '') err(line, '<Figure> alt is empty: say what the picture shows');
    if (steps) {
      const list = steps.expr === undefined ? undefined : stringArray(steps.expr);
      if (!list) err(line, '<Figure> steps must be a list of strings: steps={["First …", "Then …"]}');
      else if (list.length < 2) err(line, `<Figure> steps needs at least two steps (has ${list.length})`);
      else if (list.some((s) => s.trim() === '')) err(line, '<Figure> steps has an empty step');
      else fig.steps = list;
    }
    if (!alt && !steps) err(line, '<Figure> needs a text equivalent: alt="…" (what the picture shows) or steps={[…]} (a process, in order)');
    if (tag.selfClosing) fig.endLine = lineAt(src, tag.end);
    else {
      const close = src.indexOf('</Figure>', tag.end);
      if (close < 0) err(line, '<Figure> is never closed with </Figure>');
      fig.endLine = close < 0 ? lines.length : lineAt(src, close);
    }
    figures.push(fig);
  }

  const diagrams: DiagramSource[] = [];
  for (const b of blocks) {
    if (b.lang !== 'mermaid') continue;
    const d = { line: b.line, code: b.code };
    diagrams.push(d);
    const fig = figures.find((f) => b.line > f.line && b.line < f.endLine);
    if (!fig) err(b.line, 'a mermaid diagram must be inside a <Figure caption="…" alt="…"> (or steps={[…]}), which gives it a caption and a text equivalent');
    else {
      fig.diagrams.push(d);
      if (fig.diagrams.length > 1) err(b.line, 'one <Figure> holds one diagram: this is its second; give it its own Figure');
    }
    if (b.errors.length) continue;
    for (const e of validateDiagram(b.code)) err(b.line + e.line, `diagram: ${e.message}`);
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    figures: figures.map(({ endLine: _end, ...f }) => f),
    diagrams,
    errors: errors.map((e) => `${file}:${e.line}: ${e.message}`),
  };
}
