/**
 * The guide described in its content folder: `_site.yml` at the top (the site's name and words) and one
 * `<track>/_track.yml` per track (its label, title, intro, what an entry is called). The one place these files
 * are read and validated: the track registry (src/tracks.ts), the site settings (src/site.config.ts), the
 * collections (src/content.config.ts) and the source checks (src/integrations/content-sources.ts) all take
 * them from here. Synchronous, so the content config can build its collections when it loads.
 *
 * Reading never throws: a problem (a missing file, a missing or unknown key, a wrong type) is returned with the
 * file and the key, and the source checks stop the build with it before Astro reads any page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';

const words = z.string().trim().min(1);

/** `content/<track>/_track.yml`. */
export const trackFileSchema = z
  .object({
    /** Short name for navigation, search filters and the card kicker ("Kafka"). */
    label: words.max(40),
    /** Title of the track's index page. */
    title: words.max(120),
    /** One sentence: what the track teaches (home page card, index meta description). */
    intro: words.max(300),
    /** What one entry is called ("stage", "category", "concept"). */
    entry: words.max(40),
    /** Its plural ("stages", "categories"). */
    entries: words.max(40),
    /** Who it is for and how to use it (index page lead). */
    audience: words.max(600).optional(),
    /** Place among the tracks (navigation, home, print, search filters): lower first. Without it, tracks sort by label, after those with one. */
    position: z.number().int().optional(),
    /** Place in the flashcard deck order: lower first. Without it, the track comes after those with one, in track order. */
    flashcards: z.number().int().optional(),
    /** Search words for the track's index page that its title and intro do not spell out. */
    searchTerms: z.array(z.string().min(2).max(60)).optional(),
  })
  .strict();

/** `content/_site.yml`. */
export const siteFileSchema = z
  .object({
    /** The site's name: header, home page title, page titles, social cards, web manifest, print pages. */
    name: words.max(80),
    /** One or two sentences: the home page's meta description, the manifest, llms.txt. */
    description: words.max(300),
    /** Name for a phone's home screen (web manifest); the name when absent. */
    shortName: words.max(30).optional(),
    /** The kicker on the home page's social card; the short name when absent. */
    tagline: words.max(60).optional(),
    /** The home page's opening paragraph (Markdown, inline). */
    lead: words.optional(),
    /** Paragraphs after the lead (Markdown): what the site's examples were checked with, how to read it. */
    about: words.optional(),
    /** The home page's "Where to start" section (Markdown; links like `/python/` follow the base path). */
    start: words.optional(),
  })
  .strict();

export type TrackFile = z.infer<typeof trackFileSchema>;
export type SiteFile = z.infer<typeof siteFileSchema>;

export interface Track {
  /** Folder name, collection name and first URL segment: /<id>/<entry>/. */
  id: string;
  label: string;
  title: string;
  intro: string;
  audience?: string;
  /** What an entry is called in this track ("stage"), from `entry`. */
  entryNoun: string;
  /** Its plural ("stages"), from `entries`. */
  entryNounPlural: string;
  position?: number;
  flashcards?: number;
  searchTerms?: string[];
}

export interface Site {
  name: string;
  shortName: string;
  description: string;
  tagline: string;
  lead?: string;
  about?: string;
  start?: string;
}

export interface GuideProblem {
  file: string;
  message: string;
}

export interface Guide {
  /** The tracks whose `_track.yml` is valid, in their order (`position`, then label). */
  tracks: Track[];
  site: Site;
  problems: GuideProblem[];
}

/** A folder name that can be a URL segment and a collection name. */
const TRACK_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The path shown in a message: relative to the working directory, absolute for content outside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path).split(sep).join('/');
  return rel.startsWith('..') ? path : rel;
}

function zodProblems(file: string, error: z.ZodError): GuideProblem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { file, message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or fix the spelling` };
    }
    const key = issue.path.map(String).join('.') || '(the file)';
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { file, message: missing ? `${key}: required key is missing` : `${key}: ${issue.message}` };
  });
}

function readYaml(path: string, file: string): { data?: unknown; problems: GuideProblem[] } {
  try {
    const data = yaml.load(readFileSync(path, 'utf8'));
    return { data: data ?? {}, problems: [] };
  } catch (err) {
    return { problems: [{ file, message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` }] };
  }
}

function parse<T>(path: string, schema: z.ZodType<T>): { value?: T; problems: GuideProblem[] } {
  const file = shown(path);
  const read = readYaml(path, file);
  if (read.problems.length) return read;
  const result = schema.safeParse(read.data);
  return result.success ? { value: result.data, problems: [] } : { problems: zodProblems(file, result.error) };
}

/** Tracks in their order: those with a `position` first (lower first), then by label. */
export function sortTracks<T extends { position?: number; label: string }>(tracks: readonly T[]): T[] {
  return [...tracks].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.label.localeCompare(b.label));
}

/** Track ids in flashcard deck order: by `flashcards` (lower first), then those without it, in track order. */
export function flashcardOrder(tracks: readonly Track[]): string[] {
  return tracks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.flashcards ?? Infinity) - (b.t.flashcards ?? Infinity) || a.i - b.i)
    .map(({ t }) => t.id);
}

const PLACEHOLDER_SITE: Site = { name: 'Guide', shortName: 'Guide', description: 'A guide.', tagline: 'Guide' };

/** Reads `_site.yml` and every `<folder>/_track.yml` of a content folder. */
export function readGuide(contentDir: string): Guide {
  const dir = resolve(contentDir);
  const problems: GuideProblem[] = [];
  const tracks: Track[] = [];
  let site = PLACEHOLDER_SITE;
  const sitePath = join(dir, '_site.yml');
  if (!existsSync(sitePath)) {
    problems.push({ file: shown(sitePath), message: 'missing: every guide needs _site.yml with at least `name` and `description` (docs/GENERATOR.md)' });
  } else {
    const { value, problems: p } = parse(sitePath, siteFileSchema);
    problems.push(...p);
    if (value) site = { ...value, shortName: value.shortName ?? value.name, tagline: value.tagline ?? value.shortName ?? value.name };
  }
  const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !/^[_.]/.test(e.name)).map((e) => e.name).sort() : [];
  for (const id of folders) {
    const path = join(dir, id, '_track.yml');
    if (!existsSync(path)) continue;
    if (!TRACK_ID.test(id)) {
      problems.push({ file: shown(path), message: `"${id}" cannot be a track's folder name (its URL segment): use lowercase letters, digits and hyphens` });
      continue;
    }
    const { value, problems: p } = parse(path, trackFileSchema);
    problems.push(...p);
    if (!value) continue;
    const { entry, entries, ...rest } = value;
    tracks.push({ id, ...rest, entryNoun: entry, entryNounPlural: entries });
  }
  return { tracks: sortTracks(tracks), site, problems };
}

/** The content folder a build reads: CONTENT_DIR, or ./content. */
export const contentDir = () => resolve(process.env.CONTENT_DIR ?? './content');

let current: Guide | undefined;

/** The guide of this build's content folder, read once. */
export function guide(): Guide {
  current ??= readGuide(contentDir());
  return current;
}
