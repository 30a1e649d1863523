import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { makeTempDir, REPO_ROOT, runBin } from '../support/run-bin.js';

async function optionsFor(argv: string[]): Promise<unknown> {
  let seen: unknown;
  await runCli(argv, memoryIo(), (_command, options) => (seen = options));
  return seen;
}

describe('--cache and --cache-location', () => {
  it.each([
    [['check'], undefined, undefined],
    [['check', '--cache'], true, undefined],
    [['validate', '--cache', '--cache-location', '.cache/pk'], true, '.cache/pk'],
    [['check', '--cache-location', 'elsewhere'], undefined, 'elsewhere'],
  ])('%j', async (argv, cache, cacheLocation) => {
    const options = (await optionsFor(argv)) as { cache?: boolean; cacheLocation?: string };
    expect(options.cache).toBe(cache);
    expect(options.cacheLocation).toBe(cacheLocation);
  });
});

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('personakit check --cache (built binary)', () => {
  it('keeps its files under node_modules/.cache/personakit and prints what an uncached run prints', async () => {
    const dir = await makeTempDir('personakit-cache-bin-');
    dirs.push(dir);
    await cp(path.join(REPO_ROOT, 'examples'), dir, { recursive: true });
    const plain = await runBin(['check', '--format', 'json'], { cwd: dir });
    const first = await runBin(['check', '--format', 'json', '--cache'], { cwd: dir });
    const second = await runBin(['check', '--format', 'json', '--cache'], { cwd: dir });
    expect(await readdir(path.join(dir, 'node_modules', '.cache', 'personakit'))).toEqual([
      'files.json',
      'result.json',
    ]);
    for (const run of [first, second]) {
      expect(run.stdout).toBe(plain.stdout);
      expect(run.code).toBe(plain.code);
    }
  });
});
