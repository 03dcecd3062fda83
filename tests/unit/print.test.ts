import { describe, expect, it } from 'vitest';
import { eagerLightDiagrams, fillPrintHtml, printParts, printPlaceholder, proseOf, scopePrintHtml, wholeGuideFits } from '../../src/lib/print';

describe('scopePrintHtml', () => {
  const page = `<main><nav><a href="#kafka-a--title">A</a></nav><h2 class="print-track" id="track-kafka">Kafka</h2>`
    + `<section class="print-entry" data-print-entry="kafka-a" aria-labelledby="kafka-a--title"><h2 id="kafka-a--title">A</h2><h2 id="why">Why</h2><a href="#why">w</a><a href="/x/#why">x</a><details class="question"><summary>Q</summary>A</details></section>`
    + `<section class="print-entry" data-print-entry="kafka-b" aria-labelledby="kafka-b--title"><h2 id="why">Why</h2><a href="#why">w</a><details open><summary>Q</summary></details></section></main>`;
  const out = scopePrintHtml(page);
  it('makes ids and in-page links unique per entry, leaving other links alone', () => {
    expect(out).toContain('id="kafka-a--why"');
    expect(out).toContain('id="kafka-b--why"');
    expect(out).toContain('href="#kafka-a--why"');
    expect(out).toContain('href="#kafka-b--why"');
    expect(out).toContain('href="/x/#why"');
    expect(out).toContain('id="kafka-a--title"');
    expect(out).not.toContain('kafka-a--kafka-a');
    expect(out).toContain('id="track-kafka"');
  });
  it('opens every details element once', () => {
    expect(out.match(/<details open/g)).toHaveLength(2);
    expect(out).not.toMatch(/<details(?! open)/);
  });
});

describe('eagerLightDiagrams', () => {
  it('loads the light picture of a drawn diagram at once, and leaves the dark one lazy', () => {
    const html = '<div class="diagram-art diagram-drawn"><img class="diagram-light" src="/_astro/diagrams/a-light.svg" alt="x" loading="lazy" decoding="async"><img class="diagram-dark" src="/_astro/diagrams/a-dark.svg" alt="x" loading="lazy" decoding="async"></div>';
    const out = eagerLightDiagrams(html);
    expect(out).toBe(html.replace('a-light.svg" alt="x" loading="lazy"', 'a-light.svg" alt="x"'));
    expect(scopePrintHtml(`<main>${html}</main>`)).toContain('<img class="diagram-light" src="/_astro/diagrams/a-light.svg" alt="x" decoding="async">');
  });
});

describe('printParts', () => {
  it('keeps a track that fits on one page at /print/<track>/', () => {
    expect(printParts('kafka', 25, 100)).toEqual([{ track: 'kafka', part: 1, parts: 1, from: 0, to: 25, path: 'kafka' }]);
    expect(printParts('kafka', 0, 100)).toHaveLength(1);
  });
  it('splits a long track into parts of the given size with stable numbered URLs', () => {
    const parts = printParts('kafka', 10_001, 100);
    expect(parts).toHaveLength(101);
    expect(parts.map((p) => p.path).slice(0, 3)).toEqual(['kafka', 'kafka/2', 'kafka/3']);
    expect(parts.at(-1)).toMatchObject({ part: 101, parts: 101, from: 10_000, to: 10_001, path: 'kafka/101' });
    // Every entry is in exactly one part, in order.
    expect(parts.flatMap((p) => Array.from({ length: p.to - p.from }, (_, i) => p.from + i))).toEqual(Array.from({ length: 10_001 }, (_, i) => i));
  });
  it('rejects a part size that is not a positive integer', () => {
    expect(() => printParts('kafka', 5, 0)).toThrow(/positive integer/);
  });
  it('puts the whole guide on /print/ only while it is small', () => {
    expect(wholeGuideFits([9, 25, 18], 100)).toBe(true);
    expect(wholeGuideFits([1000], 100)).toBe(false);
    expect(wholeGuideFits([90, 90, 90], 100)).toBe(false);
  });
});

describe('fillPrintHtml', () => {
  const entry = (body: string) => `<main><article><div class="lib"><div></div></div><div class="prose">${body}</div><footer><div>next</div></footer></article></main>`;
  it('puts each entry page\'s own text, nested divs and all, where the print page left its placeholder', () => {
    const pages: Record<string, string> = {
      '/kafka/a/': entry('<h2 id="why">Why</h2><div class="callout"><div><p>x</p></div></div><p>end</p>'),
      '/kafka/b/': entry('<p>b</p>'),
    };
    const print = `<main><section>${printPlaceholder('/kafka/a/')}</section><section>${printPlaceholder('/kafka/b/')}</section></main>`;
    expect(fillPrintHtml(print, (url) => pages[url]!)).toBe(
      '<main><section><div class="prose"><h2 id="why">Why</h2><div class="callout"><div><p>x</p></div></div><p>end</p></div></section><section><div class="prose"><p>b</p></div></section></main>',
    );
  });
  it('names the entry whose page has no text or an unclosed one', () => {
    expect(() => fillPrintHtml(printPlaceholder('/kafka/a/'), () => '<main></main>')).toThrow('/kafka/a/ has no <div class="prose">');
    expect(() => proseOf('<div class="prose"><div>', '/kafka/c/')).toThrow('/kafka/c/ is not closed');
  });
});
