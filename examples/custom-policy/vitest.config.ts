import { defineConfig } from 'vitest/config';

export default defineConfig({
  // fabric-verify is linked from the repository (file:../..); keeping its node_modules path lets
  // vitest hand it to Node as the installed, compiled package it is, untransformed.
  resolve: { preserveSymlinks: true },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
