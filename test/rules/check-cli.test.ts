import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';
import { change, JOURNEY, PERSONA } from './helpers.js';

const noEvidence = change(PERSONA, 'evidence:\n  - source: interview\n    date: "2026-05-01"\n', '');

async function run(argv: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const dir = await writeTree(await makeTempDir(), files);
  const io = memoryIo({ cwd: dir });
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('check options (argv → options)', () => {
  it.each([
    [['check'], { paths: [], quiet: false, listRules: false }],
    [
      ['check', 'personas', '--min-completeness', '75', '--max-warnings', '0', '--quiet'],
      { paths: ['personas'], minCompleteness: 75, maxWarnings: 0, quiet: true },
    ],
    [['check', '--list-rules', '--format', 'json'], { listRules: true, format: 'json' }],
  ])('%j', async (argv, expected) => {
    let seen: unknown;
    const code = await runCli(argv, memoryIo(), (_command, options) => (seen = options));
    expect(code).toBe(0);
    expect(seen).toMatchObject({ mode: 'check', ...expected });
  });

  it.each([
    [['check', '--min-completeness', '101']],
    [['check', '--max-warnings', '-1']],
    [['check', '--max-warnings', 'many']],
  ])('rejects %j with exit 2', async (argv) => {
    const io = memoryIo();
    expect(await runCli(argv, io, () => undefined)).toBe(2);
    expect(io.err).toMatch(/personakit: /);
  });
});

describe('check: warnings, --quiet, --max-warnings, --min-completeness', () => {
  const files = { 'personakit.yaml': 'name: t\n', 'p.yaml': noEvidence };

  it('warnings alone exit 0; more than --max-warnings exit 1', async () => {
    const plain = await run(['check'], files);
    expect(plain).toMatchObject({ code: 0 });
    expect(plain.out).toContain('evidence-missing');
    expect(plain.out).toContain('✖ 1 problem (0 errors, 1 warning)');
    expect(await run(['check', '--max-warnings', '1'], files)).toMatchObject({ code: 0 });
    const over = await run(['check', '--max-warnings', '0'], files);
    expect(over.code).toBe(1);
    expect(over.err).toContain('too many warnings (1, maximum 0)');
  });

  it('--quiet neither prints nor counts warnings', async () => {
    const quiet = await run(['check', '--quiet', '--max-warnings', '0'], files);
    expect(quiet).toMatchObject({ code: 0, out: '' });
  });

  it('--min-completeness overrides personakit.yaml', async () => {
    const partial = {
      'personakit.yaml': 'completeness:\n  min: 50\n',
      'p.yaml': change(PERSONA, 'objections:\n  - text: Locked in to the ERP contract\n', ''),
    };
    expect(await run(['check'], partial)).toMatchObject({ code: 0 });
    const strict = await run(['check', '--min-completeness', '100'], partial);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('missing: objections (7/8 = 87 %, minimum 100 %)');
  });
});

describe('rules: in personakit.yaml', () => {
  const ws = (rules: string) => ({
    'personakit.yaml': `paths: [personas]\nrules:\n${rules}`,
    'personas/p.yaml': noEvidence,
  });

  it('changes severities the same way whether files are named or found from personakit.yaml', async () => {
    for (const argv of [['check'], ['check', 'personas/p.yaml'], ['check', 'personas']]) {
      const result = await run(argv, ws('  evidence-missing: error\n'));
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.out).toMatch(/error\s+persona "fiona" has no evidence/);
    }
    expect(
      await run(['check', 'personas/p.yaml'], ws('  evidence-missing: off\n  x-note: keep for later\n')),
    ).toMatchObject({ code: 0, out: '' });
  });

  it('an unknown rule id is a settings error at its line, with a suggestion', async () => {
    const result = await run(['check'], ws('  evidence-stale: warning\n  evidnce-missing: off\n'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'personakit: personakit.yaml:4:3: unknown rule "evidnce-missing" under rules (did you mean "evidence-missing"?)',
    );
  });

  it('turning off yaml-syntax, schema or duplicate-id is a settings error', async () => {
    const result = await run(['check'], ws('  duplicate-id: off\n'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'personakit.yaml:3:3: rule "duplicate-id" cannot be turned off (nor can yaml-syntax and schema)',
    );
    expect(await run(['check'], ws('  schema: warning\n'))).toMatchObject({ code: 0 });
  });
});

describe('check --list-rules', () => {
  it('lists every rule with its severity as configured', async () => {
    const result = await run(['check', '--list-rules'], {
      'personakit.yaml': 'rules:\n  stage-message-missing: off\n  evidence-stale: error\n',
    });
    expect(result.code).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^rule\s+severity\s+default\s+description$/);
    expect(lines.find((l) => l.startsWith('stage-message-missing'))).toMatch(
      /^stage-message-missing\s+off\s+warning\s+A buying stage/,
    );
    expect(lines.find((l) => l.startsWith('evidence-stale'))).toMatch(/^evidence-stale\s+error\s+warning\s/);
    expect(lines.find((l) => l.startsWith('schema'))).toMatch(/^schema\s+error\s+error\s+\(always on\)/);
    for (const id of [
      'unknown-reference',
      'persona-completeness',
      'stage-order',
      'unused-disable',
      'picture-invalid',
    ]) {
      expect(lines.some((l) => l.startsWith(`${id} `))).toBe(true);
    }
  });

  it('as JSON, and reports settings errors like check does', async () => {
    const json = await run(['check', '--list-rules', '--format', 'json'], { 'j.yaml': JOURNEY });
    expect(JSON.parse(json.out)).toContainEqual({
      id: 'stage-uncovered',
      severity: 'error',
      default: 'error',
      mandatory: false,
      description: expect.any(String),
    });
    const bad = await run(['check', '--list-rules'], { 'personakit.yaml': 'rules:\n  stage-ordr: off\n' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('(did you mean "stage-order"?)');
  });
});
