import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { gitTopLevel } from '../workspace/git.js';
import { isCommit } from '../workspace/git-revision.js';

/**
 * `personakit diff main HEAD personas` and `personakit diff main personas`: the word after the
 * base is the head when git knows it as a revision, a path otherwise (as `git diff` decides).
 */
export async function splitHeadAndPaths(
  cwd: string,
  rest: readonly string[],
): Promise<{ head?: string; paths: string[] }> {
  const [first, ...others] = rest;
  if (first === undefined) return { paths: [] };
  const top = await gitTopLevel(cwd);
  const revision = await isCommit(top, first);
  const isPath = existsSync(path.resolve(cwd, first));
  if (revision && isPath)
    throw new UsageError(
      `"${first}" is both a revision and a path`,
      `write ./${first} for the path, or give the head revision before it (personakit diff BASE HEAD ${first})`,
    );
  if (revision) return { head: first, paths: others };
  for (const p of rest)
    if (!existsSync(path.resolve(cwd, p)))
      throw new UsageError(
        `"${p}" is neither a revision nor a path here`,
        'name a branch, tag or commit git knows, or an existing file or folder',
      );
  return { paths: [...rest] };
}
