import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, listTree, REPO_ROOT, runBin } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';
import { findAll, parseXml } from './xml.js';

const PROBLEMS = path.join(FIXTURES, 'foundation-problems');
const VERSION = (JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** What `validate` must find in foundation-problems (workspace paths: personas/ only). */
const EXPECTED = [
  {
    file: 'personas/broken.yaml',
    line: 4,
    column: 1,
    rule: 'yaml-syntax',
    message: /^duplicate key "name" in one mapping/,
  },
  { file: 'personas/multi.yaml', line: 10, column: 1, rule: 'schema', message: /^missing required property "name"$/ },
  {
    file: 'personas/multi.yaml',
    line: 12,
    column: 9,
    rule: 'schema',
    message: /^roles\[0\] must be one of decision-maker, .* — got "buyer"$/,
  },
  {
    file: 'personas/second-good.yaml',
    line: 2,
    column: 5,
    rule: 'duplicate-id',
    message: /^persona id "good" is already used at personas\/good\.yaml:2:5/,
  },
  {
    file: 'personas/typo.yaml',
    line: 4,
    column: 1,
    rule: 'schema',
    message: /^unknown property "goal" \(did you mean "goals"\?\)/,
  },
  {
    file: 'personas/typo.yaml',
    line: 8,
    column: 11,
    rule: 'schema',
    message:
      /^goals\[0\]\.type must be one of commercial, personal, emotional — got "comercial" \(did you mean "commercial"\?\)$/,
  },
];
const CHECKED_FILES = [
  'personas/broken.yaml',
  'personas/good.yaml',
  'personas/multi.yaml',
  'personas/second-good.yaml',
  'personas/typo.yaml',
];

/*
 * Cases run in-process (runCli, what bin/personakit.js runs); those through runBoth or runBin run the
 * built binary too (runBoth: it must print the same bytes as the in-process run).
 */
const validate = (...args: string[]) => run(['validate', ...args], { cwd: PROBLEMS });

describe('every reporter, end to end on a workspace with known problems', () => {
  it('json: the diagnostics and the summary', async () => {
    const { code, stdout, stderr } = await runBoth(['validate', '--format', 'json'], { cwd: PROBLEMS });
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const report = JSON.parse(stdout) as {
      diagnostics: Array<Record<string, unknown>>;
      summary: Record<string, number>;
    };
    expect(report.summary).toEqual({ errors: 6, warnings: 0, files: 5 });
    expect(report.diagnostics).toEqual(
      EXPECTED.map((e) =>
        expect.objectContaining({ ...e, severity: 'error', message: expect.stringMatching(e.message) }),
      ),
    );
    expect(report.diagnostics.find((d) => d.rule === 'schema' && d.line === 8)).toMatchObject({
      path: '/goals/0/type',
      endLine: 8,
      endColumn: 20,
    });
  });

  it('sarif: a 2.1.0 log with the rules and one located result per diagnostic', async () => {
    const { code, stdout } = await validate('--format', 'sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SARIF results are read loosely, field by field
        results: Array<Record<string, any>>;
      }>;
    };
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run!.tool.driver).toMatchObject({ name: 'personakit', version: VERSION });
    const ruleIds = run!.tool.driver.rules.map((r) => r.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['yaml-syntax', 'schema', 'unknown-kind', 'duplicate-id']));
    expect(run!.results).toHaveLength(EXPECTED.length);
    for (const [i, e] of EXPECTED.entries()) {
      const result = run!.results[i]!;
      expect(result).toMatchObject({
        ruleId: e.rule,
        level: 'error',
        message: { text: expect.stringMatching(e.message) },
      });
      expect(ruleIds[result.ruleIndex as number]).toBe(e.rule);
      expect(result.locations[0].physicalLocation).toMatchObject({
        artifactLocation: { uri: e.file, uriBaseId: '%SRCROOT%' },
        region: { startLine: e.line, startColumn: e.column },
      });
    }
  });

  it('junit: well-formed XML, one test case per checked file, one failure holding the errors of each failing file', async () => {
    const { code, stdout } = await validate('--format', 'junit');
    expect(code).toBe(1);
    const root = parseXml(stdout);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '5', failures: '4' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(CHECKED_FILES);
    expect(cases.find((c) => c.attributes.name === 'personas/good.yaml')!.children).toEqual([]);
    const failures = findAll(root, 'failure');
    expect(failures).toHaveLength(4);
    const lines = failures.flatMap((f) => f.text.trimEnd().split('\n'));
    expect(lines).toHaveLength(EXPECTED.length);
    for (const [i, e] of EXPECTED.entries()) {
      expect(lines[i]).toContain(`${e.file}:${e.line}:${e.column} error ${e.rule} `);
      expect(lines[i]!.replace(/^\S+ error \S+ /, '')).toMatch(e.message);
    }
  });

  it('github: one workflow command per diagnostic, with file, line and column', async () => {
    const { code, stdout } = await validate('--format', 'github');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(EXPECTED.length);
    for (const [i, e] of EXPECTED.entries()) {
      expect(lines[i]).toMatch(
        new RegExp(
          `^::error file=${e.file.replace(/\./g, '\\.')},line=${e.line},col=${e.column},(?:endLine=\\d+,endColumn=\\d+,)?title=personakit \\(${e.rule}\\)::`,
        ),
      );
    }
    // Workflow-command escaping: no raw newline inside a message, property commas escaped.
    expect(lines.every((l) => l.startsWith('::error '))).toBe(true);
  });

  it('stylish: files, rows of line:column severity message rule, and the ESLint-style summary', async () => {
    const { code, stdout } = await runBoth(['validate'], { cwd: PROBLEMS });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/\x1b\[/); // piped: no colour
    for (const file of new Set(EXPECTED.map((e) => e.file)))
      expect(stdout).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}$`, 'm'));
    expect(stdout).toMatch(/^ {2}8:11 +error +goals\[0\]\.type must be one of .* +schema$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 6 problems (6 errors, 0 warnings)');
  });

  it('stylish: warnings alone exit 0 and are counted in the summary', async () => {
    const { code, stdout } = await run(['validate'], { cwd: path.join(FIXTURES, 'foundation-warnings') });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}4:9 +warning +roles\[0\] must be one of/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 problems (0 errors, 2 warnings)');
  });

  it('--quiet drops warnings from output and counts', async () => {
    const { code, stdout } = await run(['validate', '--quiet', '--format', 'json'], {
      cwd: path.join(FIXTURES, 'foundation-warnings'),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, files: 1 } });
  });

  it('a clean workspace: exit 0 and nothing on stdout or stderr', async () => {
    expect(await runBoth(['validate'], { cwd: path.join(FIXTURES, 'foundation-clean') })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});

describe('colour', () => {
  // FORCE_COLOR=1 runs through the built binary too (runBoth), which must colour the same way.
  it.each([
    [{ FORCE_COLOR: '1' }, true, runBoth],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, true, run],
    [{ NO_COLOR: '1' }, false, run],
    [{ FORCE_COLOR: '0' }, false, run],
    [{}, false, run],
  ])('%j → ANSI codes on a pipe: %s', async (env, coloured, runner) => {
    const { code, stdout } = await runner(['validate'], { cwd: PROBLEMS, env });
    expect(code).toBe(1);
    expect(/\x1b\[\d+(;\d+)*m/.test(stdout)).toBe(coloured);
    expect(stdout.replace(/\x1b\[\d+(;\d+)*m/g, '')).toContain('✖ 6 problems (6 errors, 0 warnings)');
  });

  it('never colours machine formats or --output-file, even with FORCE_COLOR', async () => {
    const dir = await copyFixture('foundation-problems');
    for (const format of ['json', 'sarif', 'junit', 'github']) {
      const { stdout } = await run(['validate', '--format', format], { cwd: dir, env: { FORCE_COLOR: '1' } });
      expect(stdout, format).not.toMatch(/\x1b\[/);
    }
    await run(['validate', '-o', 'report.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(await readFile(path.join(dir, 'report.txt'), 'utf8')).not.toMatch(/\x1b\[/);
  });
});

describe('--output-file', () => {
  it('writes the report to the file, creating folders, and nothing else; stdout stays empty', async () => {
    const dir = await copyFixture('foundation-problems');
    const before = await listTree(dir);
    const { code, stdout, stderr } = await runBin(
      ['validate', '--format', 'json', '--output-file', 'out/report.json'],
      { cwd: dir },
    );
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(await listTree(dir)).toEqual([...before, 'out', 'out/report.json'].sort());
    expect(JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8'))).toMatchObject({
      summary: { errors: 6 },
    });
  });

  it('replaces an existing report whole', async () => {
    const dir = await copyFixture('foundation-clean');
    const target = path.join(dir, 'report.json');
    await writeFile(target, 'x'.repeat(10_000));
    expect((await run(['validate', '--format', 'json', '-o', 'report.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({
      diagnostics: [],
      summary: { errors: 0, warnings: 0, files: 1 },
    });
    expect((await listTree(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('cannot write into a folder: exit 2 naming the file', async () => {
    const dir = await copyFixture('foundation-clean');
    const { code, stdout, stderr } = await runBoth(['validate', '-o', 'personas'], { cwd: dir });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^personakit: cannot write personas: it is a folder\n {2}choose another --output-file\n$/);
  });
});
