/** The guide described in its content folder (src/lib/guide.ts): _site.yml and each <track>/_track.yml. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flashcardOrder, readGuide } from '../../src/lib/guide';
import { TRACKS } from '../../src/tracks';
import { SITE } from '../../src/site.config';

const track = (label: string, extra = '') => `label: ${label}\ntitle: ${label} title\nintro: What ${label} teaches.\nentry: lesson\nentries: lessons\n${extra}`;

function guideIn(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-guide-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, guide: readGuide(dir) };
}

describe('the guide read from its content folder', () => {
  it('holds this repository\'s three tracks, in their order, with the words that were in src/tracks.ts', () => {
    expect(TRACKS.map((t) => t.id)).toEqual(['python', 'aws', 'kafka']);
    expect(TRACKS.map((t) => [t.entryNoun, t.entryNounPlural])).toEqual([['stage', 'stages'], ['category', 'categories'], ['concept', 'concepts']]);
    expect(TRACKS[1]!.intro).toBe('The services a cloud or data engineer must know, by category, compared side by side, and the architect\u2019s way of choosing between them.');
    expect(flashcardOrder(TRACKS)).toEqual(['kafka', 'python', 'aws']);
    expect(SITE).toMatchObject({ name: 'Data Engineering Field Guide', shortName: 'DE Field Guide', tagline: 'Learn data engineering in order' });
    expect(SITE.description).toBe('Learn data engineering in order: Python for data work, the AWS services cloud engineers use, and Kafka concepts with interview questions answered.');
  });

  it('makes a track of each folder with a _track.yml, sorted by position, then label', () => {
    const { guide } = guideIn({ '_site.yml': 'name: G\ndescription: A guide.\n', 'zeta/_track.yml': track('Zeta'), 'beta/_track.yml': track('Beta'), 'omega/_track.yml': track('Omega', 'position: 1\n'), 'notes/x.txt': 'not a track' });
    expect(guide.problems).toEqual([]);
    expect(guide.tracks.map((t) => t.id)).toEqual(['omega', 'beta', 'zeta']);
    expect(guide.site).toMatchObject({ name: 'G', shortName: 'G', tagline: 'G' });
  });

  it('names the file and the key of each problem', () => {
    const { guide } = guideIn({ 'a/_track.yml': track('A', 'colour: blue\n').replace(/^entries: .*\n/m, ''), 'b/_track.yml': 'label: [\n' });
    const messages = guide.problems.map((p) => `${p.file.replace(/^.*fg-guide-[^/]+\//, '')}: ${p.message}`);
    expect(messages).toContain('_site.yml: missing: every guide needs _site.yml with at least `name` and `description` (docs/GENERATOR.md)');
    expect(messages).toContain('a/_track.yml: unknown key "colour": remove it or fix the spelling');
    expect(messages).toContain('a/_track.yml: entries: required key is missing');
    expect(messages.some((m) => m.startsWith('b/_track.yml: not valid YAML'))).toBe(true);
    expect(guide.tracks).toEqual([]);
  });
});
