/**
 * Syntax colours as classes (see src/lib/code-colors.ts): a Shiki transformer that rewrites token styles into
 * palette classes, unwraps default-colour tokens and the per-line spans, and a Vite plugin that serves the
 * palette's stylesheet as `virtual:code-colors.css` (imported by the base layout, so it lands in the one CSS
 * bundle). Both come from the same two themes, loaded once when the config is read.
 */
import { bundledThemes, type ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';
import type { Plugin } from 'vite';
import { buildPalette, classifyTokenStyle, paletteCss, type CodePalette, type ThemeLike } from '../lib/code-colors';

const CSS_ID = 'virtual:code-colors.css';
const RESOLVED = `\0${CSS_ID}`;

async function loadTheme(name: string): Promise<ThemeLike> {
  const load = bundledThemes[name as keyof typeof bundledThemes];
  if (!load) throw new Error(`code colours: Shiki has no bundled theme "${name}" (astro.config.mjs, markdown.shikiConfig.themes)`);
  return (await load()).default as ThemeLike;
}

// Shiki's hast uses `class`; other tools use `className`.
const classList = (el: Element): string[] => {
  const c = el.properties.class ?? el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

function token(node: ElementContent, palette: CodePalette): ElementContent[] {
  if (node.type !== 'element' || node.tagName !== 'span' || typeof node.properties.style !== 'string') return [node];
  const result = classifyTokenStyle(node.properties.style, palette);
  if (result.style !== undefined) return [node];
  if (!result.classes) return node.children;
  delete node.properties.style;
  node.properties.class = result.classes.join(' ');
  return [node];
}

export function codeColorsTransformer(palette: CodePalette): ShikiTransformer {
  return {
    name: 'field-guide:code-colors',
    pre(node) {
      // The stylesheet carries the block's colours; keep any other declaration.
      const style = typeof node.properties.style === 'string' ? node.properties.style : '';
      const rest = style.split(';').map((s) => s.trim()).filter((s) => s && !/^(background-color|color|--shiki-dark|--shiki-dark-bg|overflow-x)\s*:/.test(s));
      if (rest.length) node.properties.style = rest.join(';');
      else delete node.properties.style;
      delete node.properties.className;
      node.properties.class = 'astro-code';
    },
    code(node) {
      node.children = node.children.flatMap((child) =>
        child.type === 'element' && child.tagName === 'span' && classList(child).includes('line') && Object.keys(child.properties).length === 1
          ? child.children.flatMap((t) => token(t, palette))
          : [child],
      );
    },
  };
}

export function codeColorsCss(palette: CodePalette): Plugin {
  return {
    name: 'field-guide:code-colors-css',
    resolveId: (id) => (id === CSS_ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `${paletteCss(palette)}\n.astro-code{overflow-x:auto}\n` : undefined),
  };
}

/** The palette for the configured themes, with its transformer and stylesheet plugin. */
export async function codeColors(themes: { light: string; dark: string }) {
  const palette = buildPalette(await loadTheme(themes.light), await loadTheme(themes.dark));
  return { palette, transformer: codeColorsTransformer(palette), vitePlugin: codeColorsCss(palette) };
}
