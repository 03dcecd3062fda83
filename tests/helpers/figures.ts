/**
 * Reading the figures of built pages (independently of the code that wrote them): is each one described, and
 * does every drawn diagram's picture exist, stand alone and carry its size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { externalReference, svgSize } from '../../src/lib/diagram-svg';
import { listFiles } from '../../src/integrations/dist-files';

export interface BuiltFigure {
  caption: string;
  kind: 'drawn' | 'inline';
  /** What makes it described, or why it is not. */
  described: boolean;
  why: string;
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** The <figure class="diagram"> elements of a page, with whether each has a caption and a text equivalent. */
export function figuresOf(html: string): BuiltFigure[] {
  return [...html.matchAll(/<figure class="diagram[^"]*">([\s\S]*?)<\/figure>/g)].map(([, inner]) => {
    const caption = text(/<figcaption>([\s\S]*?)<\/figcaption>/.exec(inner!)?.[1] ?? '');
    const drawn = /class="diagram-art diagram-drawn/.test(inner!);
    const words = text(/<details class="diagram-text">[\s\S]*?<\/summary>([\s\S]*?)<\/details>/.exec(inner!)?.[1] ?? '');
    const steps = [...(/<div class="diagram-text diagram-steps">[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(inner!)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!));
    const fig = { caption, kind: drawn ? ('drawn' as const) : ('inline' as const) };
    if (!caption) return { ...fig, described: false, why: 'no caption' };
    if (drawn) {
      const alts = [...inner!.matchAll(/<img class="diagram-(?:light|dark)"[^>]*\salt="([^"]*)"/g)].map((m) => m[1]!.trim());
      if (alts.length !== 2 || alts.some((a) => a === '')) return { ...fig, described: false, why: 'an image without alt' };
      if (steps.length >= 2 && steps.every(Boolean)) return { ...fig, described: true, why: `${steps.length} steps` };
      if (words) return { ...fig, described: true, why: 'alt and the diagram in words' };
      return { ...fig, described: false, why: 'neither steps nor the diagram in words' };
    }
    const labelled = /<svg\b[^>]*\brole="img"[^>]*\baria-label="[^"]+"|<svg\b[^>]*\baria-label="[^"]+"[^>]*\brole="img"/.test(inner!) || /<img\b[^>]*\salt="[^"]+"/.test(inner!);
    if (!words && steps.length < 2) return { ...fig, described: false, why: 'no text equivalent' };
    return { ...fig, described: true, why: labelled ? 'labelled picture and its words' : 'the diagram in words' };
  });
}

/** Problems with the drawn diagrams' pictures anywhere in a built site (an empty list when all is well). */
export function diagramImageProblems(dist: string): { problems: string[]; images: number } {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const page of listFiles(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dist, page), 'utf8');
    // A diagram that scrolls sideways is a <section> (a labelled region), the others a <div>.
    for (const [, , art] of html.matchAll(/<(div|section)\b[^>]*\bclass="diagram-art diagram-drawn[^"]*"[^>]*>([\s\S]*?)<\/\1>/g)) {
      const imgs = [...art!.matchAll(/<img class="diagram-(light|dark)"([^>]*)>/g)];
      if (imgs.map((m) => m[1]).join() !== 'light,dark') problems.push(`${page}: a drawn diagram needs a light and a dark image (has ${imgs.map((m) => m[1]).join(', ') || 'none'})`);
      for (const [, theme, attrs] of imgs) {
        const src = /\ssrc="([^"]+)"/.exec(attrs!)?.[1] ?? '';
        const file = join(dist, src.replace(/^\/(?:[^/]+\/)*?(_astro\/diagrams\/)/, '$1'));
        const w = Number(/\swidth="(\d+)"/.exec(attrs!)?.[1]);
        const h = Number(/\sheight="(\d+)"/.exec(attrs!)?.[1]);
        if (!/\/_astro\/diagrams\/[0-9a-f]{16}-(light|dark)\.svg$/.test(src) || !src.endsWith(`-${theme}.svg`)) problems.push(`${page}: ${theme} image src ${src} is not a drawn diagram file of that theme`);
        if (!existsSync(file)) {
          problems.push(`${page}: ${src} is not in dist/`);
          continue;
        }
        if (!/\sloading="lazy"/.test(attrs!) && !page.startsWith('/print/')) problems.push(`${page}: ${src} is not loading="lazy"`);
        if (seen.has(file)) continue;
        seen.add(file);
        const svg = readFileSync(file, 'utf8');
        if (!svg.startsWith('<svg')) problems.push(`${src}: not an SVG file`);
        const ext = externalReference(svg);
        if (ext) problems.push(`${src}: refers to another origin: ${ext}`);
        const size = svgSize(svg);
        if (size.width !== w || size.height !== h) problems.push(`${page}: ${src} is ${size.width}x${size.height} but the img says ${w}x${h}`);
      }
    }
  }
  return { problems, images: seen.size };
}
