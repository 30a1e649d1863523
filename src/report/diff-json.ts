import type { WorkspaceDiff } from '../model/diff-types.js';

/** The diff model as JSON: the documented shape with its `version` (README, "personakit diff"). */
export function diffJson(diff: WorkspaceDiff): string {
  return JSON.stringify(diff, null, 2) + '\n';
}
