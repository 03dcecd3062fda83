import { describe, expect, it } from 'vitest';
import { decodeDiagramMarker, diagramLayout, encodeDiagramMarker, scanFigures, NARROW_COLUMN, MIN_SCALE } from '../../src/lib/figures';

const fence = (code: string) => '```mermaid\n' + code + '\n```';
const FIG = (attrs: string, body: string) => `<Figure ${attrs}>\n\n${body}\n\n</Figure>`;

describe('scanFigures', () => {
  it('finds a figure with alt, a step figure and their diagrams, with lines', () => {
    const src = [
      "import Figure from '@components/content/Figure.astro';", // 1
      '', // 2
      FIG('caption="Flow" alt="A goes to B."', fence('flowchart LR\n  A --> B')), // 3..10 (fence at 5)
      '', // 11
      '<Figure caption="Steps" steps={[', // 12
      '  "First, one.",', // 13
      "  'Then, two.',", // 14
      ']}>', // 15
      '', // 16
      fence('sequenceDiagram\n  A->>B: hi'), // 17..20
      '', // 21
      '</Figure>', // 22
    ].join('\n');
    const scan = scanFigures(src, 'x.mdx');
    expect(scan.errors).toEqual([]);
    expect(scan.figures).toHaveLength(2);
    expect(scan.figures[0]).toMatchObject({ line: 3, caption: 'Flow', alt: 'A goes to B.' });
    expect(scan.figures[0]!.diagrams[0]).toMatchObject({ line: 5, code: 'flowchart LR\n  A --> B' });
    expect(scan.figures[1]).toMatchObject({ line: 12, caption: 'Steps', steps: ['First, one.', 'Then, two.'] });
    expect(scan.figures[1]!.diagrams[0]!.line).toBe(17);
  });

  it('reports a bad diagram line with the line of the page', () => {
    const src = ['---', 'title: T', '---', '', FIG('caption="C" alt="A."', fence('flowchart LR\n  A --> B\n  A[x --> B'))].join('\n');
    // line 5 <Figure, 7 ```mermaid, 8 header, 9 ok, 10 bad
    expect(scanFigures(src, 'content/kafka/x.mdx').errors).toEqual([expect.stringMatching(/^content\/kafka\/x\.mdx:10: diagram: unclosed "\["/)]);
    const seq = FIG('caption="C" alt="A."', fence('sequenceDiagram\n  A->>B hello'));
    expect(scanFigures(seq, 'p.mdx').errors).toEqual([expect.stringMatching(/^p\.mdx:5: diagram: a message needs a colon/)]);
  });

  it('reports a mermaid fence outside a Figure', () => {
    const src = 'Text.\n\n' + fence('flowchart LR\n  A --> B');
    expect(scanFigures(src, 'p.mdx').errors).toEqual([expect.stringMatching(/^p\.mdx:3: a mermaid diagram must be inside a <Figure/)]);
  });

  it('reports a Figure without a text equivalent, an empty caption, a missing caption and too few steps', () => {
    expect(scanFigures(FIG('caption="C"', fence('flowchart LR\n  A --> B')), 'p.mdx').errors).toEqual([expect.stringMatching(/^p\.mdx:1: <Figure> needs a text equivalent/)]);
    expect(scanFigures('\n' + FIG('caption="  " alt="A."', fence('flowchart LR\n  A --> B')), 'p.mdx').errors).toEqual([expect.stringMatching(/^p\.mdx:2: <Figure> caption is empty/)]);
    expect(scanFigures(FIG('alt="A."', '<svg></svg>'), 'p.mdx').errors).toEqual([expect.stringMatching(/needs a caption/)]);
    expect(scanFigures(FIG('caption="C" steps={["only one"]}', fence('flowchart LR\n  A --> B')), 'p.mdx').errors).toEqual([expect.stringMatching(/at least two steps/)]);
    expect(scanFigures(FIG('caption="C" steps={list}', fence('flowchart LR\n  A --> B')), 'p.mdx').errors).toEqual([expect.stringMatching(/steps must be a list of strings/)]);
  });

  it('reads multi-line tags and braces with strings inside, and skips <Figure in other code fences', () => {
    const src = ['```mdx', '<Figure caption="in a code example">', '```', '', '<Figure', '  caption={"Braced"}', '  alt="Has } and { inside."', '>', '  <svg></svg>', '</Figure>'].join('\n');
    const scan = scanFigures(src, 'p.mdx');
    expect(scan.errors).toEqual([]);
    expect(scan.figures).toEqual([{ line: 5, caption: 'Braced', alt: 'Has } and { inside.', diagrams: [] }]);
  });

  it('reports two diagrams in one Figure and an unclosed Figure', () => {
    const two = FIG('caption="C" alt="A."', fence('flowchart LR\n  A --> B') + '\n\n' + fence('flowchart LR\n  C --> D'));
    expect(scanFigures(two, 'p.mdx').errors).toEqual([expect.stringMatching(/^p\.mdx:8: one <Figure> holds one diagram/)]);
    // An unclosed Figure is MDX that does not parse: the MDX parser (src/lib/mdx-source.ts) stops with the line.
    expect(() => scanFigures('<Figure caption="C" alt="A.">\n\ntext', 'p.mdx')).toThrow(/p\.mdx:1: MDX syntax: Expected a closing tag for `<Figure>`/);
  });
});

describe('the marker between CodeBlock and Figure', () => {
  it('round-trips any source, quotes and markup included', () => {
    const src = 'flowchart LR\n  A["<b> & \'x\'"] --> B';
    expect(decodeDiagramMarker(`\n${encodeDiagramMarker(src)}\n`)).toBe(src);
    expect(decodeDiagramMarker('<svg></svg>')).toBeUndefined();
    expect(() => decodeDiagramMarker(`${encodeDiagramMarker(src)}<p>more</p>`)).toThrow(/something else too/);
  });
});

describe('diagramLayout', () => {
  it('lets a diagram shrink to MIN_SCALE, and scroll when that is wider than a phone column', () => {
    expect(diagramLayout(300)).toEqual({ scroll: false });
    expect(diagramLayout(Math.floor(NARROW_COLUMN / MIN_SCALE))).toEqual({ scroll: false });
    expect(diagramLayout(1000)).toEqual({ scroll: true, minWidth: Math.round(1000 * MIN_SCALE) });
  });
});
