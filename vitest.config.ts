import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/longest-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // vitest's default (cores - 1) runs one file at a time on two cores, where many files spend
    // most of their time waiting for the binary they spawned: two at a time keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker thread per test file starts faster than a child process (vitest's default); tests
    // that need a process of their own (process.chdir, signals) spawn one.
    pool: 'threads',
    // Test files share their worker's modules instead of loading them afresh each (vitest's default):
    // personakit's modules, compiled schemas and libraries are loaded once per worker, not once per
    // file, which roughly halves the CPU time of the run. A file that mocks a module personakit
    // imports must load personakit afresh itself (test/hardening/write-failures.test.ts shows how).
    isolate: false,
    // Nothing may be left in the OS temp folder: the guard fails the run if something is.
    globalSetup: ['test/support/temp-guard.ts'],
    setupFiles: ['test/support/temp-cleanup.ts'],
    // The longest files start first, so that the two workers finish together (test/support/longest-first.ts).
    sequence: { sequencer: LongestFirst },
  },
});
