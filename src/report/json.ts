import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import { jsonWithArray } from './pieces.js';
import type { ReportOptions } from './types.js';
import { plainDiagnostic, sortDiagnostics } from './util.js';

/** `{ "diagnostics": [...], "summary": { "errors", "warnings", "files" } }` (SPEC section 7, Output). */
export function json(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  return [...jsonPieces(diagnostics, options)].join('');
}

/** json() in pieces (see pieces.ts). */
export function jsonPieces(diagnostics: readonly Diagnostic[], options: ReportOptions): Iterable<string> {
  const { errors, warnings } = countBySeverity(diagnostics);
  const marker = '\u0000diagnostics';
  const report = { diagnostics: marker, summary: { errors, warnings, files: options.files.length } };
  return jsonWithArray(report, marker, sortDiagnostics(diagnostics, options.files), plainDiagnostic);
}
