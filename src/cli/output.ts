import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Io } from './io.js';

/** Write a command's formatted result to stdout, or atomically to --output-file. */
export async function emit(io: Io, text: string, outputFile?: string): Promise<void> {
  if (outputFile === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, outputFile);
  try {
    await writeFileAtomic(target, text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`cannot write ${outputFile}: ${err.code === 'EACCES' || err.code === 'EROFS' ? 'the folder is not writable' : err.code === 'EISDIR' ? 'it is a folder' : err.message}`, 'choose another --output-file');
  }
}
