import { afterAll } from 'vitest';
import { removeTempDirs } from './run-bin.js';

// A setup file (vitest.config.ts): after each test file, remove the temp folders its tests made
// through makeTempDir, copyFixture or trackTempDir, so a run leaves nothing in the OS temp folder.
afterAll(removeTempDirs);
