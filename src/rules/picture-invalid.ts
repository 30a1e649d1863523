import type { Finding } from '../diagnostic.js';
import { pictureReference, type PictureLook, type PictureReference } from '../load/picture.js';
import { display } from '../util/paths.js';
import { factKey } from '../workspace/workspace.js';
import { findingAt, reportedDocuments } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

const RULE = 'picture-invalid';
const FIX_PATH = 'use a path relative to the persona file, or an https URL';

/**
 * Judges each persona's `picture` from its text and from what loading found on disk
 * (`workspace.facts.pictures`, gathered by lint/facts.ts): the rule itself reads no file.
 */
export const pictureInvalid = defineRule({
  id: RULE,
  severity: 'warning',
  description:
    'A persona `picture` that is missing, outside the workspace, not a relative path or https URL, or not a PNG, JPEG, GIF or WebP image.',
  help: 'Point `picture` at a PNG, JPEG, GIF or WebP file inside the workspace, relative to the persona file (e.g. `images/fiona.jpg`), or at an https URL (never fetched).',
  check(context: RuleContext): Finding[] {
    const { settings, facts } = context.workspace;
    const findings: Finding[] = [];
    for (const doc of reportedDocuments(context, 'persona')) {
      const picture = doc.data.picture;
      if (typeof picture !== 'string' || picture.trim() === '') continue;
      const reference = pictureReference(picture, doc.absPath, settings.root);
      const problem = pictureProblem(reference, facts.pictures.get(factKey(doc)), settings.root !== undefined);
      if (problem) findings.push(findingAt(RULE, doc, '/picture', `picture "${picture}" ${problem}`));
    }
    return findings;
  },
});

/** Why a picture is unusable, or undefined when it is fine. `look`: what loading found at a path. */
function pictureProblem(
  reference: PictureReference,
  look: PictureLook | undefined,
  inWorkspace: boolean,
): string | undefined {
  const where = inWorkspace ? 'the workspace' : "the persona file's folder";
  switch (reference.is) {
    case 'https':
      return undefined;
    case 'http':
      return 'uses http; use an https URL or an image file in the workspace';
    case 'absolute':
      return `is an absolute path; ${FIX_PATH}`;
    case 'file-url':
      return `is a file: URL; ${FIX_PATH}`;
    case 'other-url':
      return `is not a relative path or an https URL; ${FIX_PATH}`;
  }
  if (!reference.inside) return `is outside ${where}; keep pictures inside ${where}`;
  if (look === undefined)
    throw new Error(`internal: the picture of ${reference.target} was not looked at when loading`);
  switch (look) {
    case 'missing':
      return `does not exist (looked for ${display(reference.limit, reference.target)} in ${where}); add the image or fix the path`;
    case 'leads-outside':
      return `leads outside ${where} through a symbolic link; keep pictures inside ${where}`;
    case 'not-a-file':
      return 'is not a file; point it at an image file';
    case 'not-an-image':
      return 'is not a PNG, JPEG, GIF or WebP image (judged by its content, not its name); convert it to one of these';
    default:
      return undefined;
  }
}
