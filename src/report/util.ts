import { compareDiagnostics, type Diagnostic, type DiagnosticList } from '../diagnostic.js';
import { SelectedDiagnostics } from '../diagnostic-lists.js';

export interface FileGroup {
  file: string;
  diagnostics: DiagnosticList;
}

/**
 * Groups diagnostics by file, in a stable order shared by every reporter:
 * the files of `files` in their order, then any file that only appears in the
 * diagnostics (sorted by name). Within a file, diagnostics are sorted by
 * line, column, rule and message. With `includeEmpty`, files of `files`
 * without problems get an empty group (JUnit lists them as passing).
 *
 * A group holds positions in `diagnostics`, not the diagnostics themselves: a list that makes its
 * items as they are read (a CSV's account misfits) stays that way.
 */
export function groupByFile(diagnostics: DiagnosticList, files: readonly string[], includeEmpty = false): FileGroup[] {
  return filePositions(diagnostics, files, includeEmpty).map(({ file, positions }) => ({ file, diagnostics: new SelectedDiagnostics(diagnostics, positions) }));
}

/** groupByFile as positions in `diagnostics`. */
function filePositions(diagnostics: DiagnosticList, files: readonly string[], includeEmpty: boolean): Array<{ file: string; positions: Int32Array }> {
  const byFile = new Map<string, number[]>();
  for (let i = 0; i < diagnostics.length; i++) {
    const file = diagnostics.at(i)!.file;
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(i);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f)) continue;
    seen.add(f);
    order.push(f);
  }
  const others = [...byFile.keys()].filter((f) => !seen.has(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  order.push(...others);

  const groups: Array<{ file: string; positions: Int32Array }> = [];
  for (const file of order) {
    const list = byFile.get(file) ?? [];
    if (list.length === 0 && !includeEmpty) continue;
    groups.push({ file, positions: inOrder(diagnostics, Int32Array.from(list)) });
  }
  return groups;
}

/** Positions sorted by their diagnostics (stable); the engine's lists are in order already, and stay untouched. */
function inOrder(diagnostics: DiagnosticList, positions: Int32Array): Int32Array {
  let sorted = true;
  let previous = positions.length > 0 ? diagnostics.at(positions[0]!)! : undefined;
  for (let i = 1; i < positions.length && sorted; i++) {
    const d = diagnostics.at(positions[i]!)!;
    sorted = compareDiagnostics(previous!, d) <= 0;
    previous = d;
  }
  if (sorted) return positions;
  // Plain arrays only in practice (a reporter called with unsorted diagnostics): a copy to sort.
  const items = Array.from(positions, (p) => ({ p, d: diagnostics.at(p)! }));
  items.sort((x, y) => compareDiagnostics(x.d, y.d) || x.p - y.p);
  return Int32Array.from(items, (x) => x.p);
}

/** Every diagnostic, in the order of {@link groupByFile}. */
export function sortDiagnostics(diagnostics: DiagnosticList, files: readonly string[]): DiagnosticList {
  const positions = new Int32Array(diagnostics.length);
  let at = 0;
  for (const group of filePositions(diagnostics, files, false)) {
    positions.set(group.positions, at);
    at += group.positions.length;
  }
  return new SelectedDiagnostics(diagnostics, positions);
}

/** A copy with a fixed key order and without unknown keys, for JSON output. */
export function plainDiagnostic(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { file: d.file, line: d.line, column: d.column } as Diagnostic;
  if (d.endLine !== undefined) out.endLine = d.endLine;
  if (d.endColumn !== undefined) out.endColumn = d.endColumn;
  out.severity = d.severity;
  out.rule = d.rule;
  out.message = d.message;
  if (d.path !== undefined) out.path = d.path;
  return out;
}
