import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { positionsOf } from '../load/parse-yaml.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { statusOf, type DocStatus, type ProblemView } from './views/common.js';
import { text } from './values.js';

/** Each document's status, and the diagnostics that belong to no rendered document (a file that did not load). */
export interface Statuses {
  byDocument: Map<WorkspaceDocument, DocStatus>;
  elsewhere: Diagnostic[];
}

/**
 * Errors and warnings per document. A diagnostic belongs to the document of its file whose line
 * range holds it (files may hold several documents); a diagnostic in a market's accounts CSV
 * belongs to that market. With `problems`, each status also lists its diagnostics (the team audience).
 */
export function statusByDocument(
  documents: readonly WorkspaceDocument[],
  diagnostics: readonly Diagnostic[],
  cwd: string,
  problems = false,
): Statuses {
  const byFile = new Map<string, WorkspaceDocument[]>();
  for (const doc of documents) {
    const list = byFile.get(doc.absPath) ?? [];
    list.push(doc);
    byFile.set(doc.absPath, list);
    const csv = doc.kind === 'market' ? text(doc.data.accounts_file) : undefined;
    if (csv !== undefined) {
      const csvPath = path.resolve(path.dirname(doc.absPath), csv);
      byFile.set(csvPath, [...(byFile.get(csvPath) ?? []), doc]);
    }
  }
  const counts = new Map<WorkspaceDocument, { errors: number; warnings: number; list: Diagnostic[] }>(
    documents.map((d) => [d, { errors: 0, warnings: 0, list: [] }]),
  );
  const elsewhere: Diagnostic[] = [];
  const ranges = new Map<string, Array<{ startLine: number; endLine: number }> | null>();
  for (const d of diagnostics) {
    const absPath = path.resolve(cwd, d.file);
    const docs = byFile.get(absPath);
    if (!docs || docs.length === 0) {
      elsewhere.push(d);
      continue;
    }
    const doc =
      docs.length === 1 || docs[0]!.absPath !== absPath
        ? docs[0]!
        : documentAt(docs, d.line, rangesOf(ranges, absPath));
    const c = counts.get(doc)!;
    if (d.severity === 'error') c.errors++;
    else c.warnings++;
    if (problems) c.list.push(d);
  }
  const byDocument = new Map(
    [...counts].map(([doc, c]) => {
      const status = statusOf(c.errors, c.warnings);
      if (problems) status.problems = c.list.map(problemView);
      return [doc, status];
    }),
  );
  return { byDocument, elsewhere };
}

/** A diagnostic as the team audience reads it: where, how bad, what and which rule. */
export function problemView(d: Diagnostic): ProblemView {
  return { severity: d.severity, where: `${d.file}:${d.line}:${d.column}`, message: d.message, rule: d.rule };
}

function rangesOf(cache: Map<string, Array<{ startLine: number; endLine: number }> | null>, absPath: string) {
  if (!cache.has(absPath)) {
    try {
      cache.set(absPath, positionsOf(readFileSync(absPath, 'utf8')).documentLines());
    } catch {
      cache.set(absPath, null);
    }
  }
  return cache.get(absPath) ?? [];
}

function documentAt(
  docs: readonly WorkspaceDocument[],
  line: number,
  ranges: ReadonlyArray<{ startLine: number; endLine: number }>,
): WorkspaceDocument {
  const index = ranges.findIndex((r) => line >= r.startLine && line <= r.endLine);
  return docs.find((d) => d.docIndex === index) ?? docs[0]!;
}
