import type { LoadedFile } from '../load/load-file.js';
import { isKind } from '../schema/compile.js';
import type { SchemaProblem } from '../schema/messages.js';
import { ID_PATTERN, type WorkspaceDocument } from '../workspace/workspace.js';

/** The workspace document of parsed data, when it is a mapping of a known kind (else undefined). */
export function toDocument(
  file: Pick<LoadedFile, 'file' | 'absPath'>,
  data: unknown,
  docIndex: number,
  reported: boolean,
  problems: readonly SchemaProblem[],
): WorkspaceDocument | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, 'kind') || !isKind(record.kind)) return undefined;
  const id = typeof record.id === 'string' && ID_PATTERN.test(record.id) ? record.id : undefined;
  const doc: WorkspaceDocument = {
    kind: record.kind,
    data: record,
    file: file.file,
    absPath: file.absPath,
    docIndex,
    reported,
    schemaValid: problems.length === 0,
  };
  if (id !== undefined) doc.id = id;
  return doc;
}
