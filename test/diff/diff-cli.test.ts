import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { toDiffOptions } from '../../src/cli/diff.js';
import { memoryIo } from '../support/memory-io.js';
import { GitRepo } from './git-repo.js';
import { BASE, SETTINGS } from './workspace-fixture.js';

let repo: GitRepo;
const run = async (args: string[], cwd = repo.dir) => {
  const io = memoryIo({ cwd });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
};

beforeAll(() => {
  repo = new GitRepo();
  repo.write(BASE).commit('base');
  repo.git('branch', 'base');
  repo
    .write({ 'personas/fiona.yaml': BASE['personas/fiona.yaml']!.replace('Finance Fiona', 'Finance Fi') })
    .commit('rename fiona');
  repo.git('checkout', '-q', '-b', 'feature');
  repo
    .write({ 'personas/gary.yaml': BASE['personas/gary.yaml']!.replace('type: community', 'type: event') })
    .commit('gary');
  repo.git('checkout', '-q', 'main');
  repo
    .write({ 'markets/uk.yaml': BASE['markets/uk.yaml']!.replace('threshold: 1', 'threshold: 0.5') })
    .commit('market');
  repo.git('checkout', '-q', 'feature');
}, 60_000);

afterAll(() => repo.cleanup());

describe('personakit diff on the command line', () => {
  it('compares the working tree by default, uncommitted changes and untracked files included', async () => {
    repo.write({
      'personas/fiona.yaml': BASE['personas/fiona.yaml']!.replace('Finance Fiona', 'Fiona Draft'),
      'personas/new.yaml': 'kind: persona\nid: brand-new\nname: Brand New\n',
    });
    try {
      const { code, out } = await run(['diff', 'HEAD', '--format', 'json']);
      expect(code).toBe(0);
      const diff = JSON.parse(out);
      expect(diff.head).toEqual({ revision: 'working tree', commit: null });
      expect(diff.documents.map((d: { id: string; status: string }) => `${d.id} ${d.status}`)).toEqual([
        'brand-new added',
        'finance-fiona changed',
      ]);
    } finally {
      repo.git('checkout', '-q', '--', '.');
      rmSync(path.join(repo.dir, 'personas/new.yaml'));
    }
  });

  it('reads A...B as the merge base of A and B against B', async () => {
    const { out } = await run(['diff', 'main...feature', '--format', 'json']);
    const diff = JSON.parse(out);
    // main's market change is not in feature's side of the fork; fiona's rename is before the fork.
    expect(diff.documents.map((d: { id: string }) => d.id)).toEqual(['gary-gatekeeper']);
    expect(diff.base.revision).toBe('merge base of main and feature');
    const plain = await run(['diff', 'main', 'feature', '--format', 'json']);
    expect(JSON.parse(plain.out).documents.map((d: { id: string }) => d.id)).toEqual(['gary-gatekeeper', 'uk-finance']);
  });

  it('limits the diff to paths given after the revisions', async () => {
    const { out } = await run(['diff', 'base', 'main', 'markets', '--format', 'json']);
    expect(JSON.parse(out).documents.map((d: { id: string }) => d.id)).toEqual(['uk-finance']);
    const onlyPath = await run(['diff', 'base', 'personas', '--format', 'json']);
    expect(JSON.parse(onlyPath.out).documents.map((d: { id: string }) => d.id)).toEqual([
      'finance-fiona',
      'gary-gatekeeper',
    ]);
  });

  it('--exit-code: 1 when anything changed, 0 when nothing did', async () => {
    expect((await run(['diff', 'HEAD', '--exit-code'])).code).toBe(0);
    const changed = await run(['diff', 'base', '--exit-code']);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('changed  persona finance-fiona');
    expect((await run(['diff', 'HEAD'])).out).toContain('No semantic changes.');
  });

  it('--fail-on-new-errors: 1 only when the head has errors the base did not', async () => {
    expect((await run(['diff', 'base', '--fail-on-new-errors'])).code).toBe(0);
    repo.write({
      'personas/fiona.yaml': BASE['personas/fiona.yaml']!.replace(
        'addresses: [close-faster',
        'addresses: [nothing-here',
      ),
    });
    try {
      const result = await run(['diff', 'base', '--fail-on-new-errors']);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/New problems \(2\)\n/);
      expect(result.out).toMatch(
        /personas\/fiona\.yaml:\d+:\d+ {2}error {2}goal or challenge "nothing-here" does not exist/,
      );
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it('--output-file writes the Markdown atomically instead of printing it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'personakit-diff-out-'));
    try {
      const file = path.join(dir, 'summary.md');
      const { code, out } = await run(['diff', 'base', '--format', 'md', '--output-file', file]);
      expect(code).toBe(0);
      expect(out).toBe('');
      expect(readFileSync(file, 'utf8')).toMatch(/^### personakit diff: base \([0-9a-f]{7}\) → working tree/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage problems exit 2 with one line and what to do', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'personakit-diff-nogit-'));
    try {
      const cases: Array<[string[], string | undefined, RegExp]> = [
        [['diff', 'HEAD'], outside, /^personakit: .* is not inside a git repository\n {2}run personakit from a clone/],
        [['diff', 'no-such-branch'], undefined, /^personakit: unknown revision "no-such-branch"\n {2}name a branch/],
        [['diff', 'HEAD', 'nowhere'], undefined, /^personakit: "nowhere" is neither a revision nor a path here\n/],
        [['diff', 'main..feature', 'HEAD'], undefined, /is already a range/],
        [['diff', 'HEAD', '--format', 'sarif'], undefined, /"sarif" is not a diff format/],
      ];
      for (const [args, cwd, expected] of cases) {
        const result = await run(args, cwd);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.err).toMatch(expected);
        expect(result.err).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a revision without the workspace is a usage problem naming it', async () => {
    const bare = new GitRepo();
    try {
      bare.write({ 'README.md': 'nothing yet\n' }).commit('empty');
      bare
        .write({ 'personakit.yaml': 'paths: [personas]\n', 'personas/fiona.yaml': BASE['personas/fiona.yaml']! })
        .commit('ws');
      const result = await run(['diff', 'HEAD~1'], bare.dir);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        /^personakit: no workspace at HEAD~1: no personakit.yaml in the top folder or the folders above it\n {2}compare with a revision/,
      );
    } finally {
      bare.cleanup();
    }
  });

  it('settings that differ between revisions: each revision is checked with its own', async () => {
    const other = new GitRepo();
    try {
      other.write(BASE).commit('base');
      other
        .write({ 'personakit.yaml': SETTINGS + 'rules:\n  evidence-missing: off\n  milestone-unacknowledged: off\n' })
        .commit('quieter');
      const { out } = await run(['diff', 'HEAD~1', '--format', 'json'], other.dir);
      const diff = JSON.parse(out);
      expect(diff.documents).toEqual([]);
      expect(diff.findings.fixed.map((d: { rule: string }) => d.rule)).toEqual(['milestone-unacknowledged']);
    } finally {
      other.cleanup();
    }
  });
});

describe('diff options from argv', () => {
  it('maps flags to options', () => {
    expect(toDiffOptions('main', ['HEAD', 'personas'], { format: 'md', exitCode: true })).toEqual({
      base: 'main',
      rest: ['HEAD', 'personas'],
      format: 'md',
      exitCode: true,
      failOnNewErrors: false,
    });
  });
});
