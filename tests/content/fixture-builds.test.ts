/**
 * Content that must build: the fixture the bad-content cases start from, and content outside the repository
 * using the components. Every way content can be wrong is a row of tests/content/catalogue.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, page } from '../helpers/build-fixture';

const valid = {
  'python/basics.md': page({ title: 'Basics', summary: 'The first stage of the fixture track.', order: 1, outcomes: ['Read a file'] }),
  'aws/compute.md': page({ title: 'Compute', summary: 'Where code runs, in the fixture track.', order: 1, services: [{ name: 'Lambda', anchor: 'lambda' }] }, '## Lambda\n\nText.\n'),
  'kafka/intro.md': page({ title: 'Intro', summary: 'What the fixture Kafka track is about.', description: 'The fixture Kafka track, described for search engines.', order: 1 }, '## Why it exists\n\nText.\n'),
  'kafka/topics.md': page({ title: 'Topics', summary: 'Topics in the fixture Kafka track here.', order: 2, prerequisites: ['intro'] }, 'See [intro](/kafka/intro/#why-it-exists).\n'),
};

describe('fixture content builds', () => {
  it('builds the valid fixture, with the description as meta description where there is one', () => {
    const result = buildContent(valid);
    expect(result.output).toContain('none broken');
    expect(result.status).toBe(0);
    expect(existsSync(join(result.outDir, 'kafka/topics/index.html'))).toBe(true);
    // An optional description is the page's meta description; without one, the summary is.
    expect(readFileSync(join(result.outDir, 'kafka/intro/index.html'), 'utf8')).toContain('<meta name="description" content="The fixture Kafka track, described for search engines.">');
    expect(readFileSync(join(result.outDir, 'kafka/topics/index.html'), 'utf8')).toContain('<meta name="description" content="Topics in the fixture Kafka track here.">');
  });

  it('lets content outside the repository use the components through the @components alias', () => {
    const body = "import Callout from '@components/content/Callout.astro';\n\n<Callout type=\"why\">Because.</Callout>\n";
    const files: Record<string, string> = { ...valid };
    delete files['kafka/intro.md'];
    files['kafka/intro.mdx'] = page({ title: 'Intro', summary: 'What the fixture Kafka track is about.', order: 1 }, `${body}\n## Why it exists\n\nText.\n`);
    const result = buildContent(files);
    expect(result.status).toBe(0);
    expect(readFileSync(join(result.outDir, 'kafka/intro/index.html'), 'utf8')).toMatch(/class="callout callout-why"[\s\S]*Because\./);
  });

});
