/**
 * Syntax colours as classes. Shiki's dual-theme output gives every token
 * `style="color:#CF222E;--shiki-dark:#FF7B72"`; a code-heavy page repeats that hundreds of times. The light and
 * dark themes pair their colours rule by rule, so each light colour names one class whose two colours live in
 * the stylesheet once (`paletteCss`). Tokens in the default colour need no span at all. A style this module
 * does not understand is left inline, so rendering is never wrong, only heavier.
 */

export interface ThemeLike {
  name?: string;
  colors?: Record<string, string>;
  tokenColors?: { scope?: string | string[]; settings?: { foreground?: string; fontStyle?: string } }[];
}

export interface CodePalette {
  /** Light colour (lowercase hex) → class name. */
  classes: Map<string, string>;
  /** Light colour → dark colour, for every class. */
  dark: Map<string, string>;
  /** The themes' default text and background colours, light and dark. */
  fg: { light: string; dark: string };
  bg: { light: string; dark: string };
}

const hex = (c: string | undefined) => c?.toLowerCase();

/**
 * Pairs the two themes' token colours rule by rule. A light colour that maps to two different dark colours is
 * left out (its tokens keep their inline style). Throws if the themes' rules do not line up, naming the rule.
 */
export function buildPalette(light: ThemeLike, dark: ThemeLike): CodePalette {
  const l = light.tokenColors ?? [];
  const d = dark.tokenColors ?? [];
  if (l.length !== d.length) throw new Error(`code colours: themes ${light.name} and ${dark.name} have ${l.length} and ${d.length} token rules; they must pair rule by rule`);
  const pairs = new Map<string, string | null>();
  l.forEach((rule, i) => {
    if (JSON.stringify(rule.scope) !== JSON.stringify(d[i]!.scope)) {
      throw new Error(`code colours: token rule ${i} has scope ${JSON.stringify(rule.scope)} in ${light.name} but ${JSON.stringify(d[i]!.scope)} in ${dark.name}`);
    }
    const a = hex(rule.settings?.foreground);
    const b = hex(d[i]!.settings?.foreground);
    if (!a || !b) return;
    const seen = pairs.get(a);
    pairs.set(a, seen === undefined || seen === b ? b : null);
  });
  const fg = { light: hex(light.colors?.['editor.foreground']) ?? '#000000', dark: hex(dark.colors?.['editor.foreground']) ?? '#ffffff' };
  const bg = { light: hex(light.colors?.['editor.background']) ?? '#ffffff', dark: hex(dark.colors?.['editor.background']) ?? '#000000' };
  const classes = new Map<string, string>();
  const darkOf = new Map<string, string>();
  for (const [a, b] of pairs) {
    if (b === null || a === fg.light) continue;
    classes.set(a, `c${classes.size}`);
    darkOf.set(a, b);
  }
  return { classes, dark: darkOf, fg, bg };
}

/**
 * The stylesheet for the palette: each class holds both colours as light-dark(), resolved by the page's
 * color-scheme (global.css: the reader's theme, else the system's, and light in print), so it needs no rule
 * per theme. Tokens whose colours are not in the palette keep Shiki's inline light colour and --shiki-dark.
 */
export function paletteCss(p: CodePalette): string {
  const fallback = '.astro-code [style*="--shiki-dark:"]{color:var(--shiki-dark)!important}';
  return [
    `.astro-code{color:light-dark(${p.fg.light},${p.fg.dark});background-color:light-dark(${p.bg.light},${p.bg.dark})}`,
    ...[...p.classes].map(([c, name]) => `.astro-code .${name}{color:light-dark(${c},${p.dark.get(c)})}`),
    '.astro-code .fi{font-style:italic}.astro-code .fb{font-weight:700}.astro-code .fu{text-decoration:underline}',
    `@media screen{[data-theme=dark] ${fallback}}`,
    `@media screen and (prefers-color-scheme:dark){:root:not([data-theme]) ${fallback}}`,
  ].join('\n');
}

/** Parses `a:b;c:d` into a map; undefined for anything that is not a plain declaration list. */
function declarations(style: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const part of style.split(';')) {
    if (!part.trim()) continue;
    const i = part.indexOf(':');
    if (i < 1) return undefined;
    out.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim());
  }
  return out;
}

const FONT: Record<string, [light: string, value: string, cls: string]> = {
  'font-style': ['--shiki-dark-font-style', 'italic', 'fi'],
  'font-weight': ['--shiki-dark-font-weight', 'bold', 'fb'],
  'text-decoration': ['--shiki-dark-text-decoration', 'underline', 'fu'],
};

/**
 * What a token's inline style becomes: classes, or the style kept as it was. `{}` means the token is in the
 * default colour and needs no element of its own.
 */
export function classifyTokenStyle(style: string, p: CodePalette): { classes?: string[]; style?: string } {
  const decl = declarations(style);
  if (!decl) return { style };
  const classes: string[] = [];
  const color = hex(decl.get('color'));
  const darkColor = hex(decl.get('--shiki-dark'));
  decl.delete('color');
  decl.delete('--shiki-dark');
  if (color !== undefined || darkColor !== undefined) {
    if (color === p.fg.light && darkColor === p.fg.dark) {
      /* default colour: inherited from <pre> */
    } else if (color && p.classes.has(color) && p.dark.get(color) === darkColor) {
      classes.push(p.classes.get(color)!);
    } else {
      return { style };
    }
  }
  for (const [prop, [darkProp, value, cls]] of Object.entries(FONT)) {
    // Shiki writes the light theme's font style either plainly or as --shiki-light-*.
    const lightVar = `--shiki-light-${prop}`;
    const a = decl.get(prop) ?? decl.get(lightVar);
    const b = decl.get(darkProp);
    for (const k of [prop, lightVar, darkProp]) decl.delete(k);
    if (a === undefined && b === undefined) continue;
    if (a !== value || b !== value) return { style };
    classes.push(cls);
  }
  if (decl.size > 0) return { style };
  return classes.length ? { classes } : {};
}
