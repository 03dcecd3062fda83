import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramKey, drawDiagram, RENDERER } from '../../src/lib/diagram-draw';
import { palettesFromCss } from '../../src/lib/diagram-svg';

const palettes = palettesFromCss(readFileSync('src/styles/global.css', 'utf8'));

describe('drawDiagram', { timeout: 30_000 }, () => {
  it('names the renderer version that is installed (part of every cache key)', () => {
    const pkg = JSON.parse(readFileSync('node_modules/beautiful-mermaid/package.json', 'utf8')) as { version: string };
    expect(RENDERER).toBe(`beautiful-mermaid@${pkg.version}`);
  });

  it('keys by what changes the picture: source and palette, not line endings or trailing spaces', () => {
    const a = diagramKey('flowchart LR\n  A --> B', palettes);
    expect(diagramKey('flowchart LR\r\n  A --> B  \n\n', palettes)).toBe(a);
    expect(diagramKey('flowchart LR\n  A --> C', palettes)).not.toBe(a);
    expect(diagramKey('flowchart LR\n  A --> B', { ...palettes, dark: { ...palettes.dark, fg: '#ffffff' } })).not.toBe(a);
  });

  it('draws one file per theme into the cache folder, with the size of the drawing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-diagrams-'));
    const d = drawDiagram('flowchart LR\n  A[Producer] --> B[Broker]', palettes, dir);
    expect(readdirSync(dir).sort()).toEqual([d.files.dark, d.files.light].sort());
    expect(d.files.light).toBe(`${d.key}-light.svg`);
    const light = readFileSync(join(dir, d.files.light), 'utf8');
    const dark = readFileSync(join(dir, d.files.dark), 'utf8');
    expect(light).toContain(palettes.light.fg);
    expect(dark).toContain(palettes.dark.fg);
    expect(light).not.toMatch(/@import|googleapis|var\(--/);
    expect(d.width).toBeGreaterThan(100);
    expect(d.height).toBeGreaterThan(20);
    expect(d.ms).toBeGreaterThan(0);
  });

  it('reads files already in the cache folder instead of drawing again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-diagrams-'));
    const source = 'flowchart LR\n  Cached --> Files';
    const key = diagramKey(source, palettes);
    // Files left by an earlier build (here: stand-ins with a size no drawing of this source would have).
    for (const t of ['light', 'dark']) writeFileSync(join(dir, `${key}-${t}.svg`), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1234 56"></svg>');
    const d = drawDiagram(source, palettes, dir);
    expect(d).toMatchObject({ key, width: 1234, height: 56, ms: 0 });
  });

  it('throws the renderer error for a source it cannot draw', () => {
    expect(() => drawDiagram('pie\n  "a": 1', palettes, mkdtempSync(join(tmpdir(), 'fg-diagrams-')))).toThrow();
  });
});
