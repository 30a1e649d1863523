import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { GitRepo } from './git-repo.js';
import { BASE } from './workspace-fixture.js';

let repo: GitRepo;
const check = async (...args: string[]) => {
  const io = memoryIo({ cwd: repo.dir });
  const code = await runCli(['check', '--format', 'json', ...args], io);
  return { code, result: io.out === '' ? undefined : JSON.parse(io.out), err: io.err };
};
const files = (result: { diagnostics: Array<{ file: string }> }) => [...new Set(result.diagnostics.map((d) => d.file))];

beforeAll(() => {
  repo = new GitRepo();
  repo.write(BASE).commit('base');
}, 30_000);

afterAll(() => repo.cleanup());

describe('check --since <rev>', () => {
  it('reports nothing, and exits 0, when no document changed', async () => {
    const { code, result } = await check('--since', 'HEAD');
    expect(code).toBe(0);
    expect(result).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, files: 0 } });
    // Without --since the old warning is there.
    // Without --since, the problems the base already had are all there.
    expect(files((await check()).result)).toEqual(['personas/fiona.yaml', 'journeys/buy.yaml', 'markets/uk.yaml']);
  });

  it('reports only the changed documents, with references resolved against the whole workspace', async () => {
    repo.write({
      // A new error in a changed file; its journey reference to gary (unchanged) still resolves.
      'personas/fiona.yaml': BASE['personas/fiona.yaml']!.replace(
        'addresses: [close-faster',
        'addresses: [missing-goal',
      ),
      'journeys/buy.yaml': BASE['journeys/buy.yaml']!.replace('name: A CFO buys', 'name: A CFO buys it'),
    });
    try {
      const { code, result } = await check('--since', 'HEAD');
      expect(code).toBe(1);
      expect(files(result)).toEqual(['personas/fiona.yaml', 'journeys/buy.yaml']);
      expect(result.diagnostics.map((d: { rule: string }) => d.rule)).toContain('unknown-reference');
      expect(
        result.diagnostics
          .filter((d: { file: string }) => d.file === 'journeys/buy.yaml')
          .map((d: { rule: string }) => d.rule),
      ).toEqual(['milestone-unacknowledged']);
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it('an unknown revision is a usage problem', async () => {
    const { code, err } = await check('--since', 'nope');
    expect(code).toBe(2);
    expect(err).toMatch(/^personakit: unknown revision "nope"\n/);
  });
});
