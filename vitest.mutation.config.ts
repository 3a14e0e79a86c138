import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of model/: the model's own tests (machines,
// helpers, simulator) and the property catalog, which reads whole runs of the model.
export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'properties/catalog.test.ts', 'properties/adaptiveEarnsItsPlace.test.ts'],
    testTimeout: 120_000,
  },
});
