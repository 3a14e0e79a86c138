import { defineConfig } from 'vitest/config';

// Tests sit beside the code they test, as `<name>.test.ts`.
export default defineConfig({
  test: {
    include: ['{model,properties,reports,cli,bench,explore,packaging,kubernetes,observe}/**/*.test.ts'],
    // Worker threads that keep their imports from file to file: a fresh process per file would
    // import the model again 117 times, a third of the suite's CPU on 2 cores. No test keeps
    // module state that another reads (a registry is passed in, not global).
    pool: 'threads',
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // First the build: the command the tests spawn runs dist/, built once from the current sources.
    // Then the guard, which fails the run if a test wrote into the work tree (reports/out/ included).
    globalSetup: ['./vitest.globalSetup.ts', 'reports/workTreeGuard.ts'],
    reporters: ['default'],
    coverage: {
      provider: 'v8',
      include: ['model/**/*.ts', 'properties/**/*.ts', 'reports/**/*.ts', 'cli/**/*.ts', 'explore/**/*.ts', 'kubernetes/**/*.ts', 'observe/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['html', 'lcov', 'text-summary'],
      // Beside the campaign's report, which links to it.
      reportsDirectory: 'reports/out/coverage',
    },
  },
});
