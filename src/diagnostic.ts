/** A problem found in a file, at a 1-based line and column (SPEC section 4). */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: string;
  message: string;
  /** JSON pointer into the document, when the problem is inside a YAML document. */
  path?: string;
}

/**
 * What rules and validators produce: a diagnostic whose position is not resolved yet. The engine
 * looks its JSON pointer up in the positions its file was parsed with (load/positions.ts).
 */
export interface Finding {
  rule: string;
  message: string;
  /** Severity the rule wants; the engine applies the user's overrides. */
  severity?: Severity;
  file: string;
  /** Display path of the YAML file a non-YAML `file` belongs to (a market's accounts CSV): reported with it. */
  owner?: string;
  /** Index of the document within a multi-document file. */
  docIndex?: number;
  /** JSON pointer of the node the finding is about; '' is the document root. */
  pointer?: string;
  /** Point at the key of the property instead of its value (unknown properties, ids). */
  at?: 'key' | 'value';
  /** An already known position (YAML syntax errors, CSV cells). Skips the pointer lookup. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order: file, then position, then rule, so output never depends on timing. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
