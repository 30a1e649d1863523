import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, lintWorkspace, type LintOptions, type LintResult } from '../../src/lint/lint.js';
import { loadWorkspace } from '../../src/lint/assemble.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const WORKSPACES = [path.join(ROOT, 'examples'), ...readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name))];

/** Every rule whole over the loaded workspace, no document pass: the oracle. */
async function withoutPass(options: LintOptions): Promise<LintResult> {
  return lintWorkspace(await loadWorkspace(options), options);
}

async function outcome(
  options: LintOptions,
  run: (options: LintOptions) => Promise<LintResult> = lint,
): Promise<unknown> {
  try {
    const result = await run(options);
    // What the YAML parser reports in a file where it runs out of stack depends on how deep the
    // stack already is (it differs between two identical full runs), so such files are left out.
    const overflowing = new Set(
      result.diagnostics.filter((d) => d.message.includes('ran out of stack')).map((d) => d.file),
    );
    return result.diagnostics.filter((d) => !overflowing.has(d.file));
  } catch (e) {
    return `throws: ${(e as Error).message}`;
  }
}

/**
 * lint runs the document-scope parts of the rules while files are read (and with diagnosticsOnly
 * keeps personas as summaries): the diagnostics must be exactly those of every rule run whole
 * over the loaded workspace.
 */
describe('document pass', () => {
  for (const cwd of WORKSPACES) {
    for (const mode of ['check', 'validate'] as const) {
      it(`gives the full run's diagnostics: ${path.relative(ROOT, cwd)}, ${mode}`, async () => {
        const base: LintOptions = { cwd, paths: [], mode, today: new Date('2026-11-23T12:00:00Z') };
        const full = await outcome(base, withoutPass);
        expect(await outcome({ ...base, diagnosticsOnly: true })).toEqual(full);
        expect(await outcome(base)).toEqual(full);
        const strict = { ...base, minCompleteness: 40 };
        const strictFull = await outcome(strict, withoutPass);
        expect(await outcome({ ...strict, diagnosticsOnly: true })).toEqual(strictFull);
        expect(await outcome(strict)).toEqual(strictFull);
      });
    }
  }

  it('keeps only the summary of personas, and runs no document rule twice', async () => {
    const cwd = path.join(ROOT, 'examples');
    const result = await lint({ cwd, paths: [], mode: 'check', diagnosticsOnly: true });
    const personas = result.workspace.documents.filter((d) => d.kind === 'persona');
    expect(personas.length).toBeGreaterThan(0);
    for (const p of personas)
      expect(Object.keys(p.data).every((k) => ['kind', 'id', 'picture'].includes(k))).toBe(true);
    const keys = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps personas whole without diagnosticsOnly (render reads them), and runs no document rule twice', async () => {
    const cwd = path.join(ROOT, 'examples');
    const result = await lint({ cwd, paths: [], mode: 'check' });
    expect(result.workspace.documentPass).toBe('check');
    const personas = result.workspace.documents.filter((d) => d.kind === 'persona');
    expect(personas.length).toBeGreaterThan(0);
    for (const p of personas) expect(Object.keys(p.data).length).toBeGreaterThan(3);
    const keys = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
