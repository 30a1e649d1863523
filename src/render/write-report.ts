import { lstatSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { writeFileAtomicSync } from '../util/atomic-write.js';

/** One report to write: where, its content in parts, and whether a file of that name may already hold them. */
export interface ReportFile {
  target: string;
  /** Text (written as UTF-8) and bytes. */
  parts: readonly (string | Uint8Array)[];
  /** The folder held a file of this name when it was listed: compare before writing. */
  compare: boolean;
}

/**
 * Write one report atomically (a reader or an interrupt sees the old file or the whole new one),
 * unless its file already holds exactly these bytes: re-rendering an unchanged workspace rewrites
 * nothing and keeps the files' times.
 */
export function writeReport(file: ReportFile): void {
  const parts = file.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
  if (file.compare && holds(file.target, parts)) return;
  try {
    // Reports are regenerable: atomic, not fsynced.
    writeFileAtomicSync(file.target, parts, { sync: false });
  } catch (e) {
    throw new UsageError(
      `cannot write ${file.target}: ${(e as Error).message}`,
      'check that the output folder is writable',
    );
  }
}

/** Whether `file` is a regular file (not a link) with exactly these bytes (given in parts). */
function holds(file: string, parts: readonly Uint8Array[]): boolean {
  try {
    // No exception for a file deleted since the folder was listed.
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isFile() || stats.size !== parts.reduce((n, p) => n + p.length, 0)) return false;
    const held = readFileSync(file);
    let at = 0;
    for (const part of parts) {
      if (Buffer.compare(held.subarray(at, at + part.length), part) !== 0) return false;
      at += part.length;
    }
    return true;
  } catch {
    return false;
  }
}
