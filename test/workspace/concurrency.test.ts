import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { filesInFlight } from '../../src/lint/concurrency.js';
import { lint } from '../../src/lint/lint.js';
import { readFiles } from '../../src/lint/read-files.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { FIXTURES, makeTempDir, writeTree } from '../support/run-bin.js';

const TODAY = new Date('2026-06-01T00:00:00Z');

describe('--concurrency: how many files are read at once', () => {
  it('maps auto, off and numbers to files in flight', () => {
    for (const files of ['documents', 'facts'] as const) {
      expect(filesInFlight(undefined, files)).toBe(filesInFlight('auto', files));
      expect(filesInFlight('off', files)).toBe(1);
      expect(filesInFlight(3, files)).toBe(3);
    }
    // auto: the documents one at a time (the cheapest), the pictures and CSVs several at once.
    expect(filesInFlight('auto', 'documents')).toBe(1);
    expect(filesInFlight('auto', 'facts')).toBeGreaterThan(1);
  });

  it.each(['one-fault-per-rule', 'foundation-problems', 'market-csv-errors'])(
    'gives the same diagnostics, in the same order, one file at a time or many (%s)',
    async (fixture) => {
      const cwd = path.join(FIXTURES, fixture);
      const run = async (concurrency: 'off' | 'auto' | number) =>
        (await lint({ mode: 'check', cwd, paths: [], today: TODAY, concurrency })).diagnostics;
      const one = await run('off');
      expect(one.length).toBeGreaterThan(0);
      expect(await run(2)).toEqual(one);
      expect(await run('auto')).toEqual(one);
    },
  );

  it('reads many files at once into the plan order, and reports the first unreadable one in that order', async () => {
    const dir = await makeTempDir();
    const names = Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, '0')}.yaml`);
    await writeTree(dir, Object.fromEntries(names.map((n, i) => [n, `kind: persona\nid: p-${i}\n`])));
    const targets = names.map((n) => ({ absPath: path.join(dir, n), file: n, reported: true }));
    const files = await readFiles(targets, DEFAULT_LIMITS, undefined, 5);
    expect(files.map((f) => f.file)).toEqual(names);
    expect(files.map((f) => (f.documents[0] as { id: string }).id)).toEqual(names.map((_, i) => `p-${i}`));

    const gone = [...targets];
    gone[3] = { absPath: path.join(dir, 'missing-b.yaml'), file: 'missing-b.yaml', reported: true };
    gone[9] = { absPath: path.join(dir, 'missing-a.yaml'), file: 'missing-a.yaml', reported: true };
    for (const inFlight of [1, 4]) {
      const failure = readFiles(gone, DEFAULT_LIMITS, undefined, inFlight);
      await expect(failure).rejects.toBeInstanceOf(UsageError);
      await expect(failure).rejects.toThrow(/^cannot read missing-b\.yaml: it no longer exists$/);
    }
  });
});
