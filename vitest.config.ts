import { defineConfig } from 'vitest/config';

// One runner, five projects. `npm test` runs them all; `npm run test:<name>` runs one.
// site and browser read the built dist/ (tests/setup/build.ts builds it once if it is missing or stale).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // content: files one after another, since fixture builds and the dev server of one project share its .astro/.
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node', testTimeout: 120_000, fileParallelism: false } },
      {
        test: {
          name: 'examples',
          include: ['tests/examples/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/examples/setup/global.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          // run.test.ts queues blocks itself (page order, EXAMPLES_CONCURRENCY at once)
          maxConcurrency: 1000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/build.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          expect: { poll: { timeout: 10_000 } },
          environment: 'node',
          globalSetup: ['tests/setup/build.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
