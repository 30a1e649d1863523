import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { imageKindOf, type ImageKind } from '../load/image.js';
import { isInside } from '../util/paths.js';
import { httpsUrl, text } from './values.js';
import type { PictureView } from './views/persona.js';

/** Pictures larger than this are not copied into reports (a persona photo is a few hundred KB). */
const MAX_PICTURE_BYTES = 10 * 1024 * 1024;

/** The file extension a picture is copied with, by its format. */
const EXTENSIONS: Record<ImageKind, string> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp' };

/** A picture to copy into the report folder: its bytes and the extension its magic bytes say. */
export interface PictureFile {
  bytes: Buffer;
  ext: string;
}

export type PictureResolution = { file: PictureFile } | { view: PictureView } | undefined;

/**
 * Decide what to do with a persona's `picture` (SPEC 7): an https URL becomes a link and is never
 * fetched; a relative path is resolved against the persona file and read only when it is a regular
 * PNG/JPEG/GIF/WebP file whose real path (symlinks followed) lies inside the workspace.
 */
export async function resolvePicture(
  value: unknown,
  personaFile: string,
  workspaceRoot: string,
  alt: string,
): Promise<PictureResolution> {
  const picture = text(value);
  if (picture === undefined) return undefined;
  if (/^https:\/\//i.test(picture)) {
    const url = httpsUrl(picture);
    return url === undefined
      ? missing(alt, 'the picture address has characters a link cannot carry safely')
      : { view: { url, alt } };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(picture) || path.isAbsolute(picture))
    return missing(alt, 'only relative paths inside the workspace or https links are used');
  const target = path.resolve(path.dirname(personaFile), picture);
  let real: string;
  let root: string;
  try {
    [real, root] = await Promise.all([realpath(target), realpath(workspaceRoot)]);
  } catch {
    return missing(alt, `the picture ${picture} was not found`);
  }
  if (!isInside(real, root)) return missing(alt, 'the picture lies outside the workspace');
  const stat = await lstat(real);
  if (!stat.isFile()) return missing(alt, 'the picture is not a file');
  if (stat.size > MAX_PICTURE_BYTES) return missing(alt, 'the picture is larger than 10 MB');
  const bytes = await readAll(real);
  const kind = imageKindOf(bytes);
  if (!kind) return missing(alt, 'the picture is not a PNG, JPEG, GIF or WebP image');
  return { file: { bytes, ext: EXTENSIONS[kind] } };
}

function missing(alt: string, reason: string): { view: PictureView } {
  return { view: { missing: reason, alt } };
}

async function readAll(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
