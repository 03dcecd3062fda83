/**
 * Anchors a reader can share: an AWS service's subsections are `#<service>-<short name>` (`#lambda-limits`),
 * not the numbered slugs Markdown gives repeated headings (`#limits-and-defaults-that-bite-1`). The numbered
 * ids are published URLs (tests/site/links-manifest.json), so each stays at the start of the same heading.
 */
import { describe, expect, it } from 'vitest';
import { htmlOf, sourceEntries } from '../helpers/dist';

const aws = sourceEntries().filter((e) => e.track === 'aws');
/** Every heading on a page: its id, the former ids at its start, and its text. */
const headings = (html: string) =>
  [...html.matchAll(/<h([23]) id="([^"]+)">((?:<span class="former-id" id="[^"]+"><\/span>)*)(.*?)<\/h\1>/g)].map((m) => ({
    id: m[2]!,
    former: [...m[3]!.matchAll(/id="([^"]+)"/g)].map((f) => f[1]!),
    text: m[4]!.replace(/<[^>]+>/g, ''),
  }));

describe('shareable section anchors', () => {
  it('names the Lambda subsections on /aws/compute/ after Lambda, keeping the old ids on the same headings', () => {
    const h = headings(htmlOf('/aws/compute/'));
    const byId = new Map(h.map((x) => [x.id, x]));
    expect(byId.get('lambda-limits')).toEqual({ id: 'lambda-limits', former: ['limits-and-defaults-that-bite-1'], text: 'Limits and defaults that bite' });
    expect(byId.get('lambda-what-it-is')?.former).toEqual(['what-it-is-1']);
    expect(byId.get('ec2-what-it-is')?.former).toEqual(['what-it-is']);
    expect(byId.get('eks-limits')?.former).toEqual(['limits-and-defaults-that-bite-3']);
    expect(byId.get('decision-table')?.former).toEqual([]);
  });

  it.each(aws.map((e) => [`/aws/${e.id}/`]))('%s: no subsection id ends in a number, and the contents link the new ids', (path) => {
    const html = htmlOf(path);
    const h = headings(html);
    const numbered = h.filter((x) => /-\d+$/.test(x.id) && x.former.length === 0 && !/\d$/.test(x.text.trim()));
    expect(numbered.map((x) => x.id)).toEqual([]);
    const toc = html.slice(html.indexOf('<page-toc'), html.indexOf('</page-toc>'));
    const former = h.flatMap((x) => x.former);
    const linked = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(linked.filter((id) => former.includes(id))).toEqual([]);
  });

  it('keeps the id of the interview question whose heading now says MirrorMaker 2', () => {
    const h = headings(htmlOf('/kafka/interview-questions/'));
    expect(h.find((x) => x.id === 'how-does-mirrormaker-2-replicate-data')).toMatchObject({
      former: ['how-does-mirror-maker-replicate-data'],
      text: 'How does MirrorMaker 2 replicate data?',
    });
  });
});
