import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';

/** Run argv in-process with commands intercepted: the typed options each command would have run with. */
async function optionsOf(argv: string[]): Promise<{ code: number; command?: string; options?: unknown; err: string }> {
  const io = memoryIo();
  let command: string | undefined;
  let options: unknown;
  const code = await runCli(argv, io, (c, o) => {
    command = c;
    options = o;
  });
  return { code, command, options, err: io.err };
}

describe('argv → options: validate and check', () => {
  const lintDefaults = { paths: [], format: 'stylish', quiet: false, listRules: false };
  it.each([
    [['validate'], 'validate', { mode: 'validate', ...lintDefaults }],
    [
      ['validate', 'personas', 'journeys/a.yaml'],
      'validate',
      { mode: 'validate', ...lintDefaults, paths: ['personas', 'journeys/a.yaml'] },
    ],
    [
      ['validate', '-f', 'json', '-o', 'out.json', '-q'],
      'validate',
      { mode: 'validate', ...lintDefaults, format: 'json', outputFile: 'out.json', quiet: true },
    ],
    [
      ['validate', '--format=sarif', '--output-file', 'r.sarif'],
      'validate',
      { mode: 'validate', ...lintDefaults, format: 'sarif', outputFile: 'r.sarif' },
    ],
    [
      ['check', '--format', 'github', '--max-warnings', '0'],
      'check',
      { mode: 'check', ...lintDefaults, format: 'github', maxWarnings: 0 },
    ],
    [
      ['check', '--min-completeness', '75', 'personas/*.yaml'],
      'check',
      { mode: 'check', ...lintDefaults, minCompleteness: 75, paths: ['personas/*.yaml'] },
    ],
    [
      ['check', '--list-rules', '--format', 'junit'],
      'check',
      { mode: 'check', ...lintDefaults, format: 'junit', listRules: true },
    ],
    [
      ['check', '--quiet', '--', '-odd-name.yaml'],
      'check',
      { mode: 'check', ...lintDefaults, quiet: true, paths: ['-odd-name.yaml'] },
    ],
    [['check', '--concurrency', '4'], 'check', { mode: 'check', ...lintDefaults, concurrency: 4 }],
    [['check', '--concurrency=auto'], 'check', { mode: 'check', ...lintDefaults, concurrency: 'auto' }],
    [['validate', '--concurrency', 'OFF'], 'validate', { mode: 'validate', ...lintDefaults, concurrency: 'off' }],
  ])('%j', async (argv, command, expected) => {
    const result = await optionsOf(argv);
    expect(result).toMatchObject({ code: 0, command, err: '' });
    expect(result.options).toEqual(expected);
  });
});

describe('argv → options: render --concurrency (the lint layer reads the files)', () => {
  const renderDefaults = { paths: [], format: 'html', out: 'report', force: false, audience: 'client' };
  it.each([
    [['render', '--concurrency', 'off'], { ...renderDefaults, concurrency: 'off' }],
    [['render', '--concurrency', '8', 'personas'], { ...renderDefaults, concurrency: 8, paths: ['personas'] }],
  ])('%j', async (argv, expected) => {
    const result = await optionsOf(argv);
    expect(result).toMatchObject({ code: 0, command: 'render', err: '' });
    expect(result.options).toEqual(expected);
  });
});

describe('argv → options: schema', () => {
  it.each([
    [['schema', 'persona'], { kind: 'persona' }],
    [['schema', 'settings'], { kind: 'settings' }],
    [['schema', '--out', 'schemas'], { out: 'schemas' }],
    [['schema', 'market', '--out', 'x'], { kind: 'market', out: 'x' }],
  ])('%j', async (argv, expected) => {
    const result = await optionsOf(argv);
    expect(result).toMatchObject({ code: 0, command: 'schema' });
    expect(result.options).toEqual(expected);
  });
});

describe('usage errors: exit 2, one message that says what to do, no command run', () => {
  it.each([
    [['validate', '--bogus'], /unknown option '--bogus'\n {2}run personakit validate --help/],
    [['validate', '--format', 'xml'], /"xml" is not a format; use one of stylish, json, junit, sarif, github\./],
    [['check', '-f', 'jsn'], /"jsn" is not a format \(did you mean "json"\?\)/],
    [['check', '--max-warnings', '-1'], /"-1" is not a count/],
    [['check', '--max-warnings', 'many'], /"many" is not a count; give a whole number of 0 or more/],
    [['check', '--min-completeness', '101'], /"101" is not a percentage/],
    [
      ['check', '--concurrency', '0'],
      /"0" is not a concurrency; use auto \(the default\), off \(one file at a time\) or a number/,
    ],
    [['check', '--concurrency', 'fast'], /"fast" is not a concurrency/],
    [['render', '--concurrency', '-2'], /"-2" is not a concurrency/],
    [['check', '--format'], /argument missing/],
    [['schema', 'bogus'], /unknown kind "bogus"\n {2}use one of persona, journey, market, settings/],
    [['schema', 'persna'], /unknown kind "persna" \(did you mean "persona"\?\)/],
    [['valdate'], /unknown command 'valdate'\n\(Did you mean validate\?\)/],
    [['--nope'], /unknown option '--nope'/],
  ])('%j', async (argv, message) => {
    const result = await optionsOf(argv);
    expect(result.code).toBe(2);
    expect(result.command).toBeUndefined();
    expect(result.err).toMatch(/^personakit: /);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints the help on stderr and exits 2 when no command is given', async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/^Usage: personakit/);
  });
});

describe('help and version', () => {
  it('prints the package version for --version and -v', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    for (const flag of ['--version', '-v']) {
      const io = memoryIo();
      expect(await runCli([flag], io)).toBe(0);
      expect(io.out).toBe(`${version}\n`);
    }
  });

  it('prints the program help with examples and exit codes on stdout', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: personakit \[options\] \[command\]/);
    expect(io.out).toMatch(/Examples:\n {2}\$ personakit check/);
    expect(io.out).toMatch(/Exit codes: 0 no problems, 1 problems found, 2 the command could not do its job\./);
    expect(io.err).toBe('');
  });

  const program = createProgram({ io: memoryIo(), exitCode: 0 });
  const commands = program.commands.map((c) => c.name()).filter((name) => name !== 'help');

  it('registers the foundation commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['validate', 'check', 'schema']));
  });

  it.each(commands)('`%s --help` has a one-line purpose and an example', async (name) => {
    const purpose = program.commands.find((c) => c.name() === name)!.description();
    expect(purpose, 'one sentence, one line').toMatch(/^[A-Z][^\n]*\.$/);
    for (const argv of [
      [name, '--help'],
      ['help', name],
    ]) {
      const io = memoryIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(io.out).toMatch(new RegExp(`^Usage: personakit ${name}\\b`));
      // Commander wraps at 80 columns; the purpose is still the first thing after the usage line.
      expect(io.out.split('\n\n')[1]!.replace(/\s+/g, ' ')).toBe(purpose);
      expect(io.out).toMatch(new RegExp(`Examples?:\\n(?: {2}\\$ personakit ${name}.*\\n)+`));
    }
  });
});
