import { readFileBytesAsync } from '../load/load-file.js';
import type { Limits } from '../load/limits.js';
import { checkFile, checkReadBytes, type CheckedFile, type FileToRead } from './checked-file.js';
import { documentRunner, type DocumentPass } from './document-pass.js';

/**
 * Read, parse and validate files, on this thread (bench/README says why no worker threads).
 * `inFlight` files are read at once (--concurrency); each is parsed as soon as its bytes arrive,
 * and the results keep the plan's order. One at a time, files are read synchronously into one
 * reused buffer (load-file.ts). With a document pass, the document-scope rules run on each file
 * as it is read. Unreadable files are usage errors: the first in path order wins.
 */
export async function readFiles(
  files: readonly FileToRead[],
  limits: Limits,
  pass: DocumentPass | undefined,
  inFlight: number,
): Promise<CheckedFile[]> {
  const runner = pass ? documentRunner(pass) : undefined;
  if (inFlight <= 1) return files.map((f) => checkFile(f, limits, runner));
  const checked = new Array<CheckedFile>(files.length);
  let failed: { index: number; error: unknown } | undefined;
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const target = files[i]!;
      try {
        checked[i] = checkReadBytes(
          await readFileBytesAsync(target.absPath, target.file, limits.maxFileBytes),
          target,
          limits,
          runner,
        );
      } catch (error) {
        if (!failed || i < failed.index) failed = { index: i, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, lane));
  if (failed) throw failed.error;
  return checked;
}
