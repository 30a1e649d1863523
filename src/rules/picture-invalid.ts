import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_HEADER_BYTES, imageKindOf, type ImageKind } from '../load/image.js';
import { isInside } from '../util/paths.js';
import type { Finding } from '../diagnostic.js';
import { type WorkspaceDocument } from '../workspace/workspace.js';
import { mapLimited } from '../util/map-limited.js';
import { findingAt, reportedDocuments } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

const RULE = 'picture-invalid';
const FIX_PATH = 'use a path relative to the persona file, or an https URL';

export const pictureInvalid = defineRule({
  id: RULE,
  severity: 'warning',
  description:
    'A persona `picture` that is missing, outside the workspace, not a relative path or https URL, or not a PNG, JPEG, GIF or WebP image.',
  help: 'Point `picture` at a PNG, JPEG, GIF or WebP file inside the workspace, relative to the persona file (e.g. `images/fiona.jpg`), or at an https URL (never fetched).',
  async check(context: RuleContext): Promise<Finding[]> {
    const withPicture = reportedDocuments(context, 'persona').filter(
      (doc) => typeof doc.data.picture === 'string' && doc.data.picture.trim() !== '',
    );
    // A few file checks at a time: thousands of personas with pictures must not exhaust file handles.
    const results = await mapLimited(withPicture, 16, async (doc) => {
      const picture = doc.data.picture as string;
      const problem = await pictureProblem(picture, doc, context.workspace.settings.root);
      return problem ? [findingAt(RULE, doc, '/picture', `picture "${picture}" ${problem}`)] : [];
    });
    return results.flat();
  },
});

/** Why a picture reference is unusable, or undefined when it is fine. Exported for render, which copies pictures. */
export async function pictureProblem(
  picture: string,
  doc: Pick<WorkspaceDocument, 'absPath'>,
  root: string | undefined,
): Promise<string | undefined> {
  if (/^https:\/\//i.test(picture)) return undefined;
  if (/^http:\/\//i.test(picture)) return 'uses http; use an https URL or an image file in the workspace';
  if (path.isAbsolute(picture) || path.win32.isAbsolute(picture)) return `is an absolute path; ${FIX_PATH}`;
  if (/^file:/i.test(picture)) return `is a file: URL; ${FIX_PATH}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(picture)) return `is not a relative path or an https URL; ${FIX_PATH}`;

  const folder = path.dirname(doc.absPath);
  // Without a workspace, the persona's own folder tree is the limit.
  const limit = root ?? folder;
  const where = root ? 'the workspace' : "the persona file's folder";
  const target = path.resolve(folder, picture);
  if (!isInside(target, limit)) return `is outside ${where}; keep pictures inside ${where}`;
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return `does not exist (looked for ${path.relative(limit, target).split(path.sep).join('/')} in ${where}); add the image or fix the path`;
  }
  // A symbolic link may lead out of the workspace even when the path itself stays inside.
  if (!isInside(real, await realpath(limit).catch(() => limit)))
    return `leads outside ${where} through a symbolic link; keep pictures inside ${where}`;
  const kind = await imageKind(real);
  if (kind === 'not-a-file') return 'is not a file; point it at an image file';
  if (!kind)
    return 'is not a PNG, JPEG, GIF or WebP image (judged by its content, not its name); convert it to one of these';
  return undefined;
}

/** The image format by magic bytes; undefined for anything else. */
export async function imageKind(file: string): Promise<ImageKind | 'not-a-file' | undefined> {
  let handle;
  try {
    // stat before open: opening a FIFO for reading would wait for a writer forever.
    if (!(await stat(file)).isFile()) return 'not-a-file';
    handle = await open(file, 'r');
    const head = Buffer.alloc(IMAGE_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, IMAGE_HEADER_BYTES, 0);
    return imageKindOf(head.subarray(0, bytesRead));
  } catch {
    return 'not-a-file';
  } finally {
    await handle?.close();
  }
}
