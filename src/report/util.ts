import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';

export interface FileGroup {
  file: string;
  diagnostics: Diagnostic[];
}

/**
 * Groups diagnostics by file, in a stable order shared by every reporter:
 * the files of `files` in their order, then any file that only appears in the
 * diagnostics (sorted by name). Within a file, diagnostics are sorted by
 * line, column, rule and message. With `includeEmpty`, files of `files`
 * without problems get an empty group (JUnit lists them as passing).
 */
export function groupByFile(
  diagnostics: readonly Diagnostic[],
  files: readonly string[],
  includeEmpty = false,
): FileGroup[] {
  // Each file's list sized up front: grown by push, a list of 70,000 leaves copies of itself.
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
  const filling = new Map<string, { list: Diagnostic[]; next: number }>();
  for (const [file, count] of counts) filling.set(file, { list: new Array<Diagnostic>(count), next: 0 });
  for (const d of diagnostics) {
    const f = filling.get(d.file)!;
    f.list[f.next++] = d;
  }
  const byFile = new Map([...filling].map(([file, f]) => [file, f.list]));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f)) continue;
    seen.add(f);
    order.push(f);
  }
  const others = [...byFile.keys()].filter((f) => !seen.has(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  order.push(...others);

  const groups: FileGroup[] = [];
  for (const file of order) {
    const list = byFile.get(file) ?? [];
    if (list.length === 0 && !includeEmpty) continue;
    // The list is ours: sorted in place, and only when it is not in order already (the engine's
    // diagnostics are), which spares a copy of 70,000 and the sort's own.
    if (!isSorted(list)) list.sort(compareDiagnostics);
    groups.push({ file, diagnostics: list });
  }
  return groups;
}

function isSorted(list: readonly Diagnostic[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareDiagnostics(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** Every diagnostic, in the order of {@link groupByFile}. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  return groupByFile(diagnostics, files).flatMap((g) => g.diagnostics);
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
