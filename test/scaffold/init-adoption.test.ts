import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { packageVersion } from '../../src/cli/version.js';
import { allRuleMeta } from '../../src/rules/registry.js';
import { checkRuleSettings, readSettings } from '../../src/workspace/settings.js';
import { settingsYaml } from '../../src/scaffold/starter-files.js';
import { listTree, makeTempDir, writeTree } from '../support/run-bin.js';
import { memoryIo } from '../support/memory-io.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir('personakit-init-');
  dirs.push(dir);
  return writeTree(dir, files);
}
async function init(dir: string, ...args: string[]) {
  const io = memoryIo({ cwd: dir });
  const code = await runCli(['init', ...args], io);
  return { code, io };
}
const readJson = async (file: string) =>
  JSON.parse(await readFile(file, 'utf8')) as Record<string, Record<string, unknown>>;
const VERSION = packageVersion();

describe('init and package.json', () => {
  it('writes a package.json with personakit as a dev dependency at the running version and a check script', async () => {
    const dir = await tempDir();
    expect((await init(dir, '--yes')).code).toBe(0);
    const pkg = await readJson(path.join(dir, 'package.json'));
    expect(pkg.devDependencies).toEqual({ personakit: `^${VERSION}` });
    expect(pkg.scripts.check).toBe('personakit check');
    expect(pkg.private).toBe(true);
    expect(pkg.name).toMatch(/^[a-z0-9][a-z0-9._~-]*$/);
  });

  it('adds personakit and a check script to an existing package.json, keeping everything else and its indentation', async () => {
    const original = {
      name: 'client-site',
      version: '2.0.0',
      scripts: { build: 'vite build' },
      devDependencies: { vite: '^5.0.0' },
    };
    const dir = await tempDir({ 'package.json': JSON.stringify(original, null, 4) + '\n' });
    const { code, io } = await init(dir, '--yes');
    expect(code).toBe(0);
    const text = await readFile(path.join(dir, 'package.json'), 'utf8');
    expect(text).toMatch(/^\{\n {4}"name"/);
    expect(JSON.parse(text)).toEqual({
      ...original,
      scripts: { build: 'vite build', check: 'personakit check' },
      devDependencies: { vite: '^5.0.0', personakit: `^${VERSION}` },
    });
    expect(io.err).toContain(
      `updated package.json (added personakit ^${VERSION} as a dev dependency and a "check" script)`,
    );
  });

  it('never changes a personakit spec or a check script already there (a tarball or git install stays)', async () => {
    const pkg = {
      name: 'x',
      scripts: { check: 'personakit check --max-warnings 0' },
      devDependencies: { personakit: 'file:../personakit-0.1.0.tgz' },
    };
    const text = JSON.stringify(pkg, null, 2) + '\n';
    const dir = await tempDir({ 'package.json': text });
    const { code, io } = await init(dir, '--yes');
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'package.json'), 'utf8')).toBe(text);
    expect(io.err).not.toContain('package.json');
    const git = await tempDir({
      'package.json': JSON.stringify({ dependencies: { personakit: 'github:acme/personakit' } }),
    });
    await init(git, '--yes');
    expect((await readJson(path.join(git, 'package.json'))).dependencies).toEqual({
      personakit: 'github:acme/personakit',
    });
    expect((await readJson(path.join(git, 'package.json'))).devDependencies).toBeUndefined();
  });

  it('refuses a package.json that is not JSON at file:line:column, exit 2, writing nothing', async () => {
    const dir = await tempDir({ 'package.json': '{\n  "name": "x",\n}\n' });
    const { code, io } = await init(dir, '--yes');
    expect(code).toBe(2);
    expect(io.err).toContain('package.json:3:1: not valid JSON');
    expect(await listTree(dir)).toEqual(['package.json']);
    const array = await tempDir({ 'package.json': '[]' });
    expect((await init(array, '--yes')).code).toBe(2);
    expect(await listTree(array)).toEqual(['package.json']);
  });
});

describe('init --force brings editor paths up to date', () => {
  it('rewrites personakit modelines and .vscode yaml.schemas made by a personakit elsewhere, keeping the rest', async () => {
    const stale = '# yaml-language-server: $schema=../../../clones/personakit/schemas/persona.schema.json\n';
    const dir = await tempDir({
      'personakit.yaml': 'name: Acme\n',
      'personas/deep/fiona.yaml': `${stale}kind: persona\nid: fiona\nname: Fiona\n`,
      'personas/own.yaml': '# yaml-language-server: $schema=https://example.com/other.json\nkind: persona\n',
      '.vscode/settings.json': JSON.stringify({
        'editor.tabSize': 4,
        'yaml.schemas': {
          '../clones/personakit/schemas/persona.schema.json': ['personas/**/*.yaml'],
          'mine.json': ['x.yaml'],
        },
      }),
    });
    const { code, io } = await init(dir, '--yes', '--force');
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'personas/deep/fiona.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=../../node_modules/personakit/schemas/persona.schema.json\nkind: persona\nid: fiona\nname: Fiona\n',
    );
    expect(await readFile(path.join(dir, 'personas/own.yaml'), 'utf8')).toContain('https://example.com/other.json');
    expect(io.err).toContain('updated personas/deep/fiona.yaml (schema modeline)');
    const vscode = await readJson(path.join(dir, '.vscode/settings.json'));
    expect(vscode['editor.tabSize']).toBe(4);
    expect(Object.keys(vscode['yaml.schemas'])).toEqual([
      'node_modules/personakit/schemas/persona.schema.json',
      'node_modules/personakit/schemas/journey.schema.json',
      'node_modules/personakit/schemas/market.schema.json',
      'node_modules/personakit/schemas/settings.schema.json',
      'mine.json',
    ]);
    expect(io.err).toContain('updated .vscode/settings.json (yaml.schemas)');
    // A second run has nothing left to update.
    const again = await init(dir, '--yes', '--force');
    expect(again.io.err).not.toMatch(/^updated /m);
  });

  it('leaves a .vscode/settings.json with comments alone and says so; without --force touches no modeline', async () => {
    const stale = '# yaml-language-server: $schema=../elsewhere/persona.schema.json\nkind: persona\n';
    const dir = await tempDir({ '.vscode/settings.json': '// mine\n{}\n', 'personas/p.yaml': stale });
    const { io } = await init(dir, '--yes');
    expect(await readFile(path.join(dir, 'personas/p.yaml'), 'utf8')).toBe(stale);
    expect(await readFile(path.join(dir, '.vscode/settings.json'), 'utf8')).toBe('// mine\n{}\n');
    expect(io.err).toContain('skipped .vscode/settings.json (it already exists)');
    const forced = await init(dir, '--yes', '--force');
    expect(await readFile(path.join(dir, '.vscode/settings.json'), 'utf8')).toBe('// mine\n{}\n');
    expect(forced.io.err).toContain('skipped .vscode/settings.json (not plain JSON');
  });
});

describe('the generated personakit.yaml', () => {
  const text = settingsYaml('Acme Ltd', 'node_modules/personakit/schemas/settings.schema.json');
  const lines = text.split('\n');
  // Commented example lines: a comment whose text is a YAML `key: value` (the modeline is a directive).
  const examples = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index > 0 && /^\s*# [\w-]+:( |$)/.test(line));

  it('has commented examples to try', () => {
    expect(examples.map((e) => e.line.trim().split(':')[0])).toEqual([
      '# placeholders',
      '# evidence-missing',
      '# stage-message-missing',
      '# placeholder-text',
      '# templates',
    ]);
  });

  it('is valid as written, and stays valid when any one commented example line is uncommented', async () => {
    const dir = await tempDir({ 'templates/.keep': '' });
    const file = path.join(dir, 'personakit.yaml');
    for (const variant of [undefined, ...examples]) {
      const edited = variant ? lines.map((l, i) => (i === variant.index ? l.replace('# ', '') : l)).join('\n') : text;
      await writeTree(dir, { 'personakit.yaml': edited });
      const settings = await readSettings(file);
      expect(settings.name, variant?.line ?? 'as written').toBe('Acme Ltd');
      checkRuleSettings(settings, allRuleMeta());
    }
  });
});
