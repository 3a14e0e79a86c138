import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of model/: the model's own tests (machines,
// healing policies, placement, simulator, incident). The property catalog kills more, but
// covers every line of the model, so with it each of ~2,500 mutants would take ten seconds:
// a day of mutation testing on two cores instead of well under an hour.
export default defineConfig({
  test: {
    include: ['model/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
