import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the property-based layer of test/hardening with many more cases (scaled by
 * PERSONAKIT_FUZZ_SCALE, default 20×), plus the slow hostile inputs kept out of the normal run.
 * Replay a failure with PERSONAKIT_FUZZ_SEED=<seed printed by fast-check>.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 60 * 60_000,
    // As in the normal run: temp folders removed after each file, and a run that leaves any fails.
    globalSetup: ['test/support/temp-guard.ts'],
    setupFiles: ['test/support/temp-cleanup.ts'],
    env: { PERSONAKIT_FUZZ_SCALE: process.env.PERSONAKIT_FUZZ_SCALE ?? '20' },
  },
});
