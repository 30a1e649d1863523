import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import type { ReportOptions } from './types.js';
import { plainDiagnostic, sortDiagnostics } from './util.js';

/** `{ "diagnostics": [...], "summary": { "errors", "warnings", "files" } }` (SPEC section 7, Output). */
export function json(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const report = {
    diagnostics: sortDiagnostics(diagnostics, options.files).map(plainDiagnostic),
    summary: { errors, warnings, files: options.files.length },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
