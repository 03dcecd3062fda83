/** What a page hands the components it renders (src/pages/[track]/[entry].astro sets it). */
declare namespace App {
  interface Locals {
    /** Headings published under another id than their slug, keyed by slug (src/lib/toc.ts shareableIds). */
    headingIds?: Map<string, import('./lib/toc').HeadingId>;
  }
}
