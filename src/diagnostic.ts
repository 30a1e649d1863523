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
 * What rules and validators produce: a diagnostic whose position is not resolved yet.
 * Positions are looked up afterwards, only for documents that have problems, because
 * keeping source positions for every node costs far more than parsing (see the performance issue).
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
  /**
   * Set when this one finding stands for many, all of its `rule` and `file` (a CSV's account
   * misfits): the engine reports the run's rows, made one by one as they are read.
   */
  run?: DiagnosticRun;
}

/**
 * Diagnostics of one rule in one file, in line order, each made when asked for. A CSV of 100,000
 * accounts can have 70,000 misfits: kept as 70,000 objects from the check until they are printed,
 * they were what made V8 double its young generation (the peak memory of such a check).
 */
export interface DiagnosticRun {
  readonly size: number;
  /** The line of row `index`, without making its diagnostic. */
  line(index: number): number;
  /** Row `index` as a diagnostic of `severity`: a new object each time, reading the same. */
  row(index: number, severity: Severity): Diagnostic;
}

/** Diagnostics read by position: an array, or a list that makes its items as they are read. */
export interface DiagnosticList {
  readonly length: number;
  at(index: number): Diagnostic | undefined;
}

export function countBySeverity(diagnostics: DiagnosticList): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (let i = 0; i < diagnostics.length; i++) {
    if (diagnostics.at(i)!.severity === 'error') errors++;
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
