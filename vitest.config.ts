import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Nothing may be left in the OS temp folder: the guard fails the run if something is.
    globalSetup: ['test/support/temp-guard.ts'],
    setupFiles: ['test/support/temp-cleanup.ts'],
  },
});
