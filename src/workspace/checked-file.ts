import crypto from 'node:crypto';
import { loadBytes, readFileBytes, type LoadedFile } from '../load/load-file.js';
import type { Limits } from '../load/limits.js';
import { isKind } from '../schema/compile.js';
import type { SchemaProblem } from '../schema/messages.js';
import { validateAgainst } from '../schema/validate.js';

/**
 * One file read, parsed and schema-validated: everything about a file that depends on its bytes
 * alone. That makes it the unit of work handed to worker threads and the unit the cache stores.
 */
export interface CheckedFile extends LoadedFile {
  /** Per document: its schema problems when it has a known kind, null otherwise. */
  schema: (SchemaProblem[] | null)[];
  /** Content hash of the bytes read (the cache key). */
  hash: string;
}

export interface FileToRead {
  absPath: string;
  /** Display path. */
  file: string;
}

// crypto.hash (Node ≥ 20.12) is the one-shot form: half the cost of createHash for small files.
const oneShot = (crypto as { hash?: (algorithm: string, data: Buffer) => string }).hash;

export function hashBytes(bytes: Buffer | 'too-large'): string {
  if (bytes === 'too-large') return 'too-large';
  return oneShot ? oneShot('sha1', bytes) : crypto.createHash('sha1').update(bytes).digest('hex');
}

/** Read, parse and validate one file. Throws UsageError for unreadable files, like loadFile. */
export function checkFile(target: FileToRead, limits: Limits): CheckedFile {
  const bytes = readFileBytes(target.absPath, target.file, limits.maxFileBytes);
  return checkBytes(bytes, hashBytes(bytes), target, limits);
}

export function checkBytes(bytes: Buffer | 'too-large', hash: string, target: FileToRead, limits: Limits): CheckedFile {
  const loaded = loadBytes(bytes, target.absPath, target.file, limits);
  return { ...loaded, schema: loaded.documents.map(validateDocument), hash };
}

function validateDocument(data: unknown): SchemaProblem[] | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const kind = (data as Record<string, unknown>).kind;
  return isKind(kind) ? validateAgainst(kind, data) : null;
}
