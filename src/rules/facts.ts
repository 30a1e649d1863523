import type { Finding } from '../diagnostic.js';
import { alignmentOf, type Alignment } from '../model/alignment.js';
import { completenessOf, isRecord, type Completeness } from '../model/completeness.js';
import type { Kind } from '../schema/compile.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import type { DocumentContext, RuleContext } from './rule.js';

/**
 * What several rules need from the workspace, computed once per run through RuleContext.memo.
 * Rules read document data through these helpers and type-check every value, because
 * schema-invalid documents still reach them (SPEC 7).
 */

/** Documents of one kind in the files asked about: per-document rules need not look further. */
export function reportedDocuments(context: RuleContext, kind: Kind): WorkspaceDocument[] {
  return context.memo(`reported:${kind}`, () =>
    context.workspace.documents.filter((d) => d.kind === kind && d.reported),
  );
}

/** Every document of one kind with a valid id, by id (the first one wins, as for duplicate-id). */
export function documentsById(context: RuleContext, kind: Kind): Map<string, WorkspaceDocument> {
  return context.memo(`ids:${kind}`, () => {
    const byId = new Map<string, WorkspaceDocument>();
    for (const doc of context.workspace.documents) {
      if (doc.kind === kind && doc.id !== undefined && !byId.has(doc.id)) byId.set(doc.id, doc);
    }
    return byId;
  });
}

/** Either context memoises: a run's (shared by every rule) or a document's (see DocumentContext). */
type Memo = Pick<RuleContext, 'memo'>;

export function completenessFor(
  context: Pick<DocumentContext, 'memo' | 'placeholders'>,
  doc: WorkspaceDocument,
): Completeness {
  return context.memo(`completeness:${doc.file}#${doc.docIndex}`, () => completenessOf(doc.data, context.placeholders));
}

export function alignmentFor(context: Memo, doc: WorkspaceDocument): Alignment {
  return context.memo(`alignment:${doc.file}#${doc.docIndex}`, () => alignmentOf(doc.data));
}

/**
 * Each item of a list that is a mapping, with its index (other items are schema errors):
 * recordItems without building arrays, for the rules that run on each of 10,000 personas.
 */
export function eachRecord(value: unknown, visit: (item: Record<string, unknown>, index: number) => void): void {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (isRecord(item)) visit(item, i);
  }
}

/** How messages name a document: its id when valid, else its kind. */
export function nameOf(doc: WorkspaceDocument): string {
  return doc.id !== undefined ? `${doc.kind} "${doc.id}"` : `this ${doc.kind}`;
}

/** A finding about a node of a document. */
export function findingAt(
  rule: string,
  doc: WorkspaceDocument,
  pointer: string,
  message: string,
  at?: 'key' | 'value',
): Finding {
  const finding: Finding = { rule, file: doc.file, docIndex: doc.docIndex, pointer, message };
  if (at) finding.at = at;
  return finding;
}

/** The pointer of a document's id, or its root when it has none: where document-level findings go. */
export function idPointer(doc: WorkspaceDocument): string {
  return typeof doc.data.id === 'string' ? '/id' : '';
}

/** The stage label used in journey messages: `"id" (Name)`, or `"id"` when the name adds nothing. */
export function stageLabel(stage: { id: string; name: string }): string {
  return stage.name && stage.name !== stage.id ? `"${stage.id}" (${stage.name})` : `"${stage.id}"`;
}

/** A field left out, null, an empty string or an empty list. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}
