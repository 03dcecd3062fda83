import { describe, expect, it } from 'vitest';
import { dropPreloadTable, lazyChunksWithCss } from '../../src/integrations/lean-imports';

// The shape Vite 8 writes at the top of a chunk with lazy imports, after minification.
const TABLE = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/a.1.js","_astro/b.2.js"])))=>i.map(i=>d[i]);\n';

describe('dropPreloadTable', () => {
  it('removes the chunk table and its uses, leaving the lazy imports', () => {
    const code = `${TABLE}var r=e=>e(),i=()=>r(()=>import(\`./a.1.js\`),__vite__mapDeps([0,1]));r(()=>import(\`./b.2.js\`),__vite__mapDeps([1]));`;
    expect(dropPreloadTable(code, 'x.js')).toBe('var r=e=>e(),i=()=>r(()=>import(`./a.1.js`));r(()=>import(`./b.2.js`));');
  });
  it('leaves a chunk without a table as it is', () => {
    expect(dropPreloadTable('export const a=1;', 'x.js')).toBe('export const a=1;');
  });
  it('fails the build, naming the chunk, when the table has a shape it does not know', () => {
    const code = 'const __vite__mapDeps=(i)=>i;r(()=>import(`./a.js`),__vite__mapDeps([0]));';
    expect(() => dropPreloadTable(code, '_astro/site.js')).toThrow(/_astro\/site\.js still refers to __vite__mapDeps/);
  });
});

describe('lazyChunksWithCss', () => {
  const chunk = (fileName: string, o: { isEntry?: boolean; imports?: string[]; css?: string[] } = {}) =>
    [fileName, { type: 'chunk' as const, fileName, isEntry: o.isEntry ?? false, imports: o.imports ?? [], viteMetadata: { importedCss: new Set(o.css ?? []) } }] as const;
  it('accepts CSS on entries and on chunks an entry imports statically', () => {
    const bundle = Object.fromEntries([
      chunk('page.js', { isEntry: true, imports: ['shared.js'], css: ['page.css'] }),
      chunk('shared.js', { imports: ['deep.js'] }),
      chunk('deep.js', { css: ['deep.css'] }),
      chunk('lazy.js', { imports: ['shared.js'] }),
    ]);
    expect(lazyChunksWithCss(bundle)).toEqual([]);
  });
  it('names a lazy chunk with CSS, and a chunk two lazy chunks share', () => {
    const bundle = Object.fromEntries([
      chunk('page.js', { isEntry: true }),
      chunk('dialog.js', { css: ['dialog.css'] }),
      chunk('a.js', { imports: ['common.js'] }),
      chunk('b.js', { imports: ['common.js'] }),
      chunk('common.js', { css: ['common.css'] }),
      ['style.css', { type: 'asset' as const, fileName: 'style.css' }],
    ]);
    expect(lazyChunksWithCss(bundle)).toEqual(['dialog.js (dialog.css)', 'common.js (common.css)']);
  });
});

describe('inlineHelper', () => {
  it('gives each importer its own copy of the one-line helper and drops its chunk', async () => {
    const { inlineHelper } = await import('../../src/integrations/lean-imports');
    const bundle = {
      'h.js': { type: 'chunk' as const, fileName: 'h.js', code: 'var e=e=>e();export{e as t};', moduleIds: ['\0vite/preload-helper.js'], imports: [] },
      'a.js': { type: 'chunk' as const, fileName: 'a.js', code: 'import{t as r}from"./h.js";r(()=>import("./x.js"));', imports: ['h.js'] },
    };
    inlineHelper(bundle);
    expect(Object.keys(bundle)).toEqual(['a.js']);
    expect(bundle['a.js'].code).toBe('const r=e=>e();r(()=>import("./x.js"));');
    expect(bundle['a.js'].imports).toEqual([]);
  });
});
