import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostic.js';
import { FORMATS, formatDiagnosticPieces, formatDiagnostics, type ReportOptions } from '../src/report/index.js';
import { loadPieceReporter } from '../src/report/load.js';
import { CORE_RULES } from '../src/rules/types.js';

/** 2,500 rows in one file (three pieces), a multi-line message, an empty rule cell and a second file. */
const diagnostics: Diagnostic[] = [
  ...Array.from({ length: 2500 }, (_, i): Diagnostic => ({
    file: 'markets/accounts.csv',
    line: i + 2,
    column: 1,
    severity: i % 7 === 0 ? 'error' : 'warning',
    rule: i === 1200 ? '' : 'account-misfit',
    message:
      i === 999 ? 'first line\nsecond line  \r\nthird' : `account "Row ${i}" does not fit: ${'x'.repeat(i % 300)}`,
  })),
  {
    file: 'personas/a.yaml',
    line: 3,
    column: 7,
    severity: 'error',
    rule: 'schema',
    message: 'name must not be empty — got ""',
  },
];
const options = (color: boolean): ReportOptions => ({
  color,
  files: ['personas/a.yaml', 'markets/accounts.csv'],
  rules: CORE_RULES,
  version: '0.0.0',
});

describe('formatted output in pieces (written one at a time)', () => {
  it.each(FORMATS)('%s: the pieces make up exactly the whole output', (format) => {
    for (const color of [false, true]) {
      const whole = formatDiagnostics(format, diagnostics, options(color));
      const pieces = [...formatDiagnosticPieces(format, diagnostics, options(color))];
      expect(pieces.join('')).toBe(whole);
      if (format === 'stylish' && !color) expect(pieces.length).toBeGreaterThan(4);
    }
  });

  it.each(FORMATS)('%s: the CLI loads the same reporter alone (report/load.ts)', async (format) => {
    const reporter = await loadPieceReporter(format);
    for (const color of [false, true])
      expect([...reporter(diagnostics, options(color))].join('')).toBe(
        formatDiagnostics(format, diagnostics, options(color)),
      );
  });

  it('no diagnostics: no output at all', () => {
    expect([...formatDiagnosticPieces('stylish', [], options(false))].join('')).toBe(
      formatDiagnostics('stylish', [], options(false)),
    );
  });

  // An account misfit words its message each time it is read (70,000 of them in a large CSV).
  it('stylish reads each message twice at most: once for the column width, once for its row', () => {
    let reads = 0;
    const counted = diagnostics.map((d) => {
      const copy = { ...d } as Diagnostic;
      Object.defineProperty(copy, 'message', { enumerable: true, get: () => (reads++, d.message) });
      return copy;
    });
    const text = [...formatDiagnosticPieces('stylish', counted, options(false))].join('');
    expect(text).toBe(formatDiagnostics('stylish', diagnostics, options(false)));
    expect(reads).toBeLessThanOrEqual(2 * diagnostics.length);
  });
});
