/**
 * Frontmatter fields only some tracks have, keyed by track id: the one place a track's own fields are declared.
 * Every track has the common fields and the generic optional ones (`prerequisites`, `related`, `docs`; see
 * src/content.config.ts); a track listed here has these as well, checked as strictly. The site acts on a field
 * wherever it is present (a page with `services` gets its service anchors checked and listed, a page with
 * `outcomes` shows them), never on a track's name.
 */
import { z } from 'astro/zod';

export const TRACK_FIELDS = {
  python: {
    /** What the reader can do after this stage. */
    outcomes: z.array(z.string().min(5)).min(1),
  },
  aws: {
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
  },
} satisfies Record<string, z.ZodRawShape>;

type Fields = typeof TRACK_FIELDS;
type Union<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;

/** Every track-specific field, each optional: the type an entry of any track may carry. */
export type TrackFieldData = Partial<Union<{ [K in keyof Fields]: z.infer<z.ZodObject<Fields[K]>> }[keyof Fields]>>;

/** The extra fields of one track (none for most tracks). */
export const trackFields = (id: string): z.ZodRawShape => (TRACK_FIELDS as Record<string, z.ZodRawShape>)[id] ?? {};
