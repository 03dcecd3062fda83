import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir, guide } from './lib/guide';
import { trackFields, type TrackFieldData } from './track-fields';

/**
 * Where the words live. CONTENT_DIR lets the generator build other content (benchmarks, your own guide).
 * A page is an .md/.mdx file directly in its track's folder; names starting with `_` and README files are not
 * pages (src/lib/source-checks.ts reports a page put in a subfolder, before this loader runs).
 */
const CONTENT_DIR = contentDir();
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

/** The fields any track's entries may have: the generic optional ones. */
const generic = (track: string) => ({
  /** Entries of the track to read first. */
  prerequisites: z.array(reference(track)).default([]),
  /** Entries worth reading next or alongside. */
  related: z.array(reference(track)).default([]),
  /** Official documentation for the entry's topics. */
  docs: z.array(docLink).default([]),
});

/**
 * The type every entry's data has: the common fields, the generic ones and, optional, every track-specific field
 * (src/track-fields.ts). Each collection's own schema is stricter: only its track's fields, required as declared.
 */
const anyEntry = common.extend(generic('_')).extend({}).strict();
type EntryData = z.infer<typeof anyEntry> & TrackFieldData;

/** One collection per folder of the content folder with a `_track.yml` (src/lib/guide.ts). */
const collection = (track: string) =>
  defineCollection({
    loader: entries(track),
    schema: common.extend(generic(track)).extend(trackFields(track)).strict() as unknown as z.ZodType<EntryData>,
  });

const guideNow = guide();
// A build has already stopped on these in the source checks; `astro dev` and `astro sync` stop here.
if (guideNow.problems.length) throw new Error(`Guide description problems:\n${guideNow.problems.map((p) => `  - ${p.file}: ${p.message}`).join('\n')}`);

export const collections: Record<string, ReturnType<typeof collection>> = Object.fromEntries(guideNow.tracks.map((t) => [t.id, collection(t.id)]));
