import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.mjs';
import { lint } from '../../src/lint/lint.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'personakit-gen-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = await readFile(full, 'utf8');
  }
  return out;
}

const SMALL = { personas: 20, journeys: 3, markets: 2, accountsRows: 30 };

describe('bench workspace generator', () => {
  it('is deterministic: the same seed gives the same files, byte for byte; another seed does not', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    generateWorkspace(a, SMALL);
    generateWorkspace(b, SMALL);
    generateWorkspace(c, { ...SMALL, seed: 2 });
    const first = await snapshot(a);
    expect(Object.keys(first)).toHaveLength(1 + 20 + 3 + 2 + 1);
    expect(await snapshot(b)).toEqual(first);
    expect(await snapshot(c)).not.toEqual(first);
  });

  it('writes valid documents whose references all resolve', async () => {
    const dir = await tempDir();
    generateWorkspace(dir, SMALL);
    const result = await lint({ cwd: dir, paths: [], mode: 'check', today: new Date('2026-06-01T00:00:00Z') });
    expect(result.workspace.documents.map((d) => d.kind).sort()).toEqual([
      ...Array(3).fill('journey'),
      ...Array(2).fill('market'),
      ...Array(20).fill('persona'),
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('--invalid K breaks exactly K personas, each with an error of its own', async () => {
    const dir = await tempDir();
    const generated = generateWorkspace(dir, { ...SMALL, invalid: 6 });
    expect(generated.broken).toHaveLength(6);
    const result = await lint({ cwd: dir, paths: [], mode: 'check', today: new Date('2026-06-01T00:00:00Z') });
    const filesWithErrors = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    const brokenFiles = generated.broken.map((id) => `personas/${id}.yaml`);
    // Journeys and markets may inherit reference errors (a persona that no longer parses); personas may not.
    expect([...filesWithErrors].filter((f) => f.startsWith('personas/')).sort()).toEqual(brokenFiles.sort());
    // The first journey also names a persona that does not exist.
    expect(filesWithErrors).toContain('journeys/journey-0000.yaml');
  });

  it('--accounts-fit 1 makes every CSV row fit (the rows without findings), and changes nothing else', async () => {
    const [plain, fitting] = [await tempDir(), await tempDir()];
    generateWorkspace(plain, SMALL);
    generateWorkspace(fitting, { ...SMALL, accountsFit: 1 });
    const [a, b] = [await snapshot(plain), await snapshot(fitting)];
    expect(Object.keys(b).filter((f) => a[f] !== b[f])).toEqual([path.join('markets', 'market-0.yaml')]);
    const misfitsIn = async (dir: string) =>
      (await lint({ cwd: dir, paths: [], mode: 'check', today: new Date('2026-06-01T00:00:00Z') })).diagnostics.filter(
        (d) => d.rule === 'account-misfit' && d.file.endsWith('.csv'),
      ).length;
    expect(await misfitsIn(plain)).toBeGreaterThan(0);
    expect(await misfitsIn(fitting)).toBe(0);
  });
});
