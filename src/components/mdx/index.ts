/** Components that replace MDX's plain elements on every entry page. */
import H2 from './H2.astro';
import H3 from './H3.astro';
import CodeBlock from './CodeBlock.astro';
import Link from './Link.astro';
import Table from './Table.astro';

export const mdxComponents = { h2: H2, h3: H3, pre: CodeBlock, a: Link, table: Table };
