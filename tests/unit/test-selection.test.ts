import { describe, expect, it } from 'vitest';
import { PROJECTS, selectedProjects } from '../../scripts/test-selection';

const sel = (...args: string[]) => [...selectedProjects(args)].sort();
const all = [...PROJECTS].sort();

describe('which projects `npm test -- …` selects', () => {
  it('selects every project without arguments, or with options only', () => {
    expect(sel()).toEqual(all);
    expect(sel('--reporter', 'verbose', '-t', 'tests/unit')).toEqual(all);
  });
  it('follows --project, in both spellings', () => {
    expect(sel('--project', 'unit', '--project=content')).toEqual(['content', 'unit']);
  });
  it('maps file filters to the projects whose folders they name', () => {
    expect(sel('tests/unit/nav.test.ts', './tests/content')).toEqual(['content', 'unit']);
    expect(sel('tests/browser/library.test.ts')).toEqual(['browser']);
  });
  it('selects every project for a filter that names no project folder', () => {
    expect(sel('tests/unit/nav.test.ts', 'library')).toEqual(all);
    expect(sel('tests/unitx/a.test.ts')).toEqual(all);
  });
});
