import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * Write a new file atomically (a temporary file, then a rename or link), so an interrupted run
 * leaves nothing behind. Without `force` an existing file is never replaced, even one created
 * between our check and the write. Returns false when the file existed and was kept.
 */
export async function writeNewFile(file: string, text: string, options: { force: boolean; shown: string }): Promise<boolean> {
  try {
    await writeFileAtomic(file, text, { exclusive: !options.force });
    return true;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') return false;
    const why = err.code === 'EACCES' || err.code === 'EROFS' ? 'the folder is not writable' : err.code === 'EISDIR' ? 'a folder has that name' : err.message;
    throw new UsageError(`cannot write ${options.shown}: ${why}`, 'choose another folder, or fix its permissions');
  }
}
