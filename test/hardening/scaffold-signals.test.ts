import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runBin, writeTree } from '../support/run-bin.js';
import { signalAfter, signalAtPrompt } from './signals.js';

/**
 * SIGINT and SIGTERM while scaffolding, through the built binary. Whatever the moment, the folder
 * holds only whole files (each identical to what an uninterrupted run writes) and no temporary file.
 */

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out.set(
        path.relative(dir, path.join(entry.parentPath, entry.name)),
        await readFile(path.join(entry.parentPath, entry.name), 'utf8'),
      );
  }
  return out;
}

describe('signals while scaffolding leave whole files or none', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s at moments spread over init: never a partial or temporary file',
    async (signal) => {
      const reference = await makeTempDir();
      const started = Date.now();
      expect((await runBin(['init', 'ws', '--yes', '--name', 'Acme'], { cwd: reference })).code).toBe(0);
      const whole = await filesUnder(path.join(reference, 'ws'));
      const span = Date.now() - started;
      for (let i = 0; i < 12; i++) {
        const cwd = await makeTempDir();
        const r = await signalAfter(
          ['init', 'ws', '--yes', '--name', 'Acme'],
          cwd,
          Math.round((span * i) / 11),
          signal,
        );
        // Interrupted (by the signal, or 130), or finished before the signal came: nothing else.
        expect(r.signal === signal || r.code === 0 || r.code === 130, JSON.stringify(r)).toBe(true);
        const written = await filesUnder(cwd).catch(() => new Map<string, string>());
        for (const [rel, text] of written) {
          expect(rel, 'a temporary file was left behind').not.toMatch(/\.tmp$/);
          expect(text, `${rel} is not whole`).toBe(whole.get(rel.replace(/^ws\//, '')));
        }
      }
    },
  );

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s at an interactive prompt of new: ends at once, nothing written',
    async (signal) => {
      const ws = await writeTree(await makeTempDir(), { 'personakit.yaml': 'name: Acme\n' });
      const r = await signalAtPrompt(['new', 'persona'], ws, "Persona's name", signal);
      // Ended by the signal (shell status 128 + n) or by personakit's own exit 130 after it.
      expect([130, 143], r.output).toContain(r.node.code ?? 128 + Number(r.node.signal));
      expect(r.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(await readdir(ws)).toEqual(['personakit.yaml']);
    },
  );
});
