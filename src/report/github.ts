import type { Diagnostic } from '../diagnostic.js';
import { inPieces } from './pieces.js';
import type { ReportOptions } from './types.js';
import { sortDiagnostics } from './util.js';
import { workflowData, workflowProperty } from '../escape/index.js';

/** GitHub Actions annotations: one `::error`/`::warning` workflow command per diagnostic. */
export function github(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  return [...githubPieces(diagnostics, options)].join('');
}

/** github() in pieces (see pieces.ts). */
export function* githubPieces(diagnostics: readonly Diagnostic[], options: ReportOptions): Generator<string> {
  const sorted = sortDiagnostics(diagnostics, options.files);
  if (sorted.length === 0) return;
  yield* inPieces(sorted, command, '\n');
  yield '\n';
}

function command(d: Diagnostic): string {
  const props: [string, string | number][] = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.column],
  ];
  if (d.endLine !== undefined) props.push(['endLine', d.endLine]);
  if (d.endColumn !== undefined) props.push(['endColumn', d.endColumn]);
  props.push(['title', `personakit (${d.rule})`]);
  const properties = props.map(([k, v]) => `${k}=${workflowProperty(String(v))}`).join(',');
  return `::${d.severity} ${properties}::${workflowData(d.message)}`;
}
