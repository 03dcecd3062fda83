import { createHash } from 'node:crypto';
import type { ShikiTransformer } from 'shiki';

/** Same hash as the example runner's blockHash: sha256 of the code between the fences, first 16 hex. */
export const codeHash = (code: string) => createHash('sha256').update(code.replace(/\n+$/, '')).digest('hex').slice(0, 16);

/** Passes the fence meta and the code's hash to CodeBlock.astro, which shows what the tests verified. */
export const codeMeta: ShikiTransformer = {
  name: 'field-guide:code-meta',
  pre(node) {
    node.properties['data-meta'] = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? '';
    node.properties['data-hash'] = codeHash(this.source);
  },
};
