import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the benchmark, without types
import { measure } from '../../bench/measure.mjs';

const memFile = path.join(os.tmpdir(), `personakit-bench-${process.pid}.mem`);

describe('bench/measure', () => {
  it('times a run that exits 0 or 1, and leaves nothing in the temp folder', () => {
    const result = measure({ cmd: process.execPath, args: ['-e', 'process.exitCode = 1'], cwd: '.' });
    expect(result.status).toBe(1);
    expect(result.seconds).toBeGreaterThan(0);
    expect(existsSync(memFile)).toBe(false);
  });

  it('throws for a run that fails, and still leaves nothing in the temp folder', () => {
    expect(() => measure({ cmd: process.execPath, args: ['-e', 'process.exit(3)'], cwd: '.' })).toThrow(/exited 3/);
    expect(existsSync(memFile)).toBe(false);
  });
});
