/**
 * An MDX (or Markdown) page parsed the way @astrojs/mdx reads it: micromark with the MDX extensions, so code
 * fences inside components, tilde fences and indented fences are the blocks the page renders. Frontmatter is
 * blanked (not removed), so every node's position is the line of the .mdx file.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Nodes, Root } from 'mdast';

export interface ParsedSource {
  /** The source with CRLF as LF and the frontmatter lines emptied. */
  text: string;
  lines: string[];
  /** Line count of the frontmatter block (0 when there is none). */
  frontmatterLines: number;
  tree: Root;
}

/** A syntax error of the page, with its 1-based line in the file. */
export class SourceSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SourceSyntaxError';
  }
}

/** The frontmatter block's line span: `---` on line 1 to the next `---` line (0 when absent or unclosed). */
export function frontmatterSpan(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  for (let k = 1; k < lines.length; k++) if (lines[k]!.trimEnd() === '---') return k + 1;
  return 0;
}

/** Parses a page; `.md` files are CommonMark (no JSX or expressions), everything else MDX. Throws SourceSyntaxError. */
export function parseSource(source: string, file: string): ParsedSource {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const frontmatterLines = frontmatterSpan(lines);
  const body = lines.map((l, k) => (k < frontmatterLines ? '' : l));
  const text = body.join('\n');
  const mdx = !/\.md$/i.test(file);
  try {
    const tree = mdx ? fromMarkdown(text, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) : fromMarkdown(text);
    return { text, lines: body, frontmatterLines, tree };
  } catch (e) {
    const err = e as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    // micromark's messages carry the place only in their text: "… (9:1-9:21)".
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? Number(/\((\d+):\d+(?:-\d+:\d+)?\)/.exec(err.reason ?? err.message)?.[1] ?? 1);
    throw new SourceSyntaxError(file, line, `MDX syntax: ${err.reason ?? err.message}${unclosedFenceHint(body, line)}`);
  }
}

/**
 * A fence never closed inside a component swallows the component's closing tag, and the parser reports the
 * tag. Pairing the fence lines after the error's line (opening with a language, closing bare) finds the
 * fence to close instead.
 */
function unclosedFenceHint(lines: readonly string[], from: number): string {
  let open: number | undefined;
  for (let k = from - 1; k < lines.length; k++) {
    const m = /^\s*(`{3,}|~{3,})(.*)$/.exec(lines[k]!);
    if (!m) continue;
    if (open === undefined) open = k + 1;
    else if (m[2]!.trim() === '') open = undefined;
  }
  return open === undefined ? '' : `; the code fence at line ${open} is never closed, so it swallows what follows: close it`;
}

/** Every node of the tree in document order, each with its parent. */
export function* walk(node: Nodes, parent?: Nodes): Generator<{ node: Nodes; parent?: Nodes }> {
  yield { node, parent };
  if ('children' in node) for (const child of node.children as Nodes[]) yield* walk(child, node);
}
