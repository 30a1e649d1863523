import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Io } from './io.js';

/**
 * Write a command's formatted result to stdout, or atomically to --output-file. A result in
 * pieces goes to stdout one piece at a time (no copy of the whole text).
 */
export async function emit(io: Io, result: string | Iterable<string>, outputFile?: string): Promise<void> {
  if (outputFile === undefined) {
    if (typeof result === 'string') io.stdout.write(result);
    else for (const piece of result) io.stdout.write(piece);
    return;
  }
  const text = typeof result === 'string' ? result : [...result].join('');
  if (outputFile.trim() === '')
    throw new UsageError('--output-file needs a file name', 'e.g. --output-file personakit-report.json');
  const target = path.resolve(io.cwd, outputFile);
  try {
    await writeFileAtomic(target, text);
  } catch (e) {
    throw new UsageError(`cannot write ${outputFile}: ${whyNotWritten(e)}`, 'choose another --output-file');
  }
}

/** Why a file could not be written, in words: the reasons users meet, errno text otherwise. */
export function whyNotWritten(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'the folder is not writable';
    case 'EISDIR':
      return 'it is a folder';
    case 'EEXIST':
    case 'ENOTDIR':
      // From mkdir: a file stands where a folder on the way should be.
      return `${fileInTheWay(err.path) ?? 'part of the path'} is a file, not a folder`;
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return err.message ?? String(e);
  }
}

/** The nearest existing ancestor of `target` (or target itself) that is not a folder. */
function fileInTheWay(target: string | undefined): string | undefined {
  for (let p = target; p && path.dirname(p) !== p; p = path.dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      // Does not exist (or cannot be seen): look further up.
    }
  }
  return target;
}
