import { defineConfig } from 'vitest/config';

// Tests sit beside the code they test, as `<name>.test.ts`.
export default defineConfig({
  test: {
    include: ['{model,properties,reports,cli}/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
