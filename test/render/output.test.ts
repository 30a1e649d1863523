import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
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
    const [a1, b1] = await Promise.all([lstat(path.join(root, 'persona-a.html')), lstat(path.join(root, 'persona-b.html'))]);
    out.write('persona-a.html', '<p>Ana — v1</p>\n');
    out.write('persona-b.html', '<p>Ben, changed</p>\n');
    const [a2, b2] = await Promise.all([lstat(path.join(root, 'persona-a.html')), lstat(path.join(root, 'persona-b.html'))]);
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

describe('OutputFolder: a new folder is staged beside it and appears whole', () => {
  const hidden = async (parent: string) => (await readdir(parent)).filter((f) => f.startsWith('.out.') && f.endsWith('.tmp'));

  it('nothing is in place until finish, then everything is, and the staging folder is gone', async () => {
    const parent = await makeTempDir();
    const root = path.join(parent, 'out');
    const out = new OutputFolder(root);
    await out.prepare();
    out.write('persona-a.html', '<p>Ana</p>\n');
    out.write('images/persona-a.png', new Uint8Array([137, 80, 78, 71]));
    out.write('persona-a.html', '<p>Ana, again</p>\n'); // a second write of a name replaces the first
    expect(existsSync(root)).toBe(false);
    const [stage] = await hidden(parent);
    expect((await readdir(path.join(parent, stage!))).sort()).toEqual(['images', 'persona-a.html']);
    await out.finish();
    expect(await readFile(path.join(root, 'persona-a.html'), 'utf8')).toBe('<p>Ana, again</p>\n');
    expect([...(await readFile(path.join(root, 'images', 'persona-a.png')))]).toEqual([137, 80, 78, 71]);
    expect(await hidden(parent)).toEqual([]);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('abort leaves neither the folder nor the staging folder', async () => {
    const parent = await makeTempDir();
    const out = new OutputFolder(path.join(parent, 'out'));
    await out.prepare();
    out.write('index.html', '<p>index</p>\n');
    await out.abort();
    expect(await readdir(parent)).toEqual([]);
  });

  it('a folder that appears meanwhile gets the reports one by one, and keeps its own files', async () => {
    const parent = await makeTempDir();
    const root = path.join(parent, 'out');
    const out = new OutputFolder(root);
    await out.prepare();
    out.write('index.html', '<p>new</p>\n');
    out.write('images/p.png', new Uint8Array([1, 2]));
    await mkdir(root);
    await writeFile(path.join(root, 'notes.txt'), 'mine\n');
    await writeFile(path.join(root, 'index.html'), '<p>old</p>\n');
    await out.finish();
    expect((await readdir(root)).sort()).toEqual(['images', 'index.html', 'notes.txt']);
    expect(await readFile(path.join(root, 'index.html'), 'utf8')).toBe('<p>new</p>\n');
    expect(await readFile(path.join(root, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(await hidden(parent)).toEqual([]);
  });

  it('an existing folder, even empty, is written in place', async () => {
    const parent = await makeTempDir();
    const root = path.join(parent, 'out');
    await mkdir(root);
    const out = new OutputFolder(root);
    await out.prepare();
    out.write('index.html', '<p>index</p>\n');
    expect(await readdir(root)).toEqual(['index.html']);
    expect(await hidden(parent)).toEqual([]);
    await out.finish();
  });
});
