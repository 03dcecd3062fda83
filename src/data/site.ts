/**
 * The site's content, loaded once per build and checked: the one place routes get entries from.
 * Checks that Astro does not make fatal: duplicate order, references to missing entries, prerequisites in a
 * circle, `services` whose anchor has no section (any track's), figures and diagrams (src/lib/figures.ts). Each problem names
 * the file and the field, or the line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { TRACKS, type TrackId } from '../tracks';
import { ContentError, throwIfAny } from '../lib/content-error';
import { problems as sourceProblems } from 'virtual:field-guide/sources';
import { problemsError } from '../lib/source-checks';
import { checkNavLabels, checkPrerequisiteCycles, checkReferences, checkUniqueOrder, indexEntries, sortByOrder, type EntryInfo, type SiteIndex } from '../lib/entries';
import { scanFigures } from '../lib/figures';
import { draw } from './diagrams';

/** An entry of any track. Collections are made from the content folder's tracks, so a track id is any string. */
export type AnyEntry = CollectionEntry<CollectionKey>;

export interface SiteEntry {
  info: EntryInfo;
  entry: AnyEntry;
}

function refIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map((r: { id: string } | string) => (typeof r === 'string' ? r : r.id)) : [];
}

function toInfo(entry: AnyEntry): EntryInfo {
  const data = entry.data as AnyEntry['data'] & { prerequisites?: unknown; related?: unknown };
  const refs: Record<string, string[]> = {};
  if ('prerequisites' in data) refs.prerequisites = refIds(data.prerequisites);
  if ('related' in data) refs.related = refIds(data.related);
  return {
    track: entry.collection,
    id: entry.id,
    title: data.title,
    summary: data.summary,
    order: data.order,
    navLabel: data.navLabel,
    kind: data.kind,
    file: entry.filePath ?? `${entry.collection}/${entry.id}`,
    refs,
  };
}

async function checkServiceAnchors(entries: AnyEntry[]): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  for (const entry of entries) {
    const services = entry.data.services ?? [];
    if (!services.length) continue;
    const { headings } = await render(entry);
    const slugs = new Set(headings.map((h) => h.slug));
    services.forEach((s, i) => {
      if (!slugs.has(s.anchor)) {
        errors.push(
          new ContentError(entry.filePath ?? entry.id, `services[${i}].anchor`, `no heading with id "${s.anchor}" for ${s.name} (headings: ${[...slugs].join(', ')})`),
        );
      }
    });
  }
  return errors;
}

/**
 * Every <Figure> and ```mermaid fence of every MDX source, checked with its line; then every valid diagram is
 * drawn (or found in the cache), so a source the renderer rejects is reported here with its file and line too.
 */
function checkFigures(entries: AnyEntry[]): ContentError[] {
  const errors: ContentError[] = [];
  let drawnMs = 0;
  let drawnCount = 0;
  let cachedMs = 0;
  let cachedCount = 0;
  for (const entry of entries) {
    const file = entry.filePath;
    if (!file?.endsWith('.mdx')) continue;
    const scan = scanFigures(readFileSync(resolve(file), 'utf8'), file);
    for (const e of scan.errors) {
      const [, at = file, problem = e] = /^(.+?:\d+): ([\s\S]*)$/.exec(e) ?? [];
      errors.push(new ContentError(at, 'figure', problem));
    }
    if (scan.errors.length) continue;
    for (const d of scan.diagrams) {
      try {
        const start = performance.now();
        const drawn = draw(d.code);
        if (drawn.ms) (drawnMs += drawn.ms), drawnCount++;
        else (cachedMs += performance.now() - start), cachedCount++;
      } catch (err) {
        errors.push(new ContentError(`${file}:${d.line}`, 'diagram', `the renderer cannot draw it: ${(err as Error).message}`));
      }
    }
  }
  if (drawnCount + cachedCount) {
    const each = (ms: number, n: number) => (n ? ` (${(ms / n).toFixed(1)} ms each)` : '');
    console.info(`[diagrams] ${drawnCount + cachedCount} diagrams: ${drawnCount} drawn in ${Math.round(drawnMs)} ms${each(drawnMs, drawnCount)}, ${cachedCount} found in the cache in ${Math.round(cachedMs)} ms${each(cachedMs, cachedCount)}`);
  }
  return errors;
}

async function load(): Promise<SiteEntry[]> {
  // Problems in the MDX sources (src/lib/source-checks.ts). A build has already stopped on them before
  // rendering; in `astro dev` they are thrown here, so the error overlay names the file and line.
  if (sourceProblems.length) throw problemsError(sourceProblems);
  const all: AnyEntry[] = (await Promise.all(TRACKS.map((t) => getCollection(t.id as CollectionKey)))).flat();
  const site = all.map((entry) => ({ entry, info: toInfo(entry) }));
  const infos = site.map((s) => s.info);
  const references = checkReferences(infos);
  // LINK_CHECK=warn (for writers drafting pages that refer to pages not yet written) reports references without failing.
  if (process.env.LINK_CHECK === 'warn') {
    for (const e of references) console.warn(`[content] ${e.message}`);
    references.length = 0;
  }
  throwIfAny([...checkUniqueOrder(infos), ...checkNavLabels(infos), ...references, ...checkPrerequisiteCycles(infos), ...(await checkServiceAnchors(all)), ...checkFigures(all)]);
  return site;
}

let cached: Promise<SiteEntry[]> | undefined;

/** Every entry of every track, checked. */
export function getSite(): Promise<SiteEntry[]> {
  cached ??= load();
  return cached;
}

/** Entries of one track in learning order. */
export async function getTrackEntries(track: TrackId): Promise<SiteEntry[]> {
  const site = await getSite();
  return sortByOrder(site.filter((s) => s.info.track === track).map((s) => ({ ...s, id: s.info.id, order: s.info.order })));
}

let index: Promise<SiteIndex> | undefined;

/** Every entry, arranged once for constant-time navigation lookups. */
export function getIndex(): Promise<SiteIndex> {
  index ??= getSite().then((site) => indexEntries(site.map((s) => s.info)));
  return index;
}
