import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { WorkspaceDiff } from '../model/diff-types.js';
import { lint } from './lint.js';
import { gitTopLevel } from '../workspace/git.js';
import { changedPaths, listTree, resolveRange, type Revision } from '../workspace/git-revision.js';
import { diffLinted, type LintedSide } from './diff-linted.js';
import { lintBaseReusing } from './diff-reuse.js';
import { revisionWorkspace, sameSettings, writeRevision } from './git-workspace.js';

export interface DiffRevisionsOptions {
  /** Where personakit runs: inside the git work tree, at or below the workspace. */
  cwd: string;
  /** A revision, or a range `A...B` (merge base of A and B against B) or `A..B`. */
  base: string;
  /** The head revision; default the working tree, uncommitted changes included. */
  head?: string;
  /** Only documents in these files or folders (relative to cwd). */
  paths?: readonly string[];
  /** Today's date for evidence-stale at both revisions; defaults to now. */
  today?: Date;
}

/**
 * `personakit diff`: check the workspace at two revisions and compare them. Revisions are read
 * from git in bulk into a private temporary folder (removed at the end). When both revisions have
 * the same personakit.yaml, the base reuses what the head's check parsed for every file that did
 * not change, so only the changed files are read twice.
 */
export async function diffRevisions(options: DiffRevisionsOptions): Promise<WorkspaceDiff> {
  const cwd = path.resolve(options.cwd);
  const top = await realpath(await gitTopLevel(cwd));
  const cwdRel = toPosix(path.relative(top, await realpath(cwd)));
  // The repository's top as the engine sees it from `cwd` (which may be reached through a link).
  const logicalTop = path.resolve(cwd, path.relative(await realpath(cwd), top));
  const range = await resolveRange(top, options.base, options.head);
  const today = options.today ?? new Date();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'personakit-diff-'));
  try {
    // The base's workspace first: a revision without one is a usage problem, found before any check runs.
    const baseWorkspace = revisionWorkspace(await listTree(top, range.base.commit), cwdRel, range.base.spec);
    const onWorktree = range.head === null || (await worktreeHolds(top, range.head, cwdRel));
    let head: LintedSide;
    let headSettings: { root: string; bytes: Buffer } | undefined;
    let repoPathOf: (absPath: string) => string;
    if (onWorktree) {
      head = await lintAt(cwd, today, range.head?.spec ?? 'the working tree');
      const { root, file } = head.workspace.settings;
      if (root === undefined || file === undefined)
        throw new UsageError(
          'no workspace in the working tree: no personakit.yaml here or in the folders above',
          'run personakit diff inside a personakit workspace (personakit init makes one)',
        );
      headSettings = { root: toPosix(path.relative(logicalTop, root)), bytes: await readFile(file) };
      repoPathOf = (absPath) => toPosix(path.relative(logicalTop, absPath));
    } else {
      const dir = path.join(tmp, 'head');
      const workspace = revisionWorkspace(await listTree(top, range.head!.commit), cwdRel, range.head!.spec);
      await writeRevision(top, dir, workspace, workspace.files);
      head = await lintAt(ensureDir(path.join(dir, cwdRel)), today, range.head!.spec);
      repoPathOf = (absPath) => toPosix(path.relative(dir, absPath));
    }

    const baseDir = path.join(tmp, 'base');
    const baseCwd = path.join(baseDir, cwdRel);
    let base: LintedSide | undefined;
    if (headSettings && (await sameSettings(top, baseWorkspace, headSettings))) {
      const changed = await changedPaths(top, range.base.commit, null);
      base = await atRevision(range.base.spec, () =>
        lintBaseReusing({ top, baseDir, baseCwd, workspace: baseWorkspace, changed, head, repoPathOf, today }),
      );
    }
    if (!base) {
      await writeRevision(top, baseDir, baseWorkspace, baseWorkspace.files);
      base = await lintAt(ensureDir(baseCwd), today, range.base.spec);
    }

    const include = pathFilter(cwd, options.paths ?? []);
    return diffLinted(
      base,
      head,
      { revision: range.base.spec, commit: range.base.commit },
      { revision: range.head?.spec ?? 'working tree', commit: range.head?.commit ?? null },
      include ? { include } : {},
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Check the workspace found from `cwd`, keeping documents whole; usage errors name the revision. */
async function lintAt(cwd: string, today: Date, spec: string): Promise<LintedSide> {
  const result = await atRevision(spec, () => lint({ cwd, paths: [], mode: 'check', today }));
  return { workspace: result.workspace, diagnostics: result.diagnostics };
}

async function atRevision<T>(spec: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`at ${spec}: ${e.message}`, e.hint);
    throw e;
  }
}

/** A revision whose workspace the working tree holds unchanged (CI checks out the head it diffs): read from disk. */
async function worktreeHolds(top: string, head: Revision, cwdRel: string): Promise<boolean> {
  const workspace = revisionWorkspace(await listTree(top, head.commit), cwdRel, head.spec);
  const prefix = workspace.root === '' ? '' : `${workspace.root}/`;
  for (const p of await changedPaths(top, head.commit, null)) if (p.startsWith(prefix)) return false;
  return true;
}

/** Display paths under one of `paths` (relative to cwd); everything without paths. */
function pathFilter(cwd: string, paths: readonly string[]): ((file: string) => boolean) | undefined {
  if (paths.length === 0) return undefined;
  const prefixes = paths.map((p) => toPosix(path.relative(cwd, path.resolve(cwd, p))));
  return (file) => prefixes.some((p) => p === '' || file === p || file.startsWith(`${p}/`));
}

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
