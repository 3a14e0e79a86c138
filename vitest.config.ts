import { defineConfig } from 'vitest/config';

// Tests sit beside the code they test, as `<name>.test.ts`.
export default defineConfig({
  test: {
    include: ['{model,properties,reports,cli,bench,explore}/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Fails the run if a test wrote into the work tree (reports/out/ included).
    globalSetup: ['reports/workTreeGuard.ts'],
    reporters: ['default'],
    coverage: {
      provider: 'v8',
      include: ['model/**/*.ts', 'properties/**/*.ts', 'reports/**/*.ts', 'cli/**/*.ts', 'explore/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['html', 'lcov', 'text-summary'],
      // Beside the campaign's report, which links to it.
      reportsDirectory: 'reports/out/coverage',
    },
  },
});
