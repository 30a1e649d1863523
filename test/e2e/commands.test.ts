import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, makeTempDir, REPO_ROOT, runBin, writeTree } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';

/*
 * Cases run in-process (runCli, what bin/personakit.js runs) unless they are about the process
 * itself (exit codes, stdin); runBoth runs one case of each kind through the built binary too,
 * which must print the same bytes.
 */

const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

describe('personakit --version and --help', () => {
  it.each([
    ['--version', runBoth],
    ['-v', run],
  ])('%s prints the package.json version', async (flag, runner) => {
    expect(await runner([flag])).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists the commands, examples and exit codes', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const command of ['validate', 'check', 'schema']) expect(stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    expect(stdout).toMatch(/Exit codes: 0 no problems, 1 problems found, 2 the command could not do its job/);
  });

  it('no command: the help on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await runBoth([]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^Usage: personakit/);
  });
});

describe('personakit schema', () => {
  it.each(['persona', 'journey', 'market', 'settings'])(
    'prints the %s schema as valid JSON, identical to schemas/',
    async (kind) => {
      // One kind through the built binary too.
      const { code, stdout, stderr } = await (kind === 'persona' ? runBoth : run)(['schema', kind]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const schema = JSON.parse(stdout) as Record<string, unknown>;
      expect(schema).toEqual(
        JSON.parse(await readFile(path.join(REPO_ROOT, 'schemas', `${kind}.schema.json`), 'utf8')),
      );
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: expect.stringContaining(kind),
      });
    },
  );

  it('--out writes the four schemas and prints nothing on stdout', async () => {
    const cwd = await makeTempDir();
    const { code, stdout, stderr } = await run(['schema', '--out', 'editor/schemas'], { cwd });
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    const files = ['journey', 'market', 'persona', 'settings'].map((k) => `editor/schemas/${k}.schema.json`);
    expect(await listTree(cwd)).toEqual(['editor', 'editor/schemas', ...files]);
    for (const file of files) {
      expect(stderr).toContain(`wrote ${file}`);
      expect(JSON.parse(await readFile(path.join(cwd, file), 'utf8'))).toHaveProperty('$id');
    }
  });

  it('--out through a file: exit 2 naming the file in the way', async () => {
    const cwd = await writeTree(await makeTempDir(), { taken: 'a file' });
    const { code, stderr } = await runBoth(['schema', '--out', 'taken/sub'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^personakit: cannot write taken\/sub\/persona\.schema\.json: \/.*\/taken is a file, not a folder\n {2}choose another --out folder\n$/,
    );
  });

  it.each([
    [['schema', 'bogus'], /^personakit: unknown kind "bogus"\n {2}use one of persona, journey, market, settings\n$/],
    [['schema', 'jorney'], /^personakit: unknown kind "jorney" \(did you mean "journey"\?\)/],
    [['schema'], /^personakit: name a kind to print, or give --out <dir>/],
  ])('%j: exit 2 with what to do', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(message);
  });
});

describe('exit codes through the binary', () => {
  const persona = (id: string, extra = '') => `kind: persona\nid: ${id}\nname: ${id}\n${extra}`;

  it('0 clean, 1 problems, 2 could not do the job', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'ok.yaml': persona('ok'),
      'bad.yaml': persona('bad', 'roles: [boss]\n'),
    });
    expect((await runBin(['validate', 'ok.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runBin(['validate', 'bad.yaml'], { cwd: dir })).code).toBe(1);
    expect((await runBin(['validate', 'missing.yaml'], { cwd: dir })).code).toBe(2);
  });

  it('DEBUG=personakit does not turn usage errors into stack traces', async () => {
    const { code, stderr } = await runBoth(['validate', 'missing.yaml'], {
      cwd: await makeTempDir(),
      env: { DEBUG: 'personakit' },
    });
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--output-file: an empty name or a file in the way is exit 2 with what to do', async () => {
    const dir = await writeTree(await makeTempDir(), { 'ok.yaml': persona('ok'), taken: 'a file' });
    const empty = await run(['validate', '--output-file', ''], { cwd: dir });
    expect(empty).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'personakit: --output-file needs a file name\n  e.g. --output-file personakit-report.json\n',
    });
    const blocked = await runBoth(['validate', '-o', 'taken/report.txt'], { cwd: dir });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(
      /^personakit: cannot write taken\/report\.txt: \/.*\/taken is a file, not a folder\n/,
    );
  });

  it('stdin is never waited on by validate', async () => {
    const dir = await writeTree(await makeTempDir(), { 'ok.yaml': persona('ok') });
    expect(await runBin(['validate'], { cwd: dir, input: 'ignored\n', timeoutMs: 10_000 })).toMatchObject({
      code: 0,
      stdout: '',
    });
  });
});
