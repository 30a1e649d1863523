import { existsSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside, resolveBelow } from '../util/paths.js';
import { IMAGE_HEADER_BYTES, imageKindOf, type ImageKind } from './image.js';

/**
 * What a persona's `picture` names, judged from its text alone: a form personakit refuses or
 * leaves alone (an https URL is never fetched), or a path to look at on disk.
 */
export type PictureReference =
  | { is: 'https' | 'http' | 'absolute' | 'file-url' | 'other-url' }
  | {
      is: 'path';
      /** The absolute path the picture names, resolved against the persona file's folder. */
      target: string;
      /** The folder it must stay inside: the workspace, or without one the persona file's folder. */
      limit: string;
      inside: boolean;
    };

/** Pure: where `picture`, written in the persona file at `personaAbsPath`, points. */
export function pictureReference(picture: string, personaAbsPath: string, root: string | undefined): PictureReference {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.test(picture);
  if (scheme && /^https:\/\//i.test(picture)) return { is: 'https' };
  if (scheme && /^http:\/\//i.test(picture)) return { is: 'http' };
  if (path.isAbsolute(picture) || path.win32.isAbsolute(picture)) return { is: 'absolute' };
  if (scheme) return /^file:/i.test(picture) ? { is: 'file-url' } : { is: 'other-url' };
  const folder = path.dirname(personaAbsPath);
  const limit = root ?? folder;
  const target = resolveBelow(folder, picture);
  return { is: 'path', target, limit, inside: isInside(target, limit) };
}

/** What the file system says about a picture path that lies inside its limit. */
export type PictureLook = ImageKind | 'missing' | 'leads-outside' | 'not-a-file' | 'not-an-image';

/**
 * Whether nothing is at `target`: lookAtPicture's answer would be 'missing'. Most often a picture
 * is not there: one quiet check, made at once, rather than a failed realpath whose error object
 * and trip through the thread pool cost several times as much.
 */
export function pictureMissing(target: string): boolean {
  return !existsSync(target);
}

/**
 * Look at a picture file: does it exist, does its real path (symbolic links followed) stay
 * inside `limit`, is it a regular file, and which image format do its first bytes say.
 * `realLimit` is `limit` with its symbolic links resolved (callers resolve it once).
 */
export async function lookAtPicture(target: string, realLimit: string): Promise<PictureLook> {
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return 'missing';
  }
  // A symbolic link may lead out of the workspace even when the path itself stays inside.
  if (!isInside(real, realLimit)) return 'leads-outside';
  let handle;
  try {
    // stat before open: opening a FIFO for reading would wait for a writer forever.
    if (!(await stat(real)).isFile()) return 'not-a-file';
    handle = await open(real, 'r');
    const head = Buffer.alloc(IMAGE_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, IMAGE_HEADER_BYTES, 0);
    return imageKindOf(head.subarray(0, bytesRead)) ?? 'not-an-image';
  } catch {
    return 'not-a-file';
  } finally {
    await handle?.close();
  }
}

/** `folder` with its symbolic links resolved, or as given when it cannot be resolved. */
export function realFolder(folder: string): Promise<string> {
  return realpath(folder).catch(() => folder);
}
