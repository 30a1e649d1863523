import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../util/paths.js';
import { UsageError } from '../errors.js';
import { globBase, globMatcher, isGlob } from './glob.js';

export interface CollectedFile {
  absPath: string;
  /** Named on the command line (or matched by a glob there), rather than found by walking a folder. */
  explicit: boolean;
}

const YAML_FILE = /\.ya?ml$/i;
export const SETTINGS_FILE = 'personakit.yaml';

/**
 * Turn path arguments (files, folders, globs) into YAML files, in a stable order:
 * arguments in the order given, folder contents sorted by name. Each real file appears once.
 * `boundary`: symlinks are followed only when their target stays inside it (the workspace).
 */
export async function collectFiles(specs: readonly string[], cwd: string, boundary?: string): Promise<CollectedFile[]> {
  const out: CollectedFile[] = [];
  const seen = new Set<string>();
  // walk() knows every real path, so 10,000 files do not cost 10,000 realpath calls; it notes only
  // those that differ from the path (a link on the way), and the others cost no map entry.
  const linked = new Map<string, string>();
  const addReal = (absPath: string, real: string, explicit: boolean) => {
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ absPath, explicit });
  };
  // Synchronous: 10,000 awaits are felt (garbage, microtasks).
  const addWalked = (absPath: string, explicit: boolean) =>
    addReal(absPath, linked.size === 0 ? absPath : (linked.get(absPath) ?? absPath), explicit);

  for (const spec of specs) {
    // A file really named "persona[1].yaml" is that file, not a pattern.
    if (isGlob(spec) && !(await exists(path.resolve(cwd, spec)))) {
      const base = path.resolve(cwd, globBase(spec));
      const relPattern = path.relative(base, path.resolve(cwd, spec)).split(path.sep).join('/');
      const matches = globMatcher(relPattern);
      if (boundary !== undefined) await refuseLinkOut(base, globBase(spec), boundary);
      const files = await walk(base, boundary ?? base, linked).catch(() => []);
      const matched = files.filter((file) => matches(path.relative(base, file).split(path.sep).join('/')));
      // Like a path that does not exist: a pattern that matches nothing is almost always a typo.
      if (matched.length === 0)
        throw new UsageError(
          `no YAML file matches "${spec}"`,
          'check the pattern (personakit.yaml, node_modules and dot-folders never match)',
        );
      for (const file of matched) addWalked(file, true);
      continue;
    }
    const absPath = path.resolve(cwd, spec);
    const shown =
      path.isAbsolute(spec) && isInside(absPath, cwd)
        ? path.relative(cwd, absPath).split(path.sep).join('/') || '.'
        : spec;
    const info = await stat(absPath).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(
        e.code === 'ENOENT'
          ? `path "${shown}" does not exist`
          : `cannot read "${shown}": ${e.code === 'EACCES' ? 'permission denied' : e.message}`,
        'check the path, or run personakit from the folder that holds your files',
      );
    });
    if (boundary !== undefined) await refuseLinkOut(absPath, shown, boundary);
    if (info.isDirectory()) {
      for (const file of await walk(absPath, boundary ?? absPath, linked)) addWalked(file, false);
    } else if (info.isFile()) {
      if (!YAML_FILE.test(absPath))
        throw new UsageError(`"${shown}" is not a YAML file`, 'personakit reads only .yaml and .yml files');
      // SPEC 2: the settings file is never a document, even when named explicitly.
      if (path.basename(absPath) !== SETTINGS_FILE)
        addReal(absPath, await realpath(absPath).catch(() => absPath), true);
    } else {
      throw new UsageError(`"${shown}" is not a regular file or folder`, 'pass YAML files, folders or globs');
    }
  }
  return out;
}

/**
 * A path inside the workspace that resolves (through a symbolic link) to somewhere outside it is
 * refused: links are never followed out of the workspace. Paths named outside it are the user's choice.
 */
async function refuseLinkOut(absPath: string, shown: string, boundary: string): Promise<void> {
  if (!isInside(absPath, boundary)) return;
  const [real, realBoundary] = await Promise.all([
    realpath(absPath).catch(() => absPath),
    realpath(boundary).catch(() => boundary),
  ]);
  if (!isInside(real, realBoundary)) {
    throw new UsageError(
      `"${shown}" is a symbolic link to ${real}, outside the workspace; personakit does not follow links out of it`,
      'copy the files into the workspace, or name their real path',
    );
  }
}

/**
 * All YAML files under a folder, skipping node_modules, dot-folders and personakit.yaml, each
 * folder's entries in name order. Our own walk rather than fdir's: a symbolic link is followed
 * only when its real target stays inside the workspace, and is then listed under its own path;
 * fdir follows links without telling its filters which entries are links or where they lead, so
 * the rule would cost a second realpath for every file (ARCHITECTURE.md, "Not yet").
 */
async function walk(dir: string, boundary: string, linked: Map<string, string>): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const realBoundary = await realpath(boundary).catch(() => boundary);

  const visit = async (folder: string): Promise<void> => {
    const real = await realpath(folder).catch(() => null);
    if (real === null || visited.has(real)) return; // symlink loop or vanished folder
    visited.add(real);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(
        `cannot read folder "${folder}": ${err.code === 'EACCES' ? 'permission denied' : err.message}`,
        'fix its permissions or leave it out of the checked paths',
      );
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    const realPrefix = real === folder ? undefined : real.endsWith(path.sep) ? real : real + path.sep;
    for (const entry of entries) {
      // A folder path and an entry name from readdir (which has no separator, `.` or `..`).
      const full = prefix + entry.name;
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => null);
        if (target === null || !isInside(target, realBoundary)) continue; // never followed out of the workspace
        const info = await lstat(target);
        if (info.isDirectory()) {
          if (!skipFolder(entry.name)) await visit(full);
        } else if (info.isFile() && isYamlDocumentFile(entry.name)) {
          files.push(full);
          if (target !== full) linked.set(full, target);
        }
      } else if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) await visit(full);
      } else if (entry.isFile() && isYamlDocumentFile(entry.name)) {
        files.push(full);
        if (realPrefix !== undefined) linked.set(full, realPrefix + entry.name);
      }
    }
  };
  await visit(dir);
  return files;
}

async function exists(absPath: string): Promise<boolean> {
  return stat(absPath).then(
    () => true,
    () => false,
  );
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function isYamlDocumentFile(name: string): boolean {
  return YAML_FILE.test(name) && name !== SETTINGS_FILE;
}
