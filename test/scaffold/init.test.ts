import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { lint } from '../../src/lint/lint.js';
import { readSettings } from '../../src/workspace/settings.js';
import { listTree, makeTempDir, REPO_ROOT, writeTree } from '../support/run-bin.js';
import { memoryIo } from '../support/memory-io.js';

const STARTER_FILES = [
  '.github/workflows/personakit.yml',
  '.gitignore',
  '.vscode/extensions.json',
  '.vscode/settings.json',
  'README.md',
  'journeys/example-journey.yaml',
  'markets/example-market.yaml',
  'package.json',
  'personakit.yaml',
  'personas/example-decision-maker.yaml',
];

async function init(dir: string, ...args: string[]) {
  const io = memoryIo({ cwd: dir });
  const code = await runCli(['init', ...args], io);
  return { code, io };
}

describe('personakit init', () => {
  it("creates a workspace that check passes, warning only about the starter persona's missing evidence", async () => {
    const dir = await makeTempDir();
    const { code, io } = await init(dir, 'acme', '--name', 'Acme Ltd: personas');
    expect(code).toBe(0);
    const root = path.join(dir, 'acme');
    const folders = ['.github', '.github/workflows', '.vscode', 'journeys', 'markets', 'personas'];
    expect((await listTree(root)).filter((f) => !folders.includes(f))).toEqual(STARTER_FILES);
    expect(io.err).toContain('created acme/personakit.yaml');
    const settings = await readSettings(path.join(root, 'personakit.yaml'));
    expect(settings.name).toBe('Acme Ltd: personas');
    expect(settings.paths).toEqual(['personas', 'journeys', 'markets'].map((p) => path.join(root, p)));
    const { diagnostics } = await lint({ cwd: root, paths: [], mode: 'check' });
    expect(diagnostics.map((d) => `${d.severity} ${d.rule}: ${d.message}`)).toEqual([
      'warning evidence-missing: persona "example-decision-maker" has no evidence; add the research it rests on (source and date)',
    ]);
  });

  it('starts every document with a modeline into node_modules/personakit/schemas, mirrored in .vscode', async () => {
    const dir = await makeTempDir();
    await init(dir, '--yes');
    expect((await readFile(path.join(dir, 'personas/example-decision-maker.yaml'), 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/personakit/schemas/persona.schema.json',
    );
    // What `npm install` will put there: the paths resolve once personakit is installed.
    await mkdir(path.join(dir, 'node_modules'));
    await symlink(REPO_ROOT, path.join(dir, 'node_modules', 'personakit'), 'dir');
    for (const [file, kind] of [
      ['personas/example-decision-maker.yaml', 'persona'],
      ['journeys/example-journey.yaml', 'journey'],
      ['markets/example-market.yaml', 'market'],
      ['personakit.yaml', 'settings'],
    ] as const) {
      const first = (await readFile(path.join(dir, file), 'utf8')).split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file).not.toBeNull();
      const schema = JSON.parse(await readFile(path.resolve(path.dirname(path.join(dir, file)), match![1]!), 'utf8'));
      expect(schema.$id).toBe(`https://personakit.dev/schemas/${kind}.schema.json`);
    }
    const vscode = JSON.parse(await readFile(path.join(dir, '.vscode/settings.json'), 'utf8'));
    const mapped = Object.entries(vscode['yaml.schemas'] as Record<string, string[]>);
    expect(mapped.map(([, globs]) => globs[0])).toEqual([
      'personas/**/*.yaml',
      'journeys/**/*.yaml',
      'markets/**/*.yaml',
      'personakit.yaml',
    ]);
    for (const [schema] of mapped)
      expect(JSON.parse(await readFile(path.resolve(dir, schema), 'utf8')).$id).toMatch(/schema\.json$/);
    expect(JSON.parse(await readFile(path.join(dir, '.vscode/extensions.json'), 'utf8'))).toEqual({
      recommendations: ['redhat.vscode-yaml'],
    });
    const workflow = await readFile(path.join(dir, '.github/workflows/personakit.yml'), 'utf8');
    expect(workflow).toMatch(
      /pull_request:[\s\S]*cache: npm[\s\S]*run: npm ci[\s\S]*run: npx --no personakit check --format github/,
    );
    expect(workflow).not.toContain('--yes');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^report\/$/m);
    expect(await readFile(path.join(dir, 'personakit.yaml'), 'utf8')).toContain(`name: ${path.basename(dir)}`);
  });

  it('refuses a folder that already has personakit.yaml unless --force', async () => {
    const dir = await makeTempDir();
    await writeTree(dir, { 'personakit.yaml': 'name: Mine\n' });
    const refused = await init(dir, '--name', 'Acme');
    expect(refused.code).toBe(2);
    expect(refused.io.err).toContain('personakit.yaml already exists');
    expect(refused.io.err).toContain('--force');
    expect(await listTree(dir)).toEqual(['personakit.yaml']);

    const forced = await init(dir, '--name', 'Acme', '--force');
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(dir, 'personakit.yaml'), 'utf8')).toContain('name: Acme');
  });

  it('never overwrites any other existing file, and reports each one it skipped', async () => {
    const dir = await makeTempDir();
    await writeTree(dir, {
      'README.md': 'my readme\n',
      '.gitignore': 'dist/\n',
      'personas/example-decision-maker.yaml': 'kind: persona\n',
    });
    const { code, io } = await init(dir, '--yes');
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toBe('my readme\n');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('dist/\n');
    expect(io.err).toContain('skipped README.md (it already exists)');
    expect(io.err).toContain('skipped .gitignore (it already exists)');
    expect(io.err).toContain('skipped personas/example-decision-maker.yaml (it already exists)');
    expect(io.err).toContain('created personakit.yaml');

    const again = await init(dir, '--yes', '--force');
    expect(again.io.err).toContain('created personakit.yaml');
    // personakit.yaml is rewritten, and package.json already lists personakit: neither is skipped.
    expect(again.io.err.match(/^skipped /gm)?.length).toBe(STARTER_FILES.length - 2);
  });
});

describe('argv → options', () => {
  const intercepted = async (argv: string[]) => {
    let seen: [string, unknown] | undefined;
    const io = memoryIo();
    const code = await runCli(argv, io, (command, options) => (seen = [command, options]));
    return { code, seen, err: io.err };
  };

  it.each([
    [['init'], ['init', { dir: '.', yes: false, force: false }]],
    [
      ['init', 'acme', '--name', 'Acme Ltd', '-y', '--force'],
      ['init', { dir: 'acme', name: 'Acme Ltd', yes: true, force: true }],
    ],
    [
      ['new', 'persona'],
      ['new', { kind: 'persona', yes: false, force: false, dryRun: false }],
    ],
    [
      ['new', 'journey', 'cfo-buys', '--answers', 'a.yaml', '--dir', 'out', '--force', '--dry-run', '--yes'],
      ['new', { kind: 'journey', id: 'cfo-buys', answers: 'a.yaml', dir: 'out', yes: true, force: true, dryRun: true }],
    ],
  ])('%j', async (argv, expected) => {
    const { code, seen } = await intercepted(argv);
    expect(code).toBe(0);
    expect(seen).toEqual(expected);
  });

  it('an unknown kind is a usage error with a suggestion', async () => {
    const { code, err } = await intercepted(['new', 'personna']);
    expect(code).toBe(2);
    expect(err).toContain('cannot create a "personna" (did you mean "persona"?)');
  });
});
