import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * Write a new file atomically (a temporary file, then a rename or link), so an interrupted run
 * leaves nothing behind. Without `force` an existing file is never replaced, even one created
 * between our check and the write. Returns false when the file existed and was kept.
 */
export async function writeNewFile(
  file: string,
  text: string,
  options: { force: boolean; shown: string },
): Promise<boolean> {
  try {
    await writeFileAtomic(file, text, { exclusive: !options.force });
    return true;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // mkdir says EEXIST when a file stands where a folder of the path should be: that is no existing document.
    if (err.code === 'EEXIST' && err.syscall !== 'mkdir') return false;
    const why =
      err.code === 'EACCES' || err.code === 'EROFS'
        ? 'the folder is not writable'
        : err.code === 'EISDIR'
          ? 'a folder has that name'
          : err.code === 'ENOTDIR' || err.code === 'EEXIST'
            ? 'a file stands where its folder should be'
            : err.code === 'ENOSPC' || err.code === 'EDQUOT'
              ? 'the disk is full'
              : err.message;
    throw new UsageError(`cannot write ${options.shown}: ${why}`, 'choose another folder, or fix its permissions');
  }
}
