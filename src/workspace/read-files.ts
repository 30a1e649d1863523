import type { Limits } from '../load/limits.js';
import { checkFile, type CheckedFile, type FileToRead } from './checked-file.js';
import { loadDocumentRunner, type DocumentPass } from './document-pass.js';

export interface ReadOptions {
  /** Run the document-scope rules as files are read, and keep only summaries of personas if it says so (document-pass.ts). */
  documentPass?: DocumentPass;
}

/**
 * Read, parse and validate files, in order. Unreadable files are usage errors: the first in path
 * order wins.
 */
export async function readFiles(
  files: readonly FileToRead[],
  limits: Limits,
  options: ReadOptions = {},
): Promise<CheckedFile[]> {
  const runner = options.documentPass ? await loadDocumentRunner(options.documentPass) : undefined;
  return files.map((f) => checkFile(f, limits, runner));
}
