import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffWorkspaces, loadWorkspace } from '../../src/index.js';
import { BASE, headFiles } from './workspace-fixture.js';

const root = mkdtempSync(path.join(tmpdir(), 'personakit-diff-api-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('diffWorkspaces (library API)', () => {
  it('compares two loaded workspaces and returns the JSON model', async () => {
    const head = headFiles();
    const headSet: Record<string, string> = { ...BASE, ...head.write };
    for (const f of head.remove) delete headSet[f];
    const a = folder('a', BASE);
    const b = folder('b', headSet);
    const today = new Date('2026-06-01T00:00:00Z');
    const diff = await diffWorkspaces(
      await loadWorkspace({ cwd: a, paths: [] }),
      await loadWorkspace({ cwd: b, paths: [] }),
      { today },
    );
    expect(diff.version).toBe(1);
    expect(diff.base).toEqual({ revision: 'base', commit: null });
    expect(diff.summary).toMatchObject({ added: 2, removed: 2, changed: 3, unreadable: 1 });
    expect(diff.documents.find((d) => d.id === 'uk-finance')?.changes).toContainEqual(
      expect.objectContaining({ change: 'stops-fitting', item: 'Northwind Ltd' }),
    );
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});
