import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { GitError, gitText, runGit } from './git.js';

/** A revision as the user wrote it and the commit it names. */
export interface Revision {
  spec: string;
  commit: string;
}

/** The two sides of a diff; `head` null is the working tree (uncommitted changes included). */
export interface RevisionRange {
  base: Revision;
  head: Revision | null;
}

/** One file of a commit's tree. */
export interface TreeEntry {
  /** Path from the top of the repository, forward slashes. */
  path: string;
  mode: string;
  oid: string;
}

/**
 * Resolve what the user asked for as git does for `git diff`: `A...B` is the merge base of A and B
 * against B, `A..B` is A against B (an empty side means HEAD), a single revision is compared with
 * the working tree unless a head revision is given.
 */
export async function resolveRange(top: string, baseSpec: string, headSpec?: string): Promise<RevisionRange> {
  const range = /^(.*?)(\.\.\.?)(.*)$/.exec(baseSpec);
  if (range) {
    if (headSpec !== undefined)
      throw new UsageError(
        `"${baseSpec}" is already a range, so "${headSpec}" cannot be a second revision`,
        'give either a range (main...HEAD) or two revisions (main HEAD)',
      );
    const [, left, dots, right] = range;
    const a = left || 'HEAD';
    const b = right || 'HEAD';
    const head = await resolveCommit(top, b);
    if (dots === '..') return { base: await resolveCommit(top, a), head };
    const other = await resolveCommit(top, a);
    let commit: string;
    try {
      commit = await gitText(top, ['merge-base', other.commit, head.commit]);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      throw new UsageError(
        `${a} and ${b} have no common ancestor`,
        'compare two revisions directly (personakit diff A B) instead of A...B',
      );
    }
    return { base: { spec: `merge base of ${a} and ${b}`, commit }, head };
  }
  const base = await resolveCommit(top, baseSpec);
  return { base, head: headSpec === undefined ? null : await resolveCommit(top, headSpec) };
}

/** The commit a revision names; a usage error when git does not know it. */
export async function resolveCommit(top: string, spec: string): Promise<Revision> {
  if (spec === '' || spec.startsWith('-'))
    throw new UsageError(`"${spec}" is not a revision`, 'name a branch, tag or commit, e.g. main or HEAD~1');
  try {
    return { spec, commit: await gitText(top, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]) };
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    throw new UsageError(
      `unknown revision "${spec}"`,
      'name a branch, tag or commit that exists here (git log --oneline shows them; in CI, fetch the history it needs)',
    );
  }
}

/** Whether `spec` names a commit (used to tell `diff main HEAD` from `diff main personas/`). */
export async function isCommit(top: string, spec: string): Promise<boolean> {
  if (spec === '' || spec.startsWith('-')) return false;
  return runGit(top, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]).then(
    () => true,
    (e: unknown) => {
      if (e instanceof GitError) return false;
      throw e;
    },
  );
}

/** Every file of a commit's tree (one `git ls-tree`), by path. Links and submodules are left out. */
export async function listTree(top: string, commit: string): Promise<Map<string, TreeEntry>> {
  const out = (await runGit(top, ['ls-tree', '-r', '-z', '--full-tree', commit])).toString('utf8');
  const entries = new Map<string, TreeEntry>();
  for (const line of out.split('\0')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const [mode, type, oid] = line.slice(0, tab).split(' ');
    if (type !== 'blob' || mode === '120000' || !oid || !mode) continue;
    const p = line.slice(tab + 1);
    entries.set(p, { path: p, mode, oid });
  }
  return entries;
}

/**
 * The contents of many blobs in one `git cat-file --batch` (not a process per file). Output is
 * `<oid> <type> <size>\n<bytes>\n` per object, in the order asked.
 */
export async function readBlobs(top: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const out = await runGit(top, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let at = 0;
  for (const oid of unique) {
    const eol = out.indexOf(0x0a, at);
    const header = out.toString('utf8', at, eol).split(' ');
    if (header[1] === 'missing' || header.length < 3) throw new GitError(`git object ${oid} is missing`, '', null);
    const size = Number(header[2]);
    blobs.set(oid, out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

/**
 * Paths (from the top of the repository) that differ between `base` and `head`, or the working
 * tree when head is null: modified, added and deleted files, untracked ones included.
 */
export async function changedPaths(top: string, base: string, head: string | null): Promise<Set<string>> {
  const args = ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', base];
  if (head !== null) args.push(head);
  const changed = new Set(splitZ(await runGit(top, args)));
  if (head === null)
    for (const p of splitZ(await runGit(top, ['ls-files', '-z', '--others', '--exclude-standard']))) changed.add(p);
  return changed;
}

/** Write `entries` (their blobs read in one go) under `dir`, at their repository paths. */
export async function materialize(top: string, dir: string, entries: readonly TreeEntry[]): Promise<void> {
  const blobs = await readBlobs(
    top,
    entries.map((e) => e.oid),
  );
  const made = new Set<string>();
  for (const entry of entries) {
    const target = path.join(dir, ...entry.path.split('/'));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, blobs.get(entry.oid)!);
  }
}

function splitZ(out: Buffer): string[] {
  return out
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
}
