/**
 * Labels say what each page is: the entry header counts a track's numbered entries only and names the other
 * pages by their kind, counts use real plurals, the guide spells MirrorMaker 2 as Apache Kafka does, and the
 * home page says what each kind of example was verified against.
 */
import { describe, expect, it } from 'vitest';
import { htmlOf, sourceEntries } from '../helpers/dist';

const kicker = (path: string) => /<p class="entry-kicker"[^>]*>([^<]+)<\/p>/.exec(htmlOf(path))?.[1];
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what each page is', () => {
  it('numbers the categories among themselves and names the pages that are not categories', () => {
    expect(kicker('/aws/compute/')).toBe('AWS · category 1 of 8');
    expect(kicker('/aws/integration/')).toBe('AWS · category 7 of 8');
    expect(kicker('/aws/analytics/')).toBe('AWS · category 8 of 8');
    expect(kicker('/aws/architect-mindset/')).toBe('AWS · Architecture principles');
    expect(kicker('/aws/reference-pipeline/')).toBe('AWS · Worked example');
    expect(kicker('/kafka/interview-questions/')).toBe('Kafka · Interview practice');
    expect(kicker('/kafka/mirrormaker/')).toBe('Kafka · concept 24 of 24');
  });

  it('counts with real plurals on the home and track pages', () => {
    const home = text(htmlOf('/'));
    expect(home).toContain('21 stages');
    expect(home).toContain('8 categories, plus Senior architect mindset and Reference pipeline');
    expect(home).toContain('24 concepts, plus Interview questions');
    expect(home).not.toMatch(/categorys|\bcategory s\b/);
    expect(text(htmlOf('/aws/'))).toContain('8 categories, plus Senior architect mindset and Reference pipeline, in learning order');
  });

  it('spells MirrorMaker 2 as Apache Kafka does, on every page', () => {
    const pages = ['/', ...sourceEntries().map((e) => `/${e.track}/${e.id}/`)];
    const wrong = pages.filter((p) => /Mirror Maker/i.test(text(htmlOf(p))));
    expect(wrong).toEqual([]);
  });

  it('says on the home page what the examples were verified against, AWS included', () => {
    const home = text(htmlOf('/'));
    expect(home).not.toContain('against the real software');
    expect(home).toMatch(/what it prints matches, line by line, the output shown with it/);
    expect(home).toMatch(/Kafka code against a real Kafka broker/);
    expect(home).toMatch(/AWS code against moto, an emulator of the AWS APIs \(not a real AWS account\)/);
  });
});
