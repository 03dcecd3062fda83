import { readFileSync } from 'node:fs';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { describe, expect, it } from 'vitest';
import { bakeColors, externalReference, finishSvg, mix, palettesFromCss, prefixIds, resolveColor, setFont, stripImports, svgSize, tidy } from '../../src/lib/diagram-svg';

const css = readFileSync('src/styles/global.css', 'utf8');
const palettes = palettesFromCss(css);
// Drawn once at import (the first drawing warms the layout engine up: about 0.3 s, more on a busy machine).
const flow = renderMermaidSVG('flowchart LR\n  A[Producer] -->|send| B[Broker]', { transparent: true });
const seq = renderMermaidSVG('sequenceDiagram\n  A->>B: hi\n  Note over A: n', { transparent: true });
const state = renderMermaidSVG('stateDiagram-v2\n  [*] --> A\n  A --> [*]', { transparent: true });

describe('stripImports', { timeout: 30_000 }, () => {
  it('removes the web-font import the renderer adds, and nothing else', () => {
    expect(flow).toMatch(/@import url\('https:\/\/fonts\.googleapis\.com/);
    const out = stripImports(flow);
    expect(out).not.toMatch(/@import|googleapis/);
    expect(out.length).toBeGreaterThan(flow.length - 200);
    expect(stripImports('<style>@import "a.css"; @import url(b.css) screen; text{}</style>')).toBe('<style>text{}</style>');
  });
});

describe('prefixIds', { timeout: 30_000 }, () => {
  it('prefixes every id and every reference to it', () => {
    const svg = '<svg><defs><marker id="arrowhead"/></defs><g id="A"/><polyline marker-end="url(#arrowhead)"/><use href="#A"/><use xlink:href="#A"/><a href="#elsewhere"/></svg>';
    expect(prefixIds(svg, 'd1')).toBe('<svg><defs><marker id="d1-arrowhead"/></defs><g id="d1-A"/><polyline marker-end="url(#d1-arrowhead)"/><use href="#d1-A"/><use xlink:href="#d1-A"/><a href="#elsewhere"/></svg>');
  });
  it('leaves no shared id between two drawn diagrams', () => {
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const a = ids(prefixIds(flow, 'da'));
    const b = ids(prefixIds(state, 'db'));
    expect(ids(flow).filter((id) => ids(state).includes(id))).toContain('arrowhead'); // the problem being solved
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    for (const ref of prefixIds(flow, 'da').matchAll(/url\(#([^)]+)\)/g)) expect(a).toContain(ref[1]);
  });
});

describe('colours', { timeout: 30_000 }, () => {
  it('reads both themes from the site stylesheet', () => {
    expect(palettes.light.bg).toBe('#ffffff');
    expect(palettes.dark.bg).toBe('#0f1318');
    expect(palettes.light.muted).toBe('#4a5361');
    expect(palettes.dark.accent).toBe('#8ab4ff');
    expect(() => palettesFromCss(':root { --fg: #000000; }')).toThrow(/--bg/);
  });
  it('mixes like CSS color-mix in srgb', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#ff0000', '#0000ff', 0.25)).toBe('#4000bf');
    expect(resolveColor('var(--muted, color-mix(in srgb, var(--fg) 60%, var(--bg)))', { fg: '#000000', bg: '#ffffff' })).toBe('#666666');
    expect(resolveColor('var(--muted, #123456)', { muted: '#abcdef' })).toBe('#abcdef');
    expect(() => resolveColor('var(--nope)', {})).toThrow(/--nope/);
  });
  it('bakes every variable of every diagram type into literal colours', () => {
    for (const svg of [flow, seq, state]) {
      for (const p of [palettes.light, palettes.dark]) {
        const out = bakeColors(svg, p);
        expect(out).not.toMatch(/var\(--|color-mix/);
        expect(out).toContain(p.fg);
      }
    }
    expect(bakeColors(flow, palettes.dark)).not.toContain(palettes.light.fg);
  });
});

describe('setFont, tidy, svgSize', { timeout: 30_000 }, () => {
  it('uses the site font stack, with no web font', () => {
    const out = setFont(stripImports(flow));
    expect(out).toMatch(/text \{ font-family: system-ui, -apple-system/);
    expect(out).not.toContain('Inter');
  });
  it('rounds coordinates in attributes but not in labels, and drops data attributes', () => {
    expect(tidy('<text x="1.23456" y="-7.891" data-label="v1.23456">v1.23456</text>')).toBe('<text x="1.23" y="-7.89">v1.23456</text>');
  });
  it('reads the size from the viewBox', () => {
    expect(svgSize('<svg viewBox="0 0 603.337 181.8">')).toEqual({ width: 604, height: 182 });
    expect(() => svgSize('<svg width="1">')).toThrow(/viewBox/);
  });
});

describe('finishSvg', { timeout: 30_000 }, () => {
  it('leaves no reference to another origin (only the SVG namespace)', () => {
    for (const svg of [flow, seq, state]) {
      const out = finishSvg(svg, palettes.light, 'dx');
      expect(externalReference(out)).toBeUndefined();
      expect(out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });
  it('detects references to other origins', () => {
    expect(externalReference(flow)).toMatch(/@import|googleapis/);
    expect(externalReference('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.example/a.png"/></svg>')).toMatch(/x\.example/);
    expect(externalReference('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(//cdn.example/p)"/></svg>')).toMatch(/cdn\.example/);
  });
});
