import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.mjs';

// Worker threads run the compiled reader, so this test loads the workspace from dist/ (npm test builds first).
const DIST = path.resolve('dist/workspace/workspace.js');
const DIST_ENGINE = path.resolve('dist/rules/engine.js');
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe.skipIf(!existsSync(DIST))('reading files on worker threads', () => {
  it('gives exactly what the main thread alone gives: documents, findings, order', async () => {
    const { loadWorkspace } = (await import(DIST)) as typeof import('../../src/workspace/workspace.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'personakit-par-'));
    dirs.push(dir);
    generateWorkspace(dir, { personas: 300, journeys: 10, markets: 2, invalid: 12 });
    // Values JSON cannot carry, and a document the fast parser leaves to the careful one.
    await writeFile(
      path.join(dir, 'personas', 'odd.yaml'),
      'kind: persona\nid: odd\nname: Odd\nx-score: .inf\nx-nan: .NaN\nx-neg: -.inf\n---\n~\n---\nkind: persona\nid: odd-2\nname: &n Odd two\ntagline: *n\n',
    );
    await writeFile(
      path.join(dir, 'personas', 'broken.yaml'),
      'kind: persona\nid: broken\nname: [unclosed\n---\nkind: persona\nid: after-broken\nname: After\n',
    );
    const alone = await loadWorkspace({ cwd: dir, paths: [], read: { parallelFrom: Infinity } });
    const shared = await loadWorkspace({
      cwd: dir,
      paths: [],
      read: { parallelFrom: 0, maxThreads: 3, mainThreadReads: false },
    });
    expect(shared.files).toEqual(alone.files);
    expect(shared.documents).toEqual(alone.documents);
    expect(shared.findings).toEqual(alone.findings);
    const odd = shared.documents.find((d) => d.id === 'odd')!.data;
    expect([odd['x-score'], odd['x-nan'], odd['x-neg']]).toEqual([Infinity, NaN, -Infinity]);
  });

  it('runs the document rules on the worker threads with the diagnostics of a full run', async () => {
    const { lint } = (await import(DIST_ENGINE)) as typeof import('../../src/rules/engine.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'personakit-par-'));
    dirs.push(dir);
    generateWorkspace(dir, { personas: 300, journeys: 10, markets: 2, invalid: 12 });
    await writeFile(
      path.join(dir, 'personas', 'odd.yaml'),
      'kind: persona\nid: odd\nname: Odd\nx-score: .inf\n---\nkind: persona\nid: odd\nname: &n Odd two\ntagline: *n\n',
    );
    // Decades ahead (the generator allows 3,650 days): every persona's evidence is stale, a finding of the document rules in each file.
    const base = { cwd: dir, paths: [], mode: 'check' as const, today: new Date('2045-06-01T12:00:00Z') };
    const full = await lint({ ...base, read: { parallelFrom: Infinity } });
    const shared = await lint({
      ...base,
      diagnosticsOnly: true,
      read: { parallelFrom: 0, maxThreads: 3, mainThreadReads: false },
    });
    expect(full.diagnostics.length).toBeGreaterThan(100);
    expect(shared.diagnostics).toEqual(full.diagnostics);
  });
});
