/**
 * A strict check of a diagram's source, for the subset of Mermaid the site supports: `flowchart`/`graph`,
 * `sequenceDiagram` and `stateDiagram-v2`. The renderer is lenient (it draws `A[x --> B` and `A->>B hello`
 * without a word), so every line must be one this check recognises, brackets and quotes must balance, and
 * blocks (`subgraph`, `loop`, `alt`, `state X {`, …) must close. Each problem carries its line within the
 * source; src/lib/figures.ts turns it into the page's line. Pure; tests in tests/unit/diagram-validate.test.ts.
 */

export interface DiagramProblem {
  /** 1-based line within the diagram source. */
  line: number;
  message: string;
}

export const DIAGRAM_TYPES = ['flowchart', 'graph', 'sequenceDiagram', 'stateDiagram-v2'] as const;

const DIRECTIONS = ['TB', 'TD', 'BT', 'RL', 'LR'];

/** A line's problem, or undefined when it is fine. Block keywords change the stack. */
type LineCheck = (text: string, stack: Block[], line: number) => string | undefined;

interface Block {
  keyword: string;
  line: number;
}

function show(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

// ---------------------------------------------------------------------------------------------- flowcharts

/** Node shapes, longest opener first: [open, close]. */
const SHAPES: [string, string][] = [
  ['(((', ')))'],
  ['([', '])'],
  ['((', '))'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['{{', '}}'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['>', ']'],
];
const ALT_CLOSE: Record<string, string[]> = { '[/': ['/]', '\\]'], '[\\': ['\\]', '/]'] };

const NODE_ID = /^[A-Za-z0-9_][\w]*/;
/** Connectors without text: `-->`, `---`, `-.->`, `==>`, `--o`, `--x`, `<-->`, longer forms. */
const LINK = /^(<)?(-{2,}>|-{3,}|-\.+->|-\.+-|={2,}>|={3,}|-{2,}[ox](?![\w])|={2,}[ox](?![\w]))/;
/** Connectors with their text inline: `-- text -->`, `-. text .->`, `== text ==>`. */
const TEXT_LINK = /^(<)?(--|-\.|==)\s+([^]*?)\s+(-{2,}>|-{3,}|\.-+>|\.-+|={2,}>|={3,})/;

interface Cursor {
  s: string;
  i: number;
}

function ws(c: Cursor): void {
  while (c.i < c.s.length && /\s/.test(c.s[c.i]!)) c.i++;
}

/** A label inside a shape: "quoted" or plain text without brackets or quotes. Returns an error or undefined. */
function readLabel(c: Cursor, close: string[], opener: string): string | undefined {
  const start = c.i;
  ws(c);
  if (c.s[c.i] === '"') {
    const end = c.s.indexOf('"', c.i + 1);
    if (end < 0) return `unclosed quote in the label after ${show(opener)}`;
    if (end === c.i + 1) return 'empty label ""';
    c.i = end + 1;
    ws(c);
    const cl = close.find((x) => c.s.startsWith(x, c.i));
    if (!cl) return `expected ${show(close[0]!)} after the quoted label`;
    c.i += cl.length;
    return undefined;
  }
  let k = c.i;
  for (; k < c.s.length; k++) {
    const cl = close.find((x) => c.s.startsWith(x, k));
    if (cl) {
      const text = c.s.slice(start, k).trim();
      if (text === '') return `empty label in ${show(opener + close[0]!)}`;
      c.i = k + cl.length;
      return undefined;
    }
    const ch = c.s[k]!;
    if ('[](){}"'.includes(ch)) {
      return ch === '"'
        ? `a quote inside an unquoted label: quote the whole label, ${opener}"…"${close[0]}`
        : `${show(ch)} inside a label: put the label in quotes, ${opener}"…"${close[0]}`;
    }
  }
  return `unclosed ${show(opener)}: the label needs its ${show(close[0]!)}`;
}

/** One node: id, optional shape with label, optional :::class. */
function readNode(c: Cursor): string | undefined {
  ws(c);
  const id = NODE_ID.exec(c.s.slice(c.i))?.[0];
  if (!id) return c.i >= c.s.length ? 'the line ends where a node was expected' : `expected a node id (letters, digits, _) at ${show(c.s.slice(c.i))}`;
  if (id === 'end') return '"end" cannot be a node id (it closes a subgraph)';
  c.i += id.length;
  const shape = SHAPES.find(([open]) => c.s.startsWith(open, c.i));
  if (shape) {
    c.i += shape[0].length;
    const err = readLabel(c, ALT_CLOSE[shape[0]] ?? [shape[1]], shape[0]);
    if (err) return err;
  }
  if (c.s.startsWith(':::', c.i)) {
    const cls = /^:::[A-Za-z_][\w-]*/.exec(c.s.slice(c.i))?.[0];
    if (!cls) return 'expected a class name after ":::"';
    c.i += cls.length;
  }
  return undefined;
}

/** Nodes joined by `&`. */
function readNodes(c: Cursor): string | undefined {
  for (;;) {
    const err = readNode(c);
    if (err) return err;
    ws(c);
    if (c.s[c.i] !== '&') return undefined;
    c.i++;
  }
}

function readLink(c: Cursor): string | undefined {
  ws(c);
  const rest = c.s.slice(c.i);
  const plain = LINK.exec(rest);
  if (plain) {
    c.i += plain[0].length;
    ws(c);
    if (c.s[c.i] === '|') {
      const end = c.s.indexOf('|', c.i + 1);
      if (end < 0) return 'unclosed "|" of a link label: write -->|label| B';
      if (c.s.slice(c.i + 1, end).trim() === '') return 'empty link label ||';
      if (c.s.slice(c.i + 1, end).includes('"') && !/^\s*"[^"]*"\s*$/.test(c.s.slice(c.i + 1, end))) return 'unbalanced quote in a link label';
      c.i = end + 1;
    }
    return undefined;
  }
  const text = TEXT_LINK.exec(rest);
  if (text) {
    if (/["[\]{}()|]/.test(text[3]!) && !/^"[^"]*"$/.test(text[3]!)) return `brackets or quotes in the link text ${show(text[3]!)}: write A -->|"text"| B`;
    c.i += text[0].length;
    return undefined;
  }
  if (/^-+>?|^=+>?|^-\./.test(rest)) return `${show(rest.split(/\s/)[0]!)} is not a link: use -->, ---, -.->, ==> (text: -->|text| or -- text -->)`;
  return `expected a link (-->, ---, -.->, ==>) or the end of the line at ${show(rest)}`;
}

/** A node statement or a chain `A --> B & C -->|x| D`. */
function checkChain(text: string): string | undefined {
  const c: Cursor = { s: text, i: 0 };
  let err = readNodes(c);
  if (err) return err;
  for (;;) {
    ws(c);
    if (c.i >= c.s.length) return undefined;
    err = readLink(c) ?? readNodes(c);
    if (err) return err;
  }
}

const checkFlowchartLine: LineCheck = (text, stack, line) => {
  const t = text.replace(/;\s*$/, '').trim();
  let m = /^subgraph(?:\s+(.*))?$/.exec(t);
  if (m) {
    const title = (m[1] ?? '').trim();
    if (title === '') return 'a subgraph needs an id or a title: subgraph ID ["Title"]';
    if (!/^(?:[\w-]+\s*(?:\[\s*(?:"[^"]+"|[^"[\](){}]+)\s*\])?|"[^"]+"|[\w -]+)$/.test(title)) {
      return `subgraph title ${show(title)}: write subgraph ID, subgraph ID["Title"] or subgraph "Title"`;
    }
    stack.push({ keyword: 'subgraph', line });
    return undefined;
  }
  if (t === 'end') {
    if (!stack.length) return '"end" without a subgraph to close';
    stack.pop();
    return undefined;
  }
  m = /^direction\s+(\S+)$/.exec(t);
  if (m) return DIRECTIONS.includes(m[1]!) ? undefined : `unknown direction ${show(m[1]!)} (use ${DIRECTIONS.join(', ')})`;
  if (/^classDef\b/.test(t)) return /^classDef\s+[\w,-]+\s+\S.*$/.test(t) ? undefined : 'write classDef name fill:#…,stroke:#…';
  if (/^class\b/.test(t)) return /^class\s+[\w,]+\s+[\w-]+$/.test(t) ? undefined : 'write class nodeA,nodeB className';
  if (/^style\b/.test(t)) return /^style\s+\w+\s+\S.*$/.test(t) ? undefined : 'write style nodeId fill:#…,stroke:#…';
  const err = checkChain(t);
  return err === undefined ? undefined : err;
};

// ---------------------------------------------------------------------------------------------- sequences

const ACTOR = '[A-Za-z_][\\w]*';
const ARROWS = ['<<-->>', '<<->>', '-->>', '->>', '-->', '->', '--x', '-x', '--)', '-)'];
const ARROW_RE = ARROWS.map((a) => a.replace(/[)]/g, '\\)')).join('|');
const MESSAGE = new RegExp(`^(${ACTOR})\\s*(${ARROW_RE})\\s*([+-]?)\\s*(${ACTOR})\\s*:(.*)$`);
const MESSAGE_NO_COLON = new RegExp(`^(${ACTOR})\\s*(${ARROW_RE})\\s*([+-]?)\\s*(${ACTOR})(?:\\s+(.*))?$`);
const SEQ_BLOCKS = ['loop', 'alt', 'opt', 'par', 'critical', 'break', 'rect'];

const checkSequenceLine: LineCheck = (text, stack, line) => {
  const t = text.trim();
  let m = /^(participant|actor)\s+(.*)$/.exec(t);
  if (m) {
    return new RegExp(`^${ACTOR}(?:\\s+as\\s+\\S.*)?$`).test(m[2]!.trim())
      ? undefined
      : `write ${m[1]} Id or ${m[1]} Id as Label (an id is letters, digits and _)`;
  }
  if (MESSAGE.test(t)) return balanced(t.slice(t.indexOf(':') + 1));
  if (MESSAGE_NO_COLON.test(t)) return `a message needs a colon before its text: ${show(t.replace(MESSAGE_NO_COLON, (_, a, arrow, act, b, rest) => `${a}${arrow}${act}${b}: ${rest ?? ''}`.trim()))}`;
  m = /^note\s+(left of|right of|over)\s+([^:]+?)\s*:(.*)$/i.exec(t);
  if (m) {
    const who = m[2]!.split(',').map((x) => x.trim());
    if (who.length > (m[1]!.toLowerCase() === 'over' ? 2 : 1) || !who.every((w) => new RegExp(`^${ACTOR}$`).test(w))) return `Note ${m[1]} needs participant ids (over takes one or two: A,B)`;
    return undefined;
  }
  if (/^note\b/i.test(t)) return 'write Note left of A: text, Note right of A: text or Note over A,B: text';
  m = /^(\w+)(?:\s+(.*))?$/.exec(t);
  const word = m?.[1] ?? '';
  const arg = (m?.[2] ?? '').trim();
  if (SEQ_BLOCKS.includes(word)) {
    if (word === 'rect' && !/^(?:rgba?\([^)]*\)|#[0-9a-fA-F]{3,8})$/.test(arg)) return 'write rect rgb(…) or rect #rrggbb';
    stack.push({ keyword: word, line });
    return undefined;
  }
  if (word === 'else' || word === 'and' || word === 'option') {
    const want = word === 'else' ? 'alt' : word === 'and' ? 'par' : 'critical';
    if (stack[stack.length - 1]?.keyword !== want) return `"${word}" belongs inside ${want === "alt" ? "an" : "a"} "${want}" block`;
    return undefined;
  }
  if (word === 'end' && arg === '') {
    if (!stack.length) return '"end" without a block (loop, alt, opt, par, critical, break, rect) to close';
    stack.pop();
    return undefined;
  }
  if (word === 'autonumber') return arg === '' || /^\d+(?:\s+\d+)?$/.test(arg) ? undefined : 'write autonumber (or autonumber start step)';
  if (word === 'activate' || word === 'deactivate') return new RegExp(`^${ACTOR}$`).test(arg) ? undefined : `write ${word} ParticipantId`;
  if (/-[->x)]|->/.test(t)) return `not a message: write A->>B: text (arrows ${ARROWS.join(' ')}; ids are letters, digits and _)`;
  return `unknown line ${show(t)} in a sequence diagram`;
};

/** Quotes and brackets of free text balance (a message, a label). */
function balanced(text: string): string | undefined {
  if ((text.match(/"/g) ?? []).length % 2) return 'unbalanced quote';
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const ch of text) {
    if ('([{'.includes(ch)) open.push(ch);
    else if (ch in pairs && open.pop() !== pairs[ch]) return `unbalanced ${show(ch)}`;
  }
  return open.length ? `unclosed ${show(open[open.length - 1]!)}` : undefined;
}

// ---------------------------------------------------------------------------------------------- states

const STATE = '(?:\\[\\*\\]|[A-Za-z_][\\w]*)';
const TRANSITION = new RegExp(`^(${STATE})\\s*-->\\s*(${STATE})(?:\\s*:(.*))?$`);

const checkStateLine: LineCheck = (text, stack, line) => {
  const t = text.trim();
  if (stack[stack.length - 1]?.keyword === 'note') {
    if (/^end\s+note$/i.test(t)) stack.pop();
    return undefined;
  }
  const tr = TRANSITION.exec(t);
  if (tr) return tr[3] !== undefined && tr[3].trim() === '' ? 'empty transition label after ":"' : tr[3] ? balanced(tr[3]) : undefined;
  if (/-->/.test(t)) return `not a transition: write A --> B or A --> B: label (states are letters, digits, _ or [*])`;
  let m = /^state\s+(.*)$/.exec(t);
  if (m) {
    const rest = m[1]!.trim();
    if (new RegExp(`^"[^"]+"\\s+as\\s+[A-Za-z_]\\w*$`).test(rest)) return undefined;
    if (/^[A-Za-z_]\w*\s+<<(?:fork|join|choice)>>$/.test(rest)) return undefined;
    const comp = /^(?:"[^"]+"\s+as\s+)?([A-Za-z_]\w*)\s*\{$/.exec(rest);
    if (comp) {
      stack.push({ keyword: 'state', line });
      return undefined;
    }
    if (/^[A-Za-z_]\w*$/.test(rest)) return undefined;
    return 'write state "Description" as Id, state Id {, or state Id <<fork>>/<<join>>/<<choice>>';
  }
  if (t === '}') {
    if (stack[stack.length - 1]?.keyword !== 'state') return '"}" without a composite state (state X {) to close';
    stack.pop();
    return undefined;
  }
  if (t === '--') return stack.length ? undefined : '"--" (concurrent regions) only inside a composite state';
  m = /^note\s+(left of|right of)\s+([A-Za-z_]\w*)\s*(?::(.*))?$/i.exec(t);
  if (m) {
    if (m[3] === undefined) stack.push({ keyword: 'note', line });
    else if (m[3].trim() === '') return 'empty note';
    return undefined;
  }
  if (/^note\b/i.test(t)) return 'write note left of State: text (or note right of State, lines, end note)';
  m = /^direction\s+(\S+)$/.exec(t);
  if (m) return DIRECTIONS.includes(m[1]!) ? undefined : `unknown direction ${show(m[1]!)} (use ${DIRECTIONS.join(', ')})`;
  if (/^classDef\b/.test(t)) return /^classDef\s+[\w-]+\s+\S.*$/.test(t) ? undefined : 'write classDef name fill:#…';
  if (/^class\b/.test(t)) return /^class\s+[\w,]+\s+[\w-]+$/.test(t) ? undefined : 'write class stateA,stateB className';
  m = /^([A-Za-z_]\w*)\s*:(.*)$/.exec(t);
  if (m) return m[2]!.trim() === '' ? `empty description for state ${m[1]}` : balanced(m[2]!);
  if (/^[A-Za-z_]\w*$/.test(t)) return undefined;
  return `unknown line ${show(t)} in a state diagram`;
};

// ---------------------------------------------------------------------------------------------- entry point

/** Check a diagram's source: the header, every line, and that every block is closed. */
export function validateDiagram(code: string): DiagramProblem[] {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const problems: DiagramProblem[] = [];
  let check: LineCheck | undefined;
  let closer = 'end';
  const stack: Block[] = [];
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k]!.trim();
    if (text === '' || text.startsWith('%%')) continue;
    const line = k + 1;
    if (!check) {
      const [type, dir, ...more] = text.split(/\s+/);
      if (type === 'flowchart' || type === 'graph') {
        if ((dir !== undefined && !DIRECTIONS.includes(dir.replace(/;$/, ''))) || more.length) {
          problems.push({ line, message: `${type} direction must be one of ${DIRECTIONS.join(', ')} (got ${show(text.slice(type.length).trim())})` });
        }
        check = checkFlowchartLine;
      } else if (type === 'sequenceDiagram' && dir === undefined) check = checkSequenceLine;
      else if (type === 'stateDiagram-v2' && dir === undefined) {
        check = checkStateLine;
        closer = '}';
      } else {
        problems.push({ line, message: `unknown diagram type ${show(text)}: the first line must be one of flowchart LR|TD, graph LR|TD, sequenceDiagram, stateDiagram-v2` });
        return problems;
      }
      continue;
    }
    const problem = check(text, stack, line);
    if (problem) problems.push({ line, message: `${problem} (in ${show(text)})` });
  }
  if (!check) problems.push({ line: 1, message: 'the diagram is empty' });
  for (const open of stack.reverse()) {
    const what = open.keyword === 'note' ? 'end note' : closer === '}' ? '}' : 'end';
    problems.push({ line: open.line, message: `"${open.keyword}" is never closed: add "${what}"` });
  }
  return problems;
}
