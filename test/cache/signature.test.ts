import { cp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTLED_MS, statSignature } from '../../src/cache/signature.js';
import { planWorkspace, type FileToRead } from '../../src/workspace/workspace.js';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';

let dir: string;
let files: FileToRead[];
const later = () => Date.now() + SETTLED_MS + 60_000;
beforeAll(async () => {
  dir = await makeTempDir('personakit-signature-');
  await cp(path.join(REPO_ROOT, 'examples'), dir, { recursive: true });
  files = (await planWorkspace({ cwd: dir, paths: [] })).files;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("statSignature: what the file system says about a run's files", () => {
  it('is not given while a file may still change within its timestamp tick', () => {
    // The files were just copied: their times are now.
    expect(statSignature('base', files, Date.now())).toBeUndefined();
  });

  it('is the same for the same files, and depends on the rest of the key', () => {
    const now = later();
    const signature = statSignature('base', files, now);
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    expect(statSignature('base', files, now)).toBe(signature);
    expect(statSignature('other', files, now)).not.toBe(signature);
    expect(statSignature('base', files.slice(1), now)).not.toBe(signature);
    expect(statSignature('base', [{ ...files[0]!, reported: !files[0]!.reported }, ...files.slice(1)], now)).not.toBe(
      signature,
    );
  });

  it('changes when a file is rewritten, even to the same size with its modification time put back', async () => {
    const file = files[0]!.absPath;
    const before = statSignature('base', files, later());
    const text = await readFile(file, 'utf8');
    const { atime, mtime } = await stat(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(
      file,
      text.replace(/[a-z]/, (c) => (c === 'a' ? 'b' : 'a')),
    );
    await utimes(file, atime, mtime);
    expect((await stat(file)).size).toBe(Buffer.byteLength(text));
    expect(statSignature('base', files, later())).not.toBe(before);
  });

  it('is not given when a file cannot be looked at', async () => {
    const gone = { ...files[0]!, absPath: path.join(dir, 'no-such-file.yaml') };
    expect(statSignature('base', [gone, ...files], later())).toBeUndefined();
  });
});
