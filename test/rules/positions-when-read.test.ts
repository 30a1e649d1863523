import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../../src/diagnostic.js';
import { lint, type LintOptions } from '../../src/rules/engine.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const WORKSPACES = [path.join(ROOT, 'examples'), ...readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name))];

/** The diagnostics as plain objects (every position read), minus files whose parser ran out of stack (see document-pass.test.ts). */
function plain(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const overflowing = new Set(diagnostics.filter((d) => d.message.includes('ran out of stack')).map((d) => d.file));
  return diagnostics.filter((d) => !overflowing.has(d.file)).map((d) => JSON.parse(JSON.stringify(d)) as Diagnostic);
}

/**
 * Positions worked out when read (render) must be the positions worked out at once (check): the
 * same diagnostics, once sorted, in every fixture workspace, with and without --quiet. Fixtures
 * include comment directives, multi-document files, CSV rows and unreadable files.
 */
describe("lint with positions: 'when-read'", () => {
  for (const cwd of WORKSPACES) {
    it(`gives check's diagnostics: ${path.relative(ROOT, cwd)}`, async () => {
      for (const quiet of [false, true]) {
        const base: LintOptions = { cwd, paths: [], mode: 'check', quiet, today: new Date('2026-11-23T12:00:00Z') };
        let now: Diagnostic[];
        try {
          now = (await lint(base)).diagnostics;
        } catch (e) {
          await expect(lint({ ...base, positions: 'when-read' })).rejects.toThrow((e as Error).message);
          continue;
        }
        const later = (await lint({ ...base, positions: 'when-read' })).diagnostics;
        expect(plain([...later].sort(compareDiagnostics))).toEqual(plain(now));
      }
    });
  }
});
