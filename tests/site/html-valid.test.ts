/** Every built page is valid HTML (html-validate's recommended rules, see .htmlvalidate.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { DIST } from '../helpers/dist';
import { listFiles } from '../../src/integrations/dist-files';

const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  it('has pages to validate', () => expect(pages.length).toBeGreaterThan(5));
  it.each(pages.map((p) => [p]))('%s', async (page) => {
    const report = await validator.validateString(readFileSync(join(DIST, page), 'utf8'), join(process.cwd(), '.htmlvalidate-page.html'));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
