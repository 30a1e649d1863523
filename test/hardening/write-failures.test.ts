import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { memoryIo } from '../support/memory-io.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

/**
 * A full disk and a read-only file system cannot be made without privileges (and root ignores
 * chmod), so the file system fails on cue here: `open` of a temporary file either refuses
 * (EROFS/EACCES) or hands out a handle whose write stops half-way with ENOSPC.
 */
const failure = vi.hoisted(() => ({ code: undefined as string | undefined }));

// Every write of a file ends in the synchronous open for writing and write (or writev): of a
// temporary file (writeFileAtomic, writeFileAtomicSync), or of a report in a folder the render made.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing = new Set<number>();
  const writing = (_file: unknown, flags: unknown) => /[wa]/.test(String(flags));
  const openSync = ((
    file: Parameters<typeof real.openSync>[0],
    flags: Parameters<typeof real.openSync>[1] = 'r',
    mode?: Parameters<typeof real.openSync>[2],
  ) => {
    const code = failure.code;
    if (code !== undefined && writing(file, flags) && code !== 'ENOSPC') {
      throw Object.assign(new Error(`${code}: refused, open '${String(file)}'`), { code, syscall: 'open' });
    }
    const fd = real.openSync(file, flags, mode);
    if (code === 'ENOSPC' && writing(file, flags)) failing.add(fd);
    return fd;
  }) as typeof real.openSync;
  const writeSync = ((fd: number, data: Uint8Array, ...rest: unknown[]) => {
    if (!failing.has(fd)) return (real.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    // Half of the content reaches the disk, then the disk is full.
    real.writeSync(fd, data.subarray(0, data.length / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
  }) as typeof real.writeSync;
  const writevSync = ((fd: number, parts: Uint8Array[], ...rest: unknown[]) => {
    if (!failing.has(fd)) return (real.writevSync as (...a: unknown[]) => number)(fd, parts, ...rest);
    real.writeSync(fd, parts[0]!.subarray(0, parts[0]!.length / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
  }) as typeof real.writevSync;
  const closeSync = (fd: number) => {
    failing.delete(fd);
    real.closeSync(fd);
  };
  return {
    ...real,
    openSync,
    writeSync,
    writevSync,
    closeSync,
    default: { ...real, openSync, writeSync, writevSync, closeSync },
  };
});

// Test files share their worker's modules (isolate: false in vitest.config.ts): an earlier file may
// have loaded personakit's modules with the real node:fs. Load them afresh, so they see the mock,
// and leave neither the mock nor modules bound to it to the next file.
vi.resetModules();
const { runCli } = await import('../../src/cli/run-cli.js');
const { writeNewFile } = await import('../../src/scaffold/write.js');
const { writeFileAtomic } = await import('../../src/util/atomic-write.js');
afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

afterEach(() => {
  failure.code = undefined;
});

describe('a full disk or a read-only folder: a clear error, no partial file, the old file kept', () => {
  it('writeFileAtomic: the target keeps its old content and no temporary file remains', async () => {
    const dir = await writeTree(await makeTempDir(), { 'report.json': '{"old": true}\n' });
    failure.code = 'ENOSPC';
    await expect(writeFileAtomic(path.join(dir, 'report.json'), '{"new": true}\n'.repeat(100))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(await readdir(dir)).toEqual(['report.json']);
    expect(await readFile(path.join(dir, 'report.json'), 'utf8')).toBe('{"old": true}\n');
  });

  it.each([
    ['ENOSPC', /the disk is full/],
    ['EROFS', /the folder is not writable/],
    ['EACCES', /the folder is not writable/],
  ])('scaffolding under %s says so and writes nothing', async (code, message) => {
    const dir = await makeTempDir();
    failure.code = code;
    await expect(
      writeNewFile(path.join(dir, 'fiona.yaml'), 'kind: persona\n', { force: false, shown: 'fiona.yaml' }),
    ).rejects.toThrow(message);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [['init', 'ws', '--yes'], 'ws'],
    [['new', 'persona', '--yes', '--dir', 'docs'], 'docs'],
    [['validate', 'docs', '--format', 'json', '--output-file', 'result.json'], '.'], // json: a clean run's stylish text is empty, and an empty file needs no space
    [['render', 'docs', '--force', '--out', 'out'], 'out'],
    [['schema', '--out', 'schemas'], 'schemas'],
  ])('%j on a full disk: exit 2 with one message, and no file half-written', async (argv, where) => {
    const dir = await writeTree(await makeTempDir(), {
      'docs/p.yaml': 'kind: persona\nid: p\nname: P\n',
      'result.json': 'old\n',
    });
    const before = await filesIn(path.join(dir, where));
    failure.code = 'ENOSPC';
    const io = memoryIo({ cwd: dir });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err).toMatch(/^personakit: cannot write .*(disk is full|ENOSPC|no space)/);
    expect(io.err).not.toMatch(/internal error|\n\s+at /);
    const left = await readdir(path.join(dir, where), { recursive: true }).catch(() => [] as string[]);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // No file half-written: the first write failed, so no file is there that was not before.
    expect(await filesIn(path.join(dir, where))).toEqual(before);
    expect(await readFile(path.join(dir, 'result.json'), 'utf8')).toBe('old\n');
  });
});
