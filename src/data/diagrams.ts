/**
 * The site's side of diagram drawing: the palettes come from the site's own stylesheet (so the pictures follow a
 * change of the site's colours), and every diagram is drawn through src/lib/diagram-draw.ts with them. Used by the
 * site model (which draws every diagram once, up front, so a renderer error names the file and line) and by
 * Figure.astro (which then finds the files drawn).
 */
import globalCss from '../styles/global.css?raw';
import { drawDiagram, type DrawnDiagram } from '../lib/diagram-draw';
import { DIAGRAM_DIR } from '../lib/diagram-files';
import { palettesFromCss } from '../lib/diagram-svg';

export const palettes = palettesFromCss(globalCss);

export function draw(source: string): DrawnDiagram {
  return drawDiagram(source, palettes);
}

/** The URL of a drawn file under the site's base path ("/" or "/sub/"). */
export function diagramUrl(base: string, file: string): string {
  return `${base}${DIAGRAM_DIR}/${file}`;
}
