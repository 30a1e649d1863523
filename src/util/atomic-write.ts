import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync, writevSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files being written right now, so an interrupted process can remove them (cli/main.ts). */
const inFlight = new Set<string>();

/** Remove the temporary files of writes still in progress; synchronous, for signal handlers. */
export function removeTempFilesSync(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}

export interface AtomicWriteOptions {
  /** Fail with EEXIST instead of replacing an existing file. */
  exclusive?: boolean;
  /**
   * Flush to disk before the rename (default true). The rename alone already guarantees that no
   * reader sees a partial file; the flush adds durability across a power loss, which regenerable
   * output (reports, caches) does not need and which costs ~0.5 ms per file.
   */
  sync?: boolean;
}

/**
 * Write a file so that readers see the old content or the whole new content, never a part:
 * a temporary file in the same folder, then renamed over the target. Makes the folder first.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  writeFileAtomicSync(file, content, options);
}

let tempTag: string | undefined;
let tempCount = 0;

/**
 * writeFileAtomic into a folder that exists. Synchronous: a thousand reports cost no promise,
 * thread-pool hand-over or folder check each (~0.2 s of a 1,000-persona render), and a signal
 * cannot arrive between the open and the rename. The temporary name needs no random bytes per
 * file: one random tag per process and a counter keep it unique.
 */
export function writeFileAtomicSync(
  file: string,
  content: string | Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions = {},
): void {
  // A tag no other process uses (its id and random bytes), and a counter.
  tempTag ??= `${process.pid}.${randomBytes(4).toString('hex')}`;
  // String work, not path.join/dirname/basename: this runs for every report of a render.
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf(path.sep)) + 1;
  const temp = `${file.slice(0, cut)}.${file.slice(cut)}.${tempTag}.${++tempCount}.tmp`;
  const parts =
    typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content;
  inFlight.add(temp);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeAll(fd, parts);
      if (options.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) {
      // link() fails if the target exists, so a file created meanwhile is never replaced.
      linkSync(temp, file);
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, file);
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  } finally {
    inFlight.delete(temp);
  }
}

/** All parts, in order: one writev, continued part by part should the system write less. */
function writeAll(fd: number, parts: readonly Uint8Array[]): void {
  const total = parts.reduce((n, p) => n + p.length, 0);
  let written = parts.length > 1 ? writevSync(fd, parts as Uint8Array[]) : 0;
  if (written === total) return;
  for (const part of parts) {
    // Skip what the writev already wrote of this part.
    for (let at = Math.min(written, part.length); at < part.length;) at += writeSync(fd, part, at, part.length - at);
    written = Math.max(written - part.length, 0);
  }
}
