import type { ShikiTransformer } from 'shiki';
import { blockHash } from '../lib/codeblocks';

/** Passes the fence meta and the code's hash (the runner's blockHash) to CodeBlock.astro, which shows what the tests verified. */
export const codeMeta: ShikiTransformer = {
  name: 'field-guide:code-meta',
  pre(node) {
    node.properties['data-meta'] = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? '';
    node.properties['data-hash'] = blockHash(this.source);
  },
};
