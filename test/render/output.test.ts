import { lstat, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolder } from '../../src/render/output.js';
import { makeTempDir } from '../support/run-bin.js';

describe('OutputFolder.write', () => {
  it('leaves a report that already holds the same bytes alone, and replaces one that differs', async () => {
    const root = await makeTempDir();
    const out = new OutputFolder(root);
    await out.prepare();
    out.write('persona-a.html', '<p>Ana — v1</p>\n');
    out.write('persona-b.html', '<p>Ben</p>\n');
    const [a1, b1] = await Promise.all([
      lstat(path.join(root, 'persona-a.html')),
      lstat(path.join(root, 'persona-b.html')),
    ]);
    out.write('persona-a.html', '<p>Ana — v1</p>\n');
    out.write('persona-b.html', '<p>Ben, changed</p>\n');
    const [a2, b2] = await Promise.all([
      lstat(path.join(root, 'persona-a.html')),
      lstat(path.join(root, 'persona-b.html')),
    ]);
    expect(a2.ino).toBe(a1.ino); // untouched
    expect(a2.mtimeMs).toBe(a1.mtimeMs);
    expect(b2.ino).not.toBe(b1.ino); // a new file renamed into place
    expect(await readFile(path.join(root, 'persona-b.html'), 'utf8')).toBe('<p>Ben, changed</p>\n');
    expect(out.written).toEqual(['persona-a.html', 'persona-b.html', 'persona-a.html', 'persona-b.html']);
    expect((await readdir(root)).sort()).toEqual(['persona-a.html', 'persona-b.html']);
  });

  it('replaces a symbolic link with the same bytes behind it rather than trusting it', async () => {
    const root = await makeTempDir();
    const elsewhere = path.join(await makeTempDir(), 'target.html');
    await writeFile(elsewhere, 'same\n');
    await symlink(elsewhere, path.join(root, 'index.html'));
    const out = new OutputFolder(root);
    await out.prepare();
    out.write('index.html', 'same\n');
    expect((await lstat(path.join(root, 'index.html'))).isSymbolicLink()).toBe(false);
    expect(await readFile(elsewhere, 'utf8')).toBe('same\n');
  });

  it('refuses names outside the safe shape', async () => {
    const out = new OutputFolder(await makeTempDir());
    await out.prepare();
    expect(() => out.write('../escape.html', 'x')).toThrow(/unsafe report name/);
  });
});

describe('OutputFolder: into a folder this run made', () => {
  it('leaves no temporary file at any moment, and a second write of a name replaces the first', async () => {
    const parent = await makeTempDir();
    const root = path.join(parent, 'out');
    const out = new OutputFolder(root);
    await out.prepare();
    out.write('persona-a.html', '<p>Ana</p>\n');
    out.write('images/persona-a.png', new Uint8Array([137, 80, 78, 71]));
    expect((await readdir(root, { recursive: true })).sort()).toEqual([
      'images',
      'images/persona-a.png',
      'persona-a.html',
    ]);
    const first = await lstat(path.join(root, 'persona-a.html'));
    out.write('persona-a.html', '<p>Ana, again</p>\n');
    expect(await readFile(path.join(root, 'persona-a.html'), 'utf8')).toBe('<p>Ana, again</p>\n');
    expect((await lstat(path.join(root, 'persona-a.html'))).ino).not.toBe(first.ino); // replaced atomically, as anywhere
    expect([...(await readFile(path.join(root, 'images', 'persona-a.png')))]).toEqual([137, 80, 78, 71]);
    expect(await readdir(parent)).toEqual(['out']); // nothing written beside it
  });

  it('a file that appears meanwhile under a report name is replaced whole, and the others are kept', async () => {
    const root = path.join(await makeTempDir(), 'out');
    const out = new OutputFolder(root);
    await out.prepare();
    await writeFile(path.join(root, 'index.html'), '<p>someone else</p>\n');
    await writeFile(path.join(root, 'notes.txt'), 'mine\n');
    out.write('index.html', '<p>index</p>\n');
    expect(await readFile(path.join(root, 'index.html'), 'utf8')).toBe('<p>index</p>\n');
    expect(await readFile(path.join(root, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect((await readdir(root)).sort()).toEqual(['index.html', 'notes.txt']);
  });
});
