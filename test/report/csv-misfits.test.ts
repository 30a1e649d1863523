import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../../src/diagnostic.js';
import { formatDiagnosticPieces } from '../../src/report/index.js';
import { FORMATS } from '../../src/report/types.js';
import { lint } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const HEADER = 'name,sector,region,employees,annual_spend';
// Rows that fit, rows that do not, and bad cells (schema errors at CSV positions) in between.
const ROWS = Array.from({ length: 60 }, (_, i) => (i % 9 === 4 ? `Bad ${i},retail,UK,"1,${i}",5` : `Company ${i},${['retail', 'software', 'food'][i % 3]},${['UK', 'Denmark'][i % 2]},${i * 40},${i}`));
const market = (id: string, sectors: string, file: string, inline = '') => `kind: market
id: ${id}
name: ${id}
criteria:
  sectors: [${sectors}]
  regions: [UK]
  employees: { min: 100, max: 2000 }
fit:
  threshold: 0.6
accounts_file: ${file}
${inline}`;
const INLINE = 'accounts:\n  - name: Inline Misfit\n    sector: software\n    region: Denmark\n';

async function workspace(settings = 'name: t\n'): Promise<string> {
  return writeTree(await makeTempDir('personakit-lists-'), {
    'personakit.yaml': settings,
    // Two markets read one CSV: two misfits on many of its lines, told apart by their messages.
    'markets/a.yaml': market('a', 'retail', 'shared.csv', INLINE),
    'markets/b.yaml': market('b', 'software, food', 'shared.csv'),
    'markets/c.yaml': market('c', 'retail', 'other.csv'),
    'markets/shared.csv': `${HEADER}\n${ROWS.join('\n')}\n`,
    'markets/other.csv': `${HEADER}\n${ROWS.slice(0, 20).reverse().join('\n')}\n`,
  });
}

const options = (files: readonly string[]) => ({ color: false, files, rules: [], version: '0.0.0' });
const plain = (d: Diagnostic) => ({ ...d });

describe("a CSV's account misfits among the other diagnostics", () => {
  it('come in compareDiagnostics order, two markets on one line told apart by their messages', async () => {
    const cwd = await workspace();
    const listed = await lint({ cwd, paths: [], mode: 'check' });
    const read = listed.diagnostics.map(plain);
    const shared = read.filter((d) => d.rule === 'account-misfit' && d.file === 'markets/shared.csv');
    expect(shared.length).toBeGreaterThan(30);
    // Both markets' misfits on one line: their order comes from the messages.
    expect(new Set(shared.map((d) => d.line)).size).toBeLessThan(shared.length);
    expect(read.some((d) => d.rule === 'schema' && d.file === 'markets/shared.csv')).toBe(true);
    expect([...read].sort(compareDiagnostics)).toEqual(read);
    for (const format of FORMATS) {
      const report = [...formatDiagnosticPieces(format, listed.diagnostics, options(listed.files))].join('');
      expect(report.length, format).toBeGreaterThan(0);
    }
  });

  it('take the configured severity, and leave with --quiet when they are warnings', async () => {
    const cwd = await workspace('name: t\nrules:\n  account-misfit: error\n');
    const strict = await lint({ cwd, paths: [], mode: 'check' });
    const misfits = Array.from({ length: strict.diagnostics.length }, (_, i) => strict.diagnostics.at(i)!).filter((d) => d.rule === 'account-misfit');
    expect(misfits.length).toBeGreaterThan(30);
    expect(new Set(misfits.map((d) => d.severity))).toEqual(new Set(['error']));
    const quiet = await lint({ cwd: await workspace(), paths: [], mode: 'check', quiet: true });
    const rules = Array.from({ length: quiet.diagnostics.length }, (_, i) => quiet.diagnostics.at(i)!.rule);
    expect(rules.includes('account-misfit')).toBe(false);
    expect(rules.includes('schema')).toBe(true);
  });

  it('a reporter given an unsorted array still sorts each file (its own copy of positions)', async () => {
    const d = (file: string, line: number): Diagnostic => ({ file, line, column: 1, severity: 'warning', rule: 'r', message: `m${line}` });
    const input = [d('b.yaml', 3), d('a.yaml', 9), d('b.yaml', 1), d('a.yaml', 2)];
    const before = [...input];
    const out = [...formatDiagnosticPieces('github', input, options(['a.yaml', 'b.yaml']))].join('');
    expect(out.match(/line=\d+/g)).toEqual(['line=2', 'line=9', 'line=1', 'line=3']);
    expect(input).toEqual(before);
  });
});
