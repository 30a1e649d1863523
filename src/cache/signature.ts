import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import type { FileToRead } from '../workspace/workspace.js';

/**
 * How long a file must have been left alone before what the file system says about it may stand
 * for its bytes. A file system stamps a change with a clock that moves in ticks (milliseconds to
 * two seconds), so a file changed twice within one tick keeps its times: only a file whose times
 * are older than this is trusted by them (git's "racily clean" rule, with a margin for the
 * coarsest stamps).
 */
export const SETTLED_MS = 5000;

/**
 * One hash of what the file system says about every file of a run — device, inode, size,
 * modification and change times — after `base` (the rest of the run's key). A warm `check
 * --cache` compares it with the last run's before reading any file (bench/README.md, "Warm
 * --cache by file signatures"); the content hashes decide whenever it differs.
 *
 * Undefined when a file changed less than SETTLED_MS before `now`, or cannot be looked at: then
 * only the content hashes decide. The caller takes it before reading the files, so that a file
 * changed in between leaves a signature older than the answer (a needless miss, never a stale hit).
 */
export function statSignature(base: string, files: readonly FileToRead[], now: number): string | undefined {
  const settled = now - SETTLED_MS;
  const stats = new Float64Array(files.length * 5);
  let at = 0;
  for (const f of files) {
    const info = statOf(f.absPath);
    if (!info || info.mtimeMs > settled || info.ctimeMs > settled) return undefined;
    stats[at++] = info.dev;
    stats[at++] = info.ino;
    stats[at++] = info.size;
    stats[at++] = info.mtimeMs;
    stats[at++] = info.ctimeMs;
  }
  const hash = createHash('sha1').update(base);
  // NUL between the fields: no path contains one.
  for (const f of files) hash.update(`\0${f.absPath}\0${f.file}\0${f.reported ? 1 : 0}`);
  return hash.update(stats).digest('hex');
}

function statOf(absPath: string): Stats | undefined {
  try {
    return statSync(absPath);
  } catch {
    return undefined;
  }
}
