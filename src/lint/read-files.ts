import type { Limits } from '../load/limits.js';
import { checkFile, type CheckedFile, type FileToRead } from './checked-file.js';
import { documentRunner, type DocumentPass } from './document-pass.js';

/**
 * Read, parse and validate files, in order, on this thread (bench/README says why no worker
 * threads). With a document pass, the document-scope rules run on each file as it is read.
 * Unreadable files are usage errors: the first in path order wins.
 */
export function readFiles(files: readonly FileToRead[], limits: Limits, pass?: DocumentPass): CheckedFile[] {
  const runner = pass ? documentRunner(pass) : undefined;
  return files.map((f) => checkFile(f, limits, runner));
}
