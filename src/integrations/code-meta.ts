import type { ShikiTransformer } from 'shiki';
import { blockHash } from '../lib/codeblocks';

/**
 * Passes the fence meta and the code's hash (the runner's blockHash) to CodeBlock.astro, which shows what the tests verified,
 * and a mermaid fence's source, which CodeBlock hands to the Figure around it.
 */
export const codeMeta: ShikiTransformer = {
  name: 'field-guide:code-meta',
  pre(node) {
    node.properties['data-meta'] = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? '';
    node.properties['data-hash'] = blockHash(this.source);
    // A diagram's source, verbatim, for the Figure that draws it (src/components/content/Figure.astro).
    if (this.options.lang === 'mermaid') node.properties['data-diagram-source'] = this.source;
  },
};
