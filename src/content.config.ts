import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Where the words live. CONTENT_DIR lets the generator build other content (benchmarks, your own guide).
 * A page is an .md/.mdx file directly in its track's folder; names starting with `_` and README files are not
 * pages (src/lib/source-checks.ts reports a page put in a subfolder, before this loader runs).
 */
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';
const entries = (track: string) => glob({ base: `${CONTENT_DIR}/${track}`, pattern: ['*.{md,mdx}', '!_*', '!{README,Readme,readme}.*'] });

/**
 * Fields every entry of every track has. Each track's schema is strict: an unknown field (a misspelt `navlabel`)
 * fails the build, naming the file and the field, instead of being dropped without a word.
 */
const common = z.object({
  /** Page title and sidebar label. */
  title: z.string().min(3).max(80),
  /** One or two sentences; the meta description and the line under the title in lists. */
  summary: z.string().min(20).max(160),
  /** Position in the track's learning order: 1 is read first. Unique within a track. */
  order: z.number().int().positive(),
  /** The meta description (search results, social cards) when it should differ from the summary. */
  description: z.string().min(20).max(160).optional(),
  /** Shorter label for the sidebar when the title is long: the title's own words, in order (checked). */
  navLabel: z.string().max(40).optional(),
  /** What the page is when it is not one of the track's numbered entries ("Interview practice"): its header says this instead of "concept 25 of 25", and track counts leave it out. */
  kind: z.string().min(3).max(40).optional(),
  /** Date the page was last checked against the official documentation. */
  reviewed: z.coerce.date().optional(),
  /**
   * Search words the page answers but does not spell out: synonyms, abbreviations, other names ("dictionary"
   * for a page that says `dict`, "ISR", "queues for Kafka"). Indexed above body text, never shown on the page.
   */
  searchTerms: z.array(z.string().min(2).max(60)).default([]),
  /** The page's `## …?` sections are questions with their answers: published as FAQPage structured data. */
  faq: z.boolean().default(false),
  /** Headings whose text (so whose id) changed: `{ new-id: old-id }`. The old id stays on the heading, so links to it still work. */
  formerIds: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().regex(/^[a-z0-9-]+$/)).optional(),
});

/** A link to official documentation. */
const docLink = z.object({ label: z.string(), url: z.url() });

const python = defineCollection({
  loader: entries('python'),
  schema: common.extend({
    /** Stages to finish first. */
    prerequisites: z.array(reference('python')).default([]),
    /** What the reader can do after this stage. */
    outcomes: z.array(z.string().min(5)).min(1),
    /** Official documentation for the stage's topics. */
    docs: z.array(docLink).default([]),
  }).strict(),
});

const aws = defineCollection({
  loader: entries('aws'),
  schema: common.extend({
    /** The services this category page covers; each is an h2 section whose id is `anchor`. */
    services: z
      .array(
        z.object({
          /** Service name as AWS writes it ("Secrets Manager"). */
          name: z.string(),
          /** The section's id: /aws/<category>/#<anchor>. Lowercase, hyphens. */
          anchor: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens'),
        }),
      )
      .default([]),
    /** Official documentation for the category's services. */
    docs: z.array(docLink).default([]),
  }).strict(),
});

const kafka = defineCollection({
  loader: entries('kafka'),
  schema: common.extend({
    /** Concepts to read first. */
    prerequisites: z.array(reference('kafka')).default([]),
    /** Concepts that are worth reading next or alongside. */
    related: z.array(reference('kafka')).default([]),
    /** Official documentation for the concept. */
    docs: z.array(docLink).default([]),
  }).strict(),
});

export const collections = { python, aws, kafka };
