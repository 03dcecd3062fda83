import { describe, expect, it } from 'vitest';
import { eagerLightDiagrams, scopePrintHtml } from '../../src/lib/print';

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
