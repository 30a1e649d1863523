import { chmod, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/workspace/collect.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const DOC = 'kind: persona\nid: a\nname: A\n';
let root: string;

/** Collected files as paths relative to root, with `!` marking explicitly named ones. */
async function collect(specs: string[], cwd = root, boundary?: string): Promise<string[]> {
  const files = await collectFiles(specs, cwd, boundary);
  return files.map((f) => (f.explicit ? '!' : '') + path.relative(root, f.absPath).split(path.sep).join('/'));
}

beforeAll(async () => {
  root = await writeTree(await makeTempDir(), {
    'personakit.yaml': 'name: T\n',
    'personas/b.yaml': DOC,
    'personas/a.yaml': DOC,
    'personas/c.YML': DOC,
    'personas/notes.md': '# notes\n',
    'personas/sub/d.yml': DOC,
    'personas/sub/personakit.yaml': 'name: nested\n',
    'journeys/j.yaml': DOC,
    'node_modules/pkg/x.yaml': DOC,
    '.github/workflows/ci.yml': 'on: push\n',
    '.hidden.yaml': DOC,
  });
  await symlink('..', path.join(root, 'personas', 'sub', 'loop'));
  await symlink(path.join(root, 'personas', 'a.yaml'), path.join(root, 'journeys', 'link-to-a.yaml'));
});

describe('collectFiles', () => {
  it('walks folders recursively in name order, skipping node_modules, dot-folders, personakit.yaml and other files', async () => {
    // journeys/link-to-a.yaml is a symlink to personas/a.yaml: the real file is read once, under the name seen first.
    expect(await collect(['.'])).toEqual([
      '.hidden.yaml',
      'journeys/j.yaml',
      'journeys/link-to-a.yaml',
      'personas/b.yaml',
      'personas/c.YML',
      'personas/sub/d.yml',
    ]);
  });

  it('keeps arguments in the order given and each real file once (symlinks, repeated spellings)', async () => {
    expect(await collect(['personas/b.yaml', 'journeys', './personas/b.yaml', 'personas/../personas/a.yaml'])).toEqual([
      '!personas/b.yaml',
      'journeys/j.yaml',
      '!personas/a.yaml',
    ]);
  });

  it('does not hang on a symlink loop', async () => {
    expect(await collect(['personas/sub'])).toEqual(['personas/sub/d.yml']);
  });

  it('never follows a symlink out of the boundary', async () => {
    const outside = await writeTree(await makeTempDir(), { 'secret.yaml': DOC });
    await mkdir(path.join(root, 'links'), { recursive: true });
    await symlink(outside, path.join(root, 'links', 'out'));
    await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'links', 'secret.yaml'));
    expect(await collect(['links'], root, root)).toEqual([]);
  });

  it.each([
    ['personas/*.yaml', ['!personas/a.yaml', '!personas/b.yaml']],
    ['**/*.yml', ['!personas/sub/d.yml']],
    ['personas/**/*.{yaml,yml}', ['!personas/a.yaml', '!personas/b.yaml', '!personas/sub/d.yml']],
    ['{journeys,personas}/[ab].yaml', ['!personas/a.yaml', '!personas/b.yaml']],
    ['personas/?.yaml', ['!personas/a.yaml', '!personas/b.yaml']],
  ])('expands the glob %j (quoted, as CI and Windows pass it)', async (glob, expected) => {
    expect(await collect([glob])).toEqual(expected);
  });

  it('takes a path with glob characters literally when that file exists', async () => {
    const dir = await writeTree(await makeTempDir(), { 'persona[1].yaml': DOC, 'persona1.yaml': DOC });
    const files = await collectFiles(['persona[1].yaml'], dir);
    expect(files.map((f) => path.basename(f.absPath))).toEqual(['persona[1].yaml']);
  });

  it('matches globs that start from an absolute folder', async () => {
    expect(await collect([path.join(root, 'personas', '*.yaml')])).toEqual(['!personas/a.yaml', '!personas/b.yaml']);
  });

  it('ignores personakit.yaml even when named explicitly: settings are not a document', async () => {
    expect(await collect(['personakit.yaml', 'personas/a.yaml'])).toEqual(['!personas/a.yaml']);
  });

  it.each([
    [['missing.yaml'], 'path "missing.yaml" does not exist'],
    [['personas/notes.md'], '"personas/notes.md" is not a YAML file'],
    [['personas/*.json'], 'no YAML file matches "personas/*.json"'],
    [['nowhere/**/*.yaml'], 'no YAML file matches "nowhere/**/*.yaml"'],
  ])('%j is a usage error: %s', async (specs, message) => {
    await expect(collectFiles(specs, root)).rejects.toMatchObject({ name: 'UsageError', message });
  });

  it('names an absolute path inside the working folder relative to it', async () => {
    await expect(collectFiles([path.join(root, 'gone')], root)).rejects.toMatchObject({
      message: 'path "gone" does not exist',
    });
  });

  // chmod 000 does not deny root (tests run as root in CI), so this case can only run as a normal user;
  // test/hardening/corpus-files.test.ts covers the same error path with simulated EACCES.
  it.skipIf(process.getuid?.() === 0)('makes an unreadable folder a usage error naming it', async () => {
    const dir = await writeTree(await makeTempDir(), { 'locked/a.yaml': DOC });
    await chmod(path.join(dir, 'locked'), 0o000);
    try {
      await expect(collectFiles(['.'], dir)).rejects.toMatchObject({
        name: 'UsageError',
        message: expect.stringMatching(/cannot read folder ".*locked": permission denied/),
      });
    } finally {
      await chmod(path.join(dir, 'locked'), 0o755);
    }
  });
});
