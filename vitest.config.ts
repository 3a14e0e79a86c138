import { defineConfig } from 'vitest/config';

// Tests sit beside the code they test, as `<name>.test.ts`.
export default defineConfig({
  test: {
    include: ['{model,properties,reports,cli,bench,explore,packaging,kubernetes,observe}/**/*.test.ts'],
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
