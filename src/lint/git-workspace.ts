import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { SETTINGS_FILE } from '../workspace/collect.js';
import { materialize, readBlobs, type TreeEntry } from '../workspace/git-revision.js';

/**
 * A revision's workspace as files on disk, for the engine (which reads files) to check: where its
 * personakit.yaml is in the revision's tree, and which of the tree's files belong to it.
 */
export interface RevisionWorkspace {
  /** The workspace folder, from the top of the repository ('' at the top). */
  root: string;
  /** The tree entry of its personakit.yaml. */
  settings: TreeEntry;
  /** Every file under the workspace folder (node_modules and dot-folders left out, as collect does). */
  files: TreeEntry[];
}

/** The workspace of a revision, found upward from `cwdRel` as personakit finds it in a folder. */
export function revisionWorkspace(tree: Map<string, TreeEntry>, cwdRel: string, spec: string): RevisionWorkspace {
  const parts = cwdRel === '' ? [] : cwdRel.split('/');
  for (let n = parts.length; n >= 0; n--) {
    const root = parts.slice(0, n).join('/');
    const settings = tree.get(root === '' ? SETTINGS_FILE : `${root}/${SETTINGS_FILE}`);
    if (!settings) continue;
    const prefix = root === '' ? '' : `${root}/`;
    const files = [...tree.values()].filter(
      (e) =>
        e.path.startsWith(prefix) &&
        !e.path
          .slice(prefix.length)
          .split('/')
          .slice(0, -1)
          .some((folder) => folder === 'node_modules' || folder.startsWith('.')),
    );
    return { root, settings, files };
  }
  throw new UsageError(
    `no workspace at ${spec}: no ${SETTINGS_FILE} in ${cwdRel === '' ? 'the top folder' : cwdRel} or the folders above it`,
    `compare with a revision that has the workspace, or commit ${SETTINGS_FILE} first`,
  );
}

/** Write `entries` under `dir` (one `git cat-file --batch`), with every folder of the workspace made. */
export async function writeRevision(
  top: string,
  dir: string,
  workspace: RevisionWorkspace,
  entries: readonly TreeEntry[],
): Promise<void> {
  // Every folder, also those whose files are not written: `paths` in personakit.yaml name them.
  for (const folder of new Set(workspace.files.map((e) => path.posix.dirname(e.path))))
    mkdirSync(path.join(dir, ...folder.split('/')), { recursive: true });
  await materialize(top, dir, [workspace.settings, ...entries.filter((e) => e !== workspace.settings)]);
}

/** Whether two revisions' personakit.yaml are the same file with the same bytes. */
export async function sameSettings(
  top: string,
  base: RevisionWorkspace,
  head: { root: string; bytes: Buffer },
): Promise<boolean> {
  if (base.root !== head.root) return false;
  const blob = (await readBlobs(top, [base.settings.oid])).get(base.settings.oid);
  return blob !== undefined && blob.equals(head.bytes);
}

export function isYamlPath(p: string): boolean {
  return /\.ya?ml$/i.test(p) && path.posix.basename(p) !== SETTINGS_FILE;
}
