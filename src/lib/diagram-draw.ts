/**
 * Draws a diagram's text source to one SVG file per theme, once per distinct source: the files are kept in a
 * cache folder on disk (named by a hash of the source, the renderer's version, the palettes and this treatment),
 * so a rebuild reads them instead of drawing again. The build step (src/integrations/diagrams.ts) copies the
 * files a page refers to into dist/_astro/diagrams/, and the dev server serves them from the same folder.
 * No Astro imports; node:fs, node:crypto and the renderer only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { diagramCacheDir } from './diagram-files';
import { finishSvg, svgSize, type DiagramPalette, type ThemeName } from './diagram-svg';

/** The renderer's version, part of every cache key (tests/unit/diagram-draw.test.ts holds it to package.json). */
export const RENDERER = 'beautiful-mermaid@1.1.3';
/** Bump when src/lib/diagram-svg.ts or the render options change what a file contains. */
export const TREATMENT = 2;
export const THEMES: readonly ThemeName[] = ['light', 'dark'];

export interface DrawnDiagram {
  key: string;
  width: number;
  height: number;
  /** File name per theme, inside DIAGRAM_DIR (src/lib/diagram-files.ts). */
  files: Record<ThemeName, string>;
  /** Milliseconds spent drawing; 0 when the files came from the cache. */
  ms: number;
}

/** The renderer's options: a small margin (the figure has its own), transparent so the page's background shows. */
const OPTIONS = { padding: 16, transparent: true } as const;

/** Normalise what does not change the picture: line endings, trailing spaces, indentation of the block. */
export function normaliseSource(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

export function diagramKey(source: string, palettes: Record<ThemeName, DiagramPalette>): string {
  return createHash('sha256')
    .update(JSON.stringify({ source: normaliseSource(source), renderer: RENDERER, treatment: TREATMENT, options: OPTIONS, palettes }))
    .digest('hex')
    .slice(0, 16);
}

const drawn = new Map<string, DrawnDiagram>();

function writeAtomic(path: string, text: string): void {
  // Builds of several content folders may share the cache: write aside, then rename (atomic on one filesystem).
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Draw (or find in the cache) the SVG files of one diagram source. Throws the renderer's error for a source it
 * cannot draw; callers validate first (src/lib/diagram-validate.ts) so that authors get a file and a line.
 */
export function drawDiagram(source: string, palettes: Record<ThemeName, DiagramPalette>, cacheDir = diagramCacheDir()): DrawnDiagram {
  const key = diagramKey(source, palettes);
  const known = drawn.get(key);
  if (known) return known;
  const files = { light: `${key}-light.svg`, dark: `${key}-dark.svg` };
  const paths = THEMES.map((t) => join(cacheDir, files[t]));
  let result: DrawnDiagram;
  if (paths.every((p) => existsSync(p))) {
    result = { key, files, ms: 0, ...svgSize(readFileSync(paths[0]!, 'utf8')) };
  } else {
    const start = performance.now();
    // One layout for both themes: the colours are baked afterwards.
    const raw = renderMermaidSVG(normaliseSource(source), OPTIONS);
    const svgs = THEMES.map((t) => finishSvg(raw, palettes[t], `d${key.slice(0, 8)}`));
    const ms = performance.now() - start;
    mkdirSync(cacheDir, { recursive: true });
    THEMES.forEach((_, i) => writeAtomic(paths[i]!, svgs[i]!));
    result = { key, files, ms, ...svgSize(svgs[0]!) };
  }
  drawn.set(key, result);
  return result;
}

/** Every diagram drawn or found by this process, for the build's timing report. */
export function drawnDiagrams(): DrawnDiagram[] {
  return [...drawn.values()];
}
