import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.mjs';

// The writer thread runs the compiled write-worker.js, so these renders run from dist/ (npm test builds first).
const DIST_RENDER = path.resolve('dist/render/render.js');
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'personakit-writer-'));
  dirs.push(dir);
  return dir;
}

/** Every file of a folder (recursively, hidden ones included) with its bytes. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      out[path.relative(dir, path.join(entry.parentPath, entry.name))] = (
        await readFile(path.join(entry.parentPath, entry.name))
      ).toString('base64');
  }
  return out;
}

describe.skipIf(!existsSync(DIST_RENDER))('writing reports on the writer thread', () => {
  const load = async () => (await import(DIST_RENDER)) as typeof import('../../src/render/render.js');

  it('writes exactly the files the main thread alone writes, and on a second run rewrites none', async () => {
    const { renderReports } = await load();
    const ws = await tempDir();
    generateWorkspace(ws, { personas: 60, journeys: 4, markets: 2, invalid: 2 });
    const [alone, thread] = [path.join(ws, 'alone'), path.join(ws, 'thread')];
    for (const format of ['html', 'md'] as const) {
      await renderReports({
        cwd: ws,
        paths: ['personas', 'journeys', 'markets'],
        format,
        out: alone,
        force: true,
        writeThreadFrom: Infinity,
      });
      const result = await renderReports({
        cwd: ws,
        paths: ['personas', 'journeys', 'markets'],
        format,
        out: thread,
        force: true,
        writeThreadFrom: 0,
      });
      expect(result.refused).toBe(false);
    }
    expect(Object.keys(await contents(thread)).length).toBeGreaterThan(120);
    expect(await contents(thread)).toEqual(await contents(alone));

    const before = await stat(path.join(thread, 'index.html'));
    await renderReports({
      cwd: ws,
      paths: ['personas', 'journeys', 'markets'],
      format: 'html',
      out: thread,
      force: true,
      writeThreadFrom: 0,
    });
    expect((await stat(path.join(thread, 'index.html'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('through the binary: every report is on disk when the process ends, and it exits 0', async () => {
    const { runBin } = await import('../support/run-bin.js');
    const ws = await tempDir();
    generateWorkspace(ws, { personas: 240, journeys: 6, markets: 2 });
    const r = await runBin(['render', 'personas', 'journeys', 'markets', '--force', '--out', 'out'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const files = (await readdir(path.join(ws, 'out'))).filter((f) => f.endsWith('.html'));
    expect(files.length).toBe(240 + 6 + 2 + 1);
    expect(r.stderr).toContain(`wrote ${240 + 6 + 2} reports and an index`);
  });

  it('through the binary, refusing documents with errors: the thread started while reading is stopped, nothing is written', async () => {
    const { runBin } = await import('../support/run-bin.js');
    const ws = await tempDir();
    generateWorkspace(ws, { personas: 240, journeys: 6, markets: 2, invalid: 3 });
    const r = await runBin(['render', 'personas', 'journeys', 'markets', '--out', 'out'], { cwd: ws });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('nothing rendered');
    expect(existsSync(path.join(ws, 'out'))).toBe(false);
  });

  it('reports a file it cannot write as a usage error, and leaves no temporary file', async () => {
    const { renderReports } = await load();
    const ws = await tempDir();
    generateWorkspace(ws, { personas: 30, journeys: 2, markets: 1 });
    const out = path.join(ws, 'out');
    // A folder where a report must go: the rename onto it fails.
    await mkdir(path.join(out, 'index.html'), { recursive: true });
    await writeFile(path.join(out, 'index.html', 'keep.txt'), 'mine\n');
    await expect(
      renderReports({
        cwd: ws,
        paths: ['personas', 'journeys', 'markets'],
        format: 'html',
        out,
        force: true,
        writeThreadFrom: 0,
      }),
    ).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringMatching(/^cannot write .*index\.html: /),
    });
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(path.join(out, 'index.html', 'keep.txt'), 'utf8')).toBe('mine\n');
  });

  it.skipIf(process.getuid?.() === 0)('stops on a folder it may not write to, with no temporary file', async () => {
    const { renderReports } = await load();
    const ws = await tempDir();
    generateWorkspace(ws, { personas: 30, journeys: 2, markets: 1 });
    const out = path.join(ws, 'out');
    await mkdir(out);
    await chmod(out, 0o555);
    try {
      await expect(
        renderReports({ cwd: ws, paths: ['personas'], format: 'html', out, force: true, writeThreadFrom: 0 }),
      ).rejects.toMatchObject({ name: 'UsageError' });
      expect(await readdir(out)).toEqual([]);
    } finally {
      await chmod(out, 0o755);
    }
  });
});

describe.skipIf(!existsSync(DIST_RENDER) || process.platform !== 'linux')(
  'an interrupt while the writer thread writes',
  () => {
    it.each(['SIGINT', 'SIGTERM'] as const)(
      '%s: every report is whole or absent, and no temporary file is left',
      async (signal) => {
        const { signalAfter } = await import('../hardening/signals.js');
        const ws = await tempDir();
        generateWorkspace(ws, { personas: 400, journeys: 10, markets: 2 });
        const reference = path.join(ws, 'reference');
        const { renderReports } = (await import(DIST_RENDER)) as typeof import('../../src/render/render.js');
        const started = Date.now();
        await renderReports({
          cwd: ws,
          paths: ['personas', 'journeys', 'markets'],
          format: 'html',
          out: reference,
          force: true,
          writeThreadFrom: Infinity,
        });
        const span = Date.now() - started;
        const whole = await contents(reference);
        for (let i = 1; i <= 6; i++) {
          const out = path.join(ws, `out-${signal}-${i}`);
          const r = await signalAfter(
            ['render', 'personas', 'journeys', 'markets', '--force', '--out', out],
            ws,
            Math.round((span * i) / 4),
            signal,
          );
          expect(r.signal === signal || r.code === 0, JSON.stringify(r)).toBe(true);
          const written = await contents(out).catch(() => ({}));
          for (const [rel, bytes] of Object.entries(written)) {
            expect(rel, 'a temporary file was left behind').not.toMatch(/\.tmp$/);
            expect(bytes, `${rel} is not whole`).toBe(whole[rel]);
          }
          expect(
            (await readdir(ws)).filter((f) => f.endsWith('.tmp')),
            'a staging folder was left behind',
          ).toEqual([]);
        }
      },
    );
  },
);
