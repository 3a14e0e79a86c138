import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // fabric-verify ships TypeScript sources: let vitest transform them like our own.
    server: { deps: { inline: ['fabric-verify'] } },
  },
});
