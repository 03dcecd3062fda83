// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { codeMeta } from './src/integrations/code-meta.ts';
import { contentSources } from './src/integrations/content-sources.ts';
import { codeColors } from './src/integrations/code-colors.ts';
import { diagrams } from './src/integrations/diagrams.ts';
import { leanImports } from './src/integrations/lean-imports.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { printPages } from './src/integrations/print-pages.ts';
import { hostFiles } from './src/integrations/host-files.ts';
import { joinStylesheetsIntegration } from './src/integrations/join-stylesheets.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { socialCards } from './src/integrations/social-cards.ts';
import { stagedBuild } from './src/integrations/staged-build.ts';

// SITE_URL and BASE_PATH let the same sources deploy to any host and sub-path.
const site = process.env.SITE_URL ?? 'https://field-guide.example.org';
const base = process.env.BASE_PATH ?? '/';
const themes = /** @type {const} */ ({ light: 'github-light-default', dark: 'github-dark-default' });
// Syntax colours as classes from these two themes (src/lib/code-colors.ts).
const colors = await codeColors(themes);
const staged = stagedBuild();

export default defineConfig({
  site,
  // Separate caches let several builds of different CONTENT_DIRs run side by side (tests, benchmarks).
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  vite: {
    plugins: [colors.vitePlugin, leanImports()],
    // Astro marks every MDX page's asset module "use astro:head-inject", and the bundler warns once per page
    // (52 warnings a build) that it may not keep the directive; it need not, and the noise hid real warnings.
    build: { rollupOptions: { onwarn: (w, warn) => (w.code === 'MODULE_LEVEL_DIRECTIVE' && w.message.includes('astro:head-inject') ? undefined : warn(w)) } },
    ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: `${process.env.ASTRO_CACHE_DIR}/vite` } : {}),
  },
  base,
  trailingSlash: 'always',
  // Page-specific styles (syntax colours, track pages, search) as files, cached across pages, not inlined into each.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // First: the staged build (dist/ is replaced only when every step passed) and the source checks, which stop
  // a build with bad content before Astro reads it.
  integrations: [staged.begin, contentSources(), mdx(), diagrams(base), socialCards(), sitemap({ filter: (page) => !/\/(404|print)(\/|$)/.test(new URL(page).pathname.replace(base.replace(/\/$/, ''), '')) }), printPages(base), joinStylesheetsIntegration(base), linkCheck(), pagefindIndex(), hostFiles(base), serviceWorker({ base }),
    // Last: the staging folder replaces dist/ once every step above has passed.
    staged.end],
  markdown: {
    shikiConfig: {
      themes,
      langAlias: { output: 'text' },
      transformers: [codeMeta, colors.transformer],
    },
  },
  devToolbar: { enabled: false },
});
