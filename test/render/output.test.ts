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
