/**
 * Every entry page has at least one described figure (a caption and a text equivalent), every figure that is
 * there is described, and every drawn diagram's picture is in dist/, stands alone and has its size on the page.
 */
import { describe, expect, it } from 'vitest';
import { DIST, htmlOf, sourceEntries } from '../helpers/dist';
import { diagramImageProblems, figuresOf } from '../helpers/figures';

const entries = sourceEntries();
const pages = entries.map((e) => ({ path: `/${e.track}/${e.id}/`, file: e.file, figures: figuresOf(htmlOf(`/${e.track}/${e.id}/`)) }));

describe('figures', () => {
  it('every figure on an entry page has a caption and a text equivalent', () => {
    const bad = pages.flatMap((p) => p.figures.filter((f) => !f.described).map((f) => `${p.file}: "${f.caption}": ${f.why}`));
    expect(bad).toEqual([]);
  });

  it('every entry page has at least one described figure', () => {
    const missing = pages.filter((p) => !p.figures.some((f) => f.described)).map((p) => p.file);
    if (missing.length) console.log(`Entry pages without a described figure (${missing.length} of ${pages.length}):\n  ${missing.join('\n  ')}`);
    expect(missing).toEqual([]);
  });

  it('every drawn diagram picture a page refers to is in dist/, with no external URL and the size the page gives it', () => {
    const { problems } = diagramImageProblems(DIST);
    expect(problems).toEqual([]);
  });
});
