import type { Finding } from '../diagnostic.js';
import { hashBytes } from '../load/hash-bytes.js';
import { loadBytes, readFileBytesReused, type LoadedFile } from '../load/load-file.js';
import type { Limits } from '../load/limits.js';
import { isKind } from '../schema/compile.js';
import type { SchemaProblem } from '../schema/messages.js';
import { validateAgainst } from '../schema/validate.js';
import type { FileToRead } from '../workspace/workspace.js';

/**
 * One file read, parsed and schema-validated: everything about a file that depends on its bytes
 * alone. That makes it the unit the cache stores.
 */
export type { FileToRead };

/** Runs the document rules on one file just read: findings into `file.ruleFindings`, personas cut to summaries if asked (document-pass.ts). */
export type DocumentRunner = (file: CheckedFile, reported: boolean) => void;

export interface CheckedFile extends LoadedFile {
  /** Per document: its schema problems when it has a known kind, null otherwise. */
  schema: (SchemaProblem[] | null)[];
  /** Content hash of the bytes read (the cache key); '' after a document pass, which no cache stores. */
  hash: string;
  /** Findings of the document-scope rules, when they ran as the file was read (document-pass.ts). */
  ruleFindings?: Finding[];
}

/**
 * Read, parse and validate one file. Throws UsageError for unreadable files, like loadFile.
 * `inspect` sees the bytes first. The bytes live in a buffer reused from file to file (10,000
 * buffers of garbage are felt on a large workspace), valid only during the call.
 */
export function checkFile(
  target: FileToRead,
  limits: Limits,
  runner?: DocumentRunner,
  inspect?: (bytes: Buffer) => void,
): CheckedFile {
  const bytes = readFileBytesReused(target.absPath, target.file, limits.maxFileBytes);
  if (inspect && bytes !== 'too-large') inspect(bytes);
  return checkBytes(bytes, runner ? '' : hashBytes(bytes), target, limits, runner);
}

/** checkFile for bytes read elsewhere (asynchronously, see read-files.ts). */
export function checkReadBytes(
  bytes: Buffer | 'too-large',
  target: FileToRead,
  limits: Limits,
  runner?: DocumentRunner,
): CheckedFile {
  return checkBytes(bytes, runner ? '' : hashBytes(bytes), target, limits, runner);
}

/** With a document pass, also the document-scope rules, and personas cut down to their summary. */
function checkBytes(
  bytes: Buffer | 'too-large',
  hash: string,
  target: FileToRead,
  limits: Limits,
  runner?: DocumentRunner,
): CheckedFile {
  const loaded = loadBytes(bytes, target.absPath, target.file, limits);
  const checked: CheckedFile = { ...loaded, schema: loaded.documents.map(validateDocument), hash };
  if (runner) runner(checked, target.reported ?? false);
  return checked;
}

function validateDocument(data: unknown): SchemaProblem[] | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const kind = (data as Record<string, unknown>).kind;
  return isKind(kind) ? validateAgainst(kind, data) : null;
}
