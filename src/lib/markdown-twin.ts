/**
 * The Markdown twin of an entry page (/kafka/partitions.md): the page's words and code from its MDX source,
 * without the site's chrome, for tools and language models (and the "Copy page as Markdown" control).
 *
 * MDX is Markdown with imports and JSX components. The Markdown passes through unchanged; the components the
 * guide uses become readable Markdown: a Callout a blockquote with its title, a Question a heading with its
 * answer, a Reveal its label and content, a Figure its caption and its text equivalent (`alt`, or the `steps`
 * list) instead of the drawing (inline SVG, a diagram component or a Mermaid fence). Fenced code keeps its
 * language and gains its verification mark as text ("Ran in the tests with Python 3.11, pandas 3.0"). Site
 * links become absolute. Components are matched line by line: the guide writes them on their own lines
 * (docs/AUTHORING.md), and text inside code fences is never read as a component.
 */

export type Attrs = Record<string, string | string[] | true>;

export interface TwinOptions {
  /** The page's title (the twin's h1) and summary (its lead). */
  title: string;
  summary?: string;
  /** The page's absolute URL, named under the title. */
  url?: string;
  /** Absolute origin + base for site links: "https://guide.example/" turns "/kafka/" into "https://guide.example/kafka/". */
  siteRoot?: string;
  /** What the tests verified about a fence ("Ran in the tests with …", "Not run in the tests: …"), or undefined. */
  codeMark?: (lang: string, meta: string, code: string) => string | undefined;
  /** Markdown for components that are neither built in here nor a diagram (e.g. QuestionsByLevel). */
  components?: Record<string, (attrs: Attrs) => string>;
  /** Lines after the body (the page's official documentation, for example). */
  footer?: string[];
}

const CALLOUT_TITLES: Record<string, string> = { why: 'Why this matters', tip: 'Tip', pitfall: 'Pitfall', note: 'Note' };

/** Reads a JSX string literal or an array of string literals (`{["a", "b"]}`); other expressions are kept as text. */
function parseExpression(expr: string): string | string[] {
  const inner = expr.trim();
  if (inner.startsWith('[') && inner.endsWith(']')) {
    const items: string[] = [];
    const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
    for (const m of inner.slice(1, -1).matchAll(re)) items.push(unescapeJs(m[1] ?? m[2] ?? m[3] ?? ''));
    return items;
  }
  const str = /^(["'`])((?:(?!\1)[^\\]|\\.)*)\1$/.exec(inner);
  return str ? unescapeJs(str[2]!) : inner;
}
const unescapeJs = (s: string) => s.replace(/\\(["'`\\])/g, '$1').replace(/\\n/g, '\n');

/**
 * Splits an opening tag's attribute text into attributes: `a="x"`, `a='x'`, `a={expr}` (braces balanced,
 * strings respected), bare `a` (true).
 */
export function parseAttrs(text: string): Attrs {
  const attrs: Attrs = {};
  let i = 0;
  while (i < text.length) {
    const name = /^\s*([A-Za-z_:][\w:.-]*)/.exec(text.slice(i));
    if (!name) break;
    i += name[0].length;
    const key = name[1]!;
    const eq = /^\s*=\s*/.exec(text.slice(i));
    if (!eq) {
      attrs[key] = true;
      continue;
    }
    i += eq[0].length;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const end = text.indexOf(quote, i + 1);
      attrs[key] = text.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? text.length : end + 1;
    } else if (quote === '{') {
      let depth = 0;
      let j = i;
      let inStr: string | undefined;
      for (; j < text.length; j++) {
        const c = text[j]!;
        if (inStr) {
          if (c === '\\') j++;
          else if (c === inStr) inStr = undefined;
        } else if (c === '"' || c === "'" || c === '`') inStr = c;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
      }
      attrs[key] = parseExpression(text.slice(i + 1, j));
      i = j + 1;
    } else {
      const bare = /^[^\s>]+/.exec(text.slice(i))?.[0] ?? '';
      attrs[key] = bare;
      i += bare.length;
    }
  }
  return attrs;
}

/** Finds where an opening tag that starts at `lines[at]` ends: the line index and whether it self-closes. */
function readTag(lines: string[], at: number): { end: number; name: string; attrs: Attrs; selfClosing: boolean; rest: string } | undefined {
  let text = '';
  for (let j = at; j < lines.length; j++) {
    text += (j > at ? '\n' : '') + lines[j];
    // The tag ends at the first `>` outside strings and braces.
    let depth = 0;
    let inStr: string | undefined;
    for (let k = 0; k < text.length; k++) {
      const c = text[k]!;
      if (inStr) {
        if (c === '\\') k++;
        else if (c === inStr) inStr = undefined;
      } else if ((c === '"' || c === "'" || (c === '`' && depth > 0))) inStr = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) {
        const tag = text.slice(0, k + 1).trim();
        const m = /^<([A-Z][\w.]*)([\s\S]*?)(\/?)>$/.exec(tag);
        if (!m) return undefined;
        return { end: j, name: m[1]!, attrs: parseAttrs(m[2]!), selfClosing: m[3] === '/', rest: text.slice(k + 1) };
      }
    }
  }
  return undefined;
}

const str = (v: Attrs[string] | undefined) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : '');

/** The indentation shared by a component's content lines (up to its closing tag), removed when they are copied. */
function contentIndent(lines: string[], from: number, name: string): number {
  let min = Infinity;
  for (let j = from; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.trim() === `</${name}>`) break;
    if (l.trim()) min = Math.min(min, /^\s*/.exec(l)![0].length);
  }
  return min === Infinity ? 0 : min;
}

/** The whole Markdown twin of a page. */
export function mdxToMarkdown(body: string, options: TwinOptions): string {
  const out: string[] = [`# ${options.title}`, ''];
  if (options.url) out.push(`Source: ${options.url}`, '');
  if (options.summary) out.push(`> ${options.summary}`, '');
  out.push(...convertBody(body, options));
  if (options.footer?.length) out.push('', ...options.footer);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

interface Frame {
  name: string;
  /** Prefix added to every line inside (a blockquote's "> "). */
  prefix: string;
  /** Content dropped (the drawing inside a Figure). */
  skip: boolean;
  /** Indentation shared by the lines inside, removed from them. */
  indent: number;
}

/** The body, converted. Exported for tests. */
export function convertBody(body: string, options: Pick<TwinOptions, 'codeMark' | 'components' | 'siteRoot'> = {}): string[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const stack: Frame[] = [];
  let headingLevel = 1;
  const prefix = () => stack.map((f) => f.prefix).join('');
  const skipping = () => stack.some((f) => f.skip);
  const dedent = (line: string) => {
    const n = stack.length ? stack[stack.length - 1]!.indent : 0;
    return line.slice(Math.min(n, /^\s*/.exec(line)![0].length));
  };
  const emit = (line: string) => {
    if (skipping()) return;
    const p = prefix();
    out.push(line === '' ? p.trimEnd() : p + line);
  };
  const links = (line: string) => (options.siteRoot ? line.replace(/\]\(\/(?!\/)/g, `](${options.siteRoot}`) : line);

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = dedent(raw);
    // A code fence: copied with its language only, then its verification mark.
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(line);
    if (fence) {
      const [, ind, marker, lang = '', meta = ''] = fence;
      const code: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = dedent(lines[j]!);
        const close = new RegExp(`^\\s*${marker![0]}{${marker!.length},}\\s*$`);
        if (close.test(l)) break;
        code.push(l.startsWith(ind!) ? l.slice(ind!.length) : l.trimStart());
      }
      i = j;
      const lower = lang.toLowerCase();
      if (lower === 'mermaid') continue; // a drawing: its Figure gives the words
      if (lower === 'output') emit('Output:');
      emit('');
      emit(marker + (lower === 'output' ? 'text' : lang));
      for (const c of code) emit(c);
      emit(marker!);
      const mark = options.codeMark?.(lower, meta, code.join('\n'));
      if (mark) {
        emit('');
        emit(`*${mark}*`);
      }
      emit('');
      continue;
    }
    const trimmed = line.trim();
    // MDX's own lines: imports, exports and {/* comments */}.
    if (!stack.length && /^(import|export)\s/.test(trimmed)) continue;
    if (trimmed.startsWith('{/*')) {
      while (i < lines.length && !lines[i]!.includes('*/}')) i++;
      continue;
    }
    // A closing tag of an open component.
    const close = /^<\/([A-Z][\w.]*)>\s*$/.exec(trimmed);
    if (close && stack.some((f) => f.name === close[1])) {
      while (stack.length) {
        const f = stack.pop()!;
        if (f.name === close[1]) break;
      }
      emit('');
      continue;
    }
    // An opening tag.
    if (/^<[A-Z]/.test(trimmed)) {
      const tag = readTag(lines, i);
      if (tag) {
        i = tag.end;
        const indent = contentIndent(lines, tag.end + 1, tag.name);
        const frame = component(tag.name, tag.attrs, { emit, headingLevel, options });
        if (!tag.selfClosing && !/<\/[A-Z][\w.]*>\s*$/.test(tag.rest)) stack.push({ name: tag.name, indent, ...frame });
        else if (tag.rest.trim() && !frame.skip) emit(links(tag.rest.replace(/<\/[A-Z][\w.]*>\s*$/, '').trim()));
        continue;
      }
    }
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading) headingLevel = heading[1]!.length;
    emit(links(line));
  }
  return out;
}

/** What a component prints where it opens, and how its content is treated. */
function component(name: string, attrs: Attrs, ctx: { emit: (l: string) => void; headingLevel: number; options: Pick<TwinOptions, 'components'> }): { prefix: string; skip: boolean } {
  const { emit } = ctx;
  switch (name) {
    case 'Callout': {
      const title = str(attrs.title) || CALLOUT_TITLES[str(attrs.type) || 'note'] || 'Note';
      emit('');
      emit(`> **${title}**`);
      emit('>');
      return { prefix: '> ', skip: false };
    }
    case 'Question': {
      const level = Math.min(ctx.headingLevel + 1, 6);
      emit('');
      emit(`${'#'.repeat(level)} ${str(attrs.q)}`);
      emit('');
      if (attrs.level) emit(`*Level: ${str(attrs.level)}*`);
      emit('');
      return { prefix: '', skip: false };
    }
    case 'Reveal': {
      emit('');
      emit(`**${str(attrs.label) || 'Show the solution'}**`);
      emit('');
      return { prefix: '', skip: false };
    }
    case 'Figure': {
      emit('');
      emit(`**Figure: ${str(attrs.caption)}**`);
      emit('');
      if (Array.isArray(attrs.steps)) attrs.steps.forEach((s, n) => emit(`${n + 1}. ${s}`));
      else if (attrs.alt) emit(str(attrs.alt));
      emit('');
      return { prefix: '', skip: true };
    }
    default: {
      const custom = ctx.options.components?.[name];
      if (custom) {
        emit('');
        for (const l of custom(attrs).split('\n')) emit(l);
        emit('');
        return { prefix: '', skip: true };
      }
      // A diagram or another drawing component: its Figure, if any, gave the words. Anything else: its content.
      return { prefix: '', skip: /Diagram$/.test(name) };
    }
  }
}
