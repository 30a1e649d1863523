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
  const byFile = new Map<string, Diagnostic[]>();
  // lint() gives the diagnostics sorted, so each file's are one run: one slice of the right size,
  // rather than 70,000 pushes into an array that leaves its outgrown copies behind.
  for (let start = 0; start < diagnostics.length; ) {
    const file = diagnostics[start]!.file;
    let end = start + 1;
    while (end < diagnostics.length && diagnostics[end]!.file === file) end++;
    const list = byFile.get(file);
    if (list) for (let i = start; i < end; i++) list.push(diagnostics[i]!);
    else byFile.set(file, diagnostics.slice(start, end));
    start = end;
  }
  const order: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    // Most of 10,000 checked files have nothing to report: no group, so no need to remember them.
    if ((!includeEmpty && !byFile.has(f)) || seen.has(f)) continue;
    seen.add(f);
    order.push(f);
  }
  const others = [...byFile.keys()].filter((f) => !seen.has(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  order.push(...others);

  const groups: FileGroup[] = [];
  for (const file of order) {
    const list = byFile.get(file) ?? [];
    if (list.length === 0 && !includeEmpty) continue;
    // Array.prototype.sort is stable: equal diagnostics keep their order.
    groups.push({ file, diagnostics: list.sort(compareDiagnostics) });
  }
  return groups;
}

/** Every diagnostic, in the order of {@link groupByFile}. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  return groupByFile(diagnostics, files).flatMap((group) => group.diagnostics);
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
