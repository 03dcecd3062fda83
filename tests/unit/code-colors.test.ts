import { describe, expect, it } from 'vitest';
import { bundledThemes } from 'shiki';
import { buildPalette, classifyTokenStyle, paletteCss, type ThemeLike } from '../../src/lib/code-colors';

const theme = async (name: keyof typeof bundledThemes) => (await bundledThemes[name]()).default as ThemeLike;
const light = await theme('github-light-default');
const dark = await theme('github-dark-default');
const palette = buildPalette(light, dark);

describe('code colour palette', () => {
  it('pairs the site themes colour by colour, without the default text colour', () => {
    expect(palette.fg).toEqual({ light: '#1f2328', dark: '#e6edf3' });
    expect(palette.bg).toEqual({ light: '#ffffff', dark: '#0d1117' });
    expect(palette.classes.has('#1f2328')).toBe(false);
    expect(palette.dark.get('#cf222e')).toBe('#ff7b72');
    expect(new Set(palette.classes.values()).size).toBe(palette.classes.size);
  });

  it('writes both colours of each class once, resolved by the color-scheme (no rule per theme)', () => {
    const css = paletteCss(palette);
    const name = palette.classes.get('#cf222e')!;
    expect(css).toContain(`.astro-code .${name}{color:light-dark(#cf222e,#ff7b72)}`);
    expect(css).toContain('.astro-code{color:light-dark(#1f2328,#e6edf3);background-color:light-dark(#ffffff,#0d1117)}');
    expect(css.match(new RegExp(`\\.${name}\\{`, 'g'))).toHaveLength(1);
    // Tokens outside the palette: their inline dark colour under a dark choice, or a dark system with no choice.
    expect(css).toContain('@media screen{[data-theme=dark] .astro-code [style*="--shiki-dark:"]');
    expect(css).toContain('@media screen and (prefers-color-scheme:dark){:root:not([data-theme]) .astro-code [style*="--shiki-dark:"]');
  });

  it('leaves out a light colour that two rules pair with different dark colours', () => {
    const p = buildPalette(
      { name: 'l', tokenColors: [{ scope: 'a', settings: { foreground: '#111111' } }, { scope: 'b', settings: { foreground: '#111111' } }] },
      { name: 'd', tokenColors: [{ scope: 'a', settings: { foreground: '#eeeeee' } }, { scope: 'b', settings: { foreground: '#dddddd' } }] },
    );
    expect(p.classes.size).toBe(0);
    expect(classifyTokenStyle('color:#111111;--shiki-dark:#EEEEEE', p)).toEqual({ style: 'color:#111111;--shiki-dark:#EEEEEE' });
  });

  it('refuses themes whose rules do not line up, naming the rule', () => {
    expect(() => buildPalette({ name: 'l', tokenColors: [{ scope: 'a' }] }, { name: 'd', tokenColors: [{ scope: 'b' }] })).toThrow(/token rule 0 has scope "a" in l but "b" in d/);
    expect(() => buildPalette({ name: 'l', tokenColors: [] }, { name: 'd', tokenColors: [{ scope: 'b' }] })).toThrow(/0 and 1 token rules/);
  });
});

describe('token styles', () => {
  const c = (hex: string) => palette.classes.get(hex)!;
  it('turns a palette colour into its class, case-insensitively', () => {
    expect(classifyTokenStyle('color:#CF222E;--shiki-dark:#FF7B72', palette)).toEqual({ classes: [c('#cf222e')] });
  });
  it('drops the default colour: the token needs no element', () => {
    expect(classifyTokenStyle('color:#1F2328;--shiki-dark:#E6EDF3', palette)).toEqual({});
  });
  it('adds font classes when both themes agree, in either way Shiki writes them', () => {
    expect(classifyTokenStyle('color:#116329;--shiki-light-font-weight:bold;--shiki-dark:#7EE787;--shiki-dark-font-weight:bold', palette)).toEqual({ classes: [c('#116329'), 'fb'] });
    expect(classifyTokenStyle('color:#1F2328;--shiki-dark:#E6EDF3;font-style:italic;--shiki-dark-font-style:italic', palette)).toEqual({ classes: ['fi'] });
  });
  it('keeps the inline style when the pair, the font style or a declaration is unknown', () => {
    for (const style of [
      'color:#CF222E;--shiki-dark:#000000',
      'color:#123456;--shiki-dark:#FF7B72',
      'color:#CF222E;--shiki-dark:#FF7B72;font-style:italic',
      'color:#CF222E;--shiki-dark:#FF7B72;text-shadow:none',
      'not a declaration',
    ]) expect(classifyTokenStyle(style, palette)).toEqual({ style });
  });
});
