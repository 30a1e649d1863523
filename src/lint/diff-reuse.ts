import path from 'node:path';
import { UsageError } from '../errors.js';
import { lintWorkspace } from './lint.js';
import { isInside } from '../util/paths.js';
import type { TreeEntry } from '../workspace/git-revision.js';
import { planWorkspace, type WorkspacePlan } from '../workspace/workspace.js';
import { assembleWorkspace } from './assemble.js';
import { filesInFlight } from './concurrency.js';
import type { CheckedFile, FileToRead } from './checked-file.js';
import { documentPassFor } from './document-pass.js';
import { readFiles } from './read-files.js';
import type { LintedSide } from './diff-linted.js';
import { isYamlPath, writeRevision, type RevisionWorkspace } from './git-workspace.js';

export interface ReuseInput {
  top: string;
  /** Where the base revision's files are written, at their repository paths. */
  baseDir: string;
  baseCwd: string;
  workspace: RevisionWorkspace;
  /** Repository paths that differ between base and head. */
  changed: ReadonlySet<string>;
  /** The head, checked with the same personakit.yaml. */
  head: LintedSide;
  repoPathOf: (absPath: string) => string;
  today: Date;
}

/**
 * Check the base revision reading only what differs from the head. With the same personakit.yaml
 * at both revisions, a YAML file with the same bytes parses, validates and passes the document
 * rules the same way, so the head's result for it is the base's: only changed files are read, and
 * the rules across documents run over the whole base workspace as usual. Files the rules read
 * beside a document (accounts_file, pictures) are written out, and documents naming one are read
 * from there, so that they see the base's versions. Returns undefined when the shortcut does not
 * apply (a `paths` entry of personakit.yaml that only the full revision satisfies).
 */
export async function lintBaseReusing(input: ReuseInput): Promise<LintedSide | undefined> {
  const { workspace, changed, head, repoPathOf } = input;
  const headFiles = new Map<string, CheckedFile>();
  for (const f of head.workspace.files) headFiles.set(repoPathOf(f.absPath), f as CheckedFile);

  const write: TreeEntry[] = [];
  const reused = new Map<string, CheckedFile>();
  for (const entry of workspace.files) {
    const same = isYamlPath(entry.path) && !changed.has(entry.path) ? headFiles.get(entry.path) : undefined;
    if (same && !readsBeside(same)) reused.set(entry.path, same);
    else write.push(entry);
  }
  await writeRevision(input.top, input.baseDir, workspace, write);
  let plan: WorkspacePlan;
  try {
    plan = await planWorkspace({ cwd: input.baseCwd, paths: [] });
  } catch (e) {
    if (e instanceof UsageError) return undefined;
    throw e;
  }
  const pass = documentPassFor({ mode: 'check', today: input.today, summaries: false }, plan.settings);
  const fresh = await readFiles(plan.files, plan.settings.limits, pass, filesInFlight('auto', 'documents'));

  // Both lists in the order the workspace is walked: settings `paths` in order, then by path.
  const rank = rankOf(plan);
  const items: Array<{ key: [number, string[]]; toRead: FileToRead; checked: CheckedFile }> = [];
  plan.files.forEach((toRead, i) =>
    items.push({ key: [rank(toRead.absPath), repoPathOf(toRead.absPath).split('/')], toRead, checked: fresh[i]! }),
  );
  const baseRel = (absPath: string) => path.join(input.baseDir, ...repoPathOf(absPath).split('/'));
  for (const f of head.workspace.files) {
    const p = repoPathOf(f.absPath);
    if (!reused.has(p)) continue;
    items.push({
      key: [rank(baseRel(f.absPath)), p.split('/')],
      toRead: { absPath: f.absPath, file: f.file, reported: true },
      checked: f as CheckedFile,
    });
  }
  items.sort((a, b) => a.key[0] - b.key[0] || compareSegments(a.key[1], b.key[1]));
  const merged: WorkspacePlan = {
    ...plan,
    files: items.map((i) => i.toRead),
    reported: new Set(items.map((i) => i.toRead.absPath)),
  };
  const ws = assembleWorkspace(
    merged,
    items.map((i) => i.checked),
  );
  ws.documentPass = 'check';
  const result = await lintWorkspace(ws, { mode: 'check', today: input.today });
  return { workspace: ws, diagnostics: result.diagnostics };
}

/** A file whose rules read other files beside it: a market's accounts_file, a persona's local picture. */
function readsBeside(file: CheckedFile): boolean {
  return file.documents.some((doc) => {
    if (doc === null || typeof doc !== 'object') return false;
    const d = doc as Record<string, unknown>;
    if (d.kind === 'market') return typeof d.accounts_file === 'string';
    return d.kind === 'persona' && typeof d.picture === 'string' && !/^https:\/\//i.test(d.picture);
  });
}

/** Which `paths` entry of personakit.yaml a file falls under (its place in the walk). */
function rankOf(plan: WorkspacePlan): (absPath: string) => number {
  const scopes = plan.settings.paths ?? [];
  return (absPath) => {
    const i = scopes.findIndex((scope) => isInside(absPath, scope));
    return i < 0 ? scopes.length : i;
  };
}

/** Folder by folder, names in code-unit order: the order collect walks a tree in. */
function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    // At the first difference, a file and a folder compare by name, as readdir's sorted entries do.
    return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}
