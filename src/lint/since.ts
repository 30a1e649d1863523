import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { gitTopLevel } from '../workspace/git.js';
import { changedPaths, resolveCommit } from '../workspace/git-revision.js';
import { planWorkspace } from '../workspace/workspace.js';

/**
 * `check --since <rev>`: the files to report on, out of those `paths` (or the workspace) name,
 * that differ from `rev` in the working tree (uncommitted and untracked files included). The
 * check still reads the whole workspace, so references and ids resolve against all of it.
 */
export async function changedSince(cwd: string, paths: readonly string[], rev: string): Promise<string[]> {
  const top = await realpath(await gitTopLevel(cwd));
  const { commit } = await resolveCommit(top, rev);
  // The repository's top as paths built from `cwd` see it (cwd may be reached through a link).
  const logicalTop = path.resolve(cwd, path.relative(await realpath(cwd), top));
  const changed = new Set(
    [...(await changedPaths(top, commit, null))].map((p) => path.join(logicalTop, ...p.split('/'))),
  );
  const plan = await planWorkspace({ cwd, paths });
  return plan.files.filter((f) => f.reported && changed.has(f.absPath)).map((f) => f.absPath);
}
