/**
 * What the site does to a diagram's SVG after the renderer (beautiful-mermaid) has drawn it, so that the file
 * stands alone: no request to another origin, colours baked in from the site's palette (the file is shown as an
 * <img>, where the page's CSS variables do not reach), the site's system font stack, and ids that cannot collide
 * with another diagram's. Pure string work, unit-tested in tests/unit/diagram-svg.test.ts.
 */

/** The colours of one theme, as the renderer names them. */
export interface DiagramPalette {
  bg: string;
  fg: string;
  /** Secondary text: edge labels, notes. */
  muted: string;
  /** Connectors. */
  line: string;
  /** Arrow heads. */
  accent: string;
  /** Node fill. */
  surface: string;
  /** Node and group outlines. */
  border: string;
}

export type ThemeName = 'light' | 'dark';

/** The site's font stack (src/styles/global.css --font): system fonts only, nothing downloaded. */
export const DIAGRAM_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const HEX = /^#[0-9a-f]{6}$/i;

function rootBlock(css: string): string {
  const at = css.indexOf(':root {');
  if (at < 0) throw new Error('diagram palette: no ":root {" block in the stylesheet');
  return css.slice(at, css.indexOf('}', at));
}

/** `--name: light-dark(#light, #dark);` (the site's one palette) or, for a single-theme sheet, `--name: #hex;`. */
function varOf(block: string, name: string): Record<ThemeName, string> {
  const pair = new RegExp(`--${name}:\\s*light-dark\\(\\s*(#[0-9a-fA-F]{6})\\s*,\\s*(#[0-9a-fA-F]{6})\\s*\\)\\s*;`).exec(block);
  if (pair) return { light: pair[1]!.toLowerCase(), dark: pair[2]!.toLowerCase() };
  const one = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(block);
  if (one) return { light: one[1]!.toLowerCase(), dark: one[1]!.toLowerCase() };
  throw new Error(`diagram palette: --${name} (light-dark(#rrggbb, #rrggbb) or a #rrggbb colour) is missing in :root`);
}

/**
 * The diagram palettes of both themes, read from the site's stylesheet (the first `:root {` block, whose colours
 * are `light-dark(light, dark)` pairs), so a change of the site's colours redraws the diagrams in them. Outlines
 * and connectors are mixed from the text colour so that they keep at least 3:1 against the background.
 */
export function palettesFromCss(css: string): Record<ThemeName, DiagramPalette> {
  const block = rootBlock(css);
  const vars = Object.fromEntries(['bg', 'fg', 'fg-soft', 'accent', 'bg-soft'].map((n) => [n, varOf(block, n)]));
  const pick = (t: ThemeName): DiagramPalette => {
    const v = (n: string) => vars[n]![t];
    const bg = v('bg');
    const fg = v('fg');
    return { bg, fg, muted: v('fg-soft'), line: mix(fg, bg, 0.55), accent: v('accent'), surface: v('bg-soft'), border: mix(fg, bg, 0.45) };
  };
  return { light: pick('light'), dark: pick('dark') };
}

function channels(hex: string): [number, number, number] {
  if (!HEX.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** CSS `color-mix(in srgb, a p, b)` for opaque colours: p of a and (1 - p) of b, per sRGB channel. */
export function mix(a: string, b: string, p: number): string {
  const x = channels(a);
  const y = channels(b);
  return '#' + x.map((c, i) => Math.round(c * p + y[i]! * (1 - p)).toString(16).padStart(2, '0')).join('');
}

/** Resolve one CSS value made of var(--x[, fallback]), color-mix(in srgb, …) and #rrggbb against known variables. */
export function resolveColor(value: string, vars: Record<string, string>): string {
  const v = value.trim();
  if (HEX.test(v)) return v.toLowerCase();
  let m = /^var\(\s*--([\w-]+)\s*(?:,\s*([\s\S]+))?\)$/.exec(v);
  if (m) {
    const known = vars[m[1]!];
    if (known) return known;
    if (m[2] !== undefined) return resolveColor(m[2], vars);
    throw new Error(`diagram colours: --${m[1]} is not defined`);
  }
  m = /^color-mix\(\s*in srgb\s*,\s*([\s\S]+?)\s+(\d+(?:\.\d+)?)%\s*,\s*([\s\S]+)\)$/.exec(v);
  if (m) return mix(resolveColor(m[1]!, vars), resolveColor(m[3]!, vars), Number(m[2]) / 100);
  throw new Error(`diagram colours: cannot resolve "${v}"`);
}

/** Remove every `@import` rule (the renderer imports a web font from fonts.googleapis.com). */
export function stripImports(svg: string): string {
  return svg.replace(/@import\s+(?:url\([^)]*\)|"[^"]*"|'[^']*')[^;]*;\s*/g, '');
}

/**
 * Prefix every id of the SVG, and every reference to one (`url(#…)`, `href="#…"`), with `prefix-`: the renderer
 * calls every diagram's arrow marker "arrowhead" and gives nodes their diagram ids ("A", "B"), which repeat
 * across diagrams and would collide if two were ever inlined on one page.
 */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  const p = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, a: string, id: string) => `${a}${p(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${p(id)})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_, a: string, id: string) => `${a}#${p(id)}"`);
}

/**
 * Bake the renderer's CSS variables into literal colours: the palette gives --bg, --fg, --muted, …, the SVG's own
 * `svg { --_text: …; }` rule derives the rest; every `var(--…)` in attributes is replaced, the derivation rule and
 * the root's variable style dropped. Throws if a variable is left, so a renderer change cannot ship unbaked colours.
 */
export function bakeColors(svg: string, palette: DiagramPalette): string {
  const vars: Record<string, string> = { ...palette } as unknown as Record<string, string>;
  const rule = /\bsvg\s*\{([^}]*)\}/.exec(svg);
  if (rule) {
    const body = rule[1]!.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const decl of body.split(';')) {
      const m = /^\s*--([\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(decl);
      if (m) vars[m[1]!] = resolveColor(m[2]!, vars);
    }
  }
  let out = rule ? svg.replace(rule[0], '') : svg;
  // The root's style="--bg:…;--fg:…" (and a background, unless transparent) only fed the variables.
  out = out.replace(/^(<svg\b[^>]*?)\sstyle="[^"]*"/, '$1');
  out = out.replace(/var\(\s*--[\w-]+\s*(?:,[^()]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*)*)?\)|color-mix\([^()]*(?:\([^()]*\)[^()]*)*\)/g, (expr) => resolveColor(expr, vars));
  const left = /var\(--[\w-]+/.exec(out);
  if (left) throw new Error(`diagram colours: ${left[0]}) is still in the SVG after baking`);
  return out;
}

/** Use the site's font stack for every text of the diagram. */
export function setFont(svg: string, font = DIAGRAM_FONT): string {
  const rule = `text { font-family: ${font}; }`;
  if (/\btext\s*\{[^}]*\}/.test(svg)) return svg.replace(/\btext\s*\{[^}]*\}/, rule);
  return svg.replace(/(<svg\b[^>]*>)/, `$1<style>${rule}</style>`);
}

/** The drawn size in CSS pixels, from the root's viewBox (rounded up, for the <img> width and height). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg\b[^>]*\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (!m) throw new Error('diagram SVG has no viewBox');
  return { width: Math.ceil(Number(m[1])), height: Math.ceil(Number(m[2])) };
}

/** Collapse the renderer's indentation and blank lines: the file is served as is. */
export function compact(svg: string): string {
  return svg.replace(/>\s+</g, '><').replace(/\n\s*/g, ' ').replace(/<style>\s*<\/style>/g, '').trim();
}

/**
 * Smaller files: the renderer's data-* attributes (node ids and labels again, for scripts the site does not run) go,
 * and coordinates are rounded to 0.01 px, inside attribute values only (a label's own digits stay as written).
 */
export function tidy(svg: string): string {
  return svg
    .replace(/\sdata-[\w-]+="[^"]*"/g, '')
    .replace(/(\s[\w:-]+=")([^"]*)"/g, (_, a: string, v: string) => `${a}${v.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`);
}

/** Any reference to another origin left in an SVG (the namespace declarations excepted), or undefined. */
export function externalReference(svg: string): string | undefined {
  const withoutNs = svg.replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
  return /@import|url\(\s*['"]?(?:https?:)?\/\/[^)]*\)|(?:href|src)="(?:https?:)?\/\/[^"]*"|https?:\/\/[^\s"'<>)]+/i.exec(withoutNs)?.[0];
}

/** The whole treatment of one drawn SVG for one theme. */
export function finishSvg(svg: string, palette: DiagramPalette, idPrefix: string): string {
  const done = compact(tidy(setFont(bakeColors(prefixIds(stripImports(svg), idPrefix), palette))));
  const ext = externalReference(done);
  if (ext) throw new Error(`diagram SVG still refers to another origin: ${ext}`);
  return done;
}
