import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/util/atomic-write.js';
import { makeTempDir } from '../support/run-bin.js';

describe('writeFileAtomic (used by --output-file and schema --out)', () => {
  it('creates folders, writes, and replaces whole', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a', 'b', 'report.json');
    await writeFileAtomic(file, 'x'.repeat(5000));
    await writeFileAtomic(file, '{}\n');
    expect(await readFile(file, 'utf8')).toBe('{}\n');
    expect(await readdir(path.dirname(file))).toEqual(['report.json']);
  });

  it('writes content given in parts in order, large and empty parts included', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'page.html');
    const parts = [Buffer.from('<head>'), Buffer.alloc(0), Buffer.from('s'.repeat(3_000_000)), Buffer.from('</head>')];
    writeFileAtomicSync(file, parts);
    // Buffer.compare: vitest compares 3 MB buffers with toEqual item by item (~30 s).
    expect(Buffer.compare(await readFile(file), Buffer.concat(parts))).toBe(0);
    writeFileAtomicSync(file, [Buffer.from('one part')]);
    expect(await readFile(file, 'utf8')).toBe('one part');
  });

  it('concurrent writers leave one whole version, never a mix, and no temporary files', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'out.txt');
    const versions = Array.from({ length: 8 }, (_, i) => String(i).repeat(200_000));
    await Promise.all(versions.map((v) => writeFileAtomic(file, v)));
    expect(versions).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('exclusive: refuses to replace an existing file and cleans up', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'persona.yaml');
    await writeFile(file, 'mine\n');
    await expect(writeFileAtomic(file, 'theirs\n', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('mine\n');
    expect(await readdir(dir)).toEqual(['persona.yaml']);
  });

  it('fails cleanly when the target is a folder', async () => {
    const dir = await makeTempDir();
    await writeFileAtomic(path.join(dir, 'sub', 'keep.txt'), 'k');
    await expect(writeFileAtomic(path.join(dir, 'sub'), 'x')).rejects.toMatchObject({
      code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/),
    });
    expect(await readdir(dir)).toEqual(['sub']);
  });

  it('writeFileAtomicSync: replaces whole, leaves no temporary file, and honours exclusive', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'report.html');
    writeFileAtomicSync(file, 'x'.repeat(100_000));
    writeFileAtomicSync(file, Buffer.from('<p>new</p>\n'), { sync: false });
    expect(await readFile(file, 'utf8')).toBe('<p>new</p>\n');
    expect(() => writeFileAtomicSync(file, 'theirs', { exclusive: true })).toThrow(
      expect.objectContaining({ code: 'EEXIST' }) as Error,
    );
    expect(await readFile(file, 'utf8')).toBe('<p>new</p>\n');
    expect(await readdir(dir)).toEqual(['report.html']);
  });
});
