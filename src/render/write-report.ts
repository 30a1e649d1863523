import { lstatSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync, writeNewFileSync } from '../util/atomic-write.js';

/** One report to write: where, its content in parts, and whether a file of that name may already hold them. */
export interface ReportFile {
  target: string;
  /** Text (written as UTF-8) and bytes. To the writer thread, text goes encoded (encode-batch.ts). */
  parts: readonly (string | Uint8Array)[];
  /** The folder held a file of this name when it was listed: compare before writing. */
  compare: boolean;
  /** The target is in a folder this run made, and this run has not written it yet: written in place (see writeReport). */
  fresh?: boolean;
}

/**
 * Write one report: in place when it is new in a folder this run made, else atomically, unless its
 * file already holds exactly these bytes (re-rendering an unchanged workspace rewrites nothing and
 * keeps the files' times). Runs on the main thread or on the writer thread (report-writer.ts);
 * `tempTag` names the temporary files of that thread.
 */
export function writeReport(file: ReportFile, tempTag?: string): void {
  const parts = file.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
  // In a folder this run made there is no old file to keep whole for its readers: the report is
  // written in place, without a temporary file and a rename (~25 ms of CPU for 1,000 reports).
  // Never half-written even so: a failure removes it, and on an interrupt the writer finishes the
  // file it is writing before it stops. Should a file of that name have appeared meanwhile, it
  // is replaced atomically like any other.
  if (file.fresh && writeNewFileSync(file.target, parts)) return;
  if (file.compare && holds(file.target, parts)) return;
  // Reports are regenerable: atomic, not fsynced.
  writeFileAtomicSync(file.target, parts, tempTag === undefined ? { sync: false } : { sync: false, tempTag });
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
