import path from 'node:path';

/**
 * Whether `target` is `folder` or lies below it (both absolute, as given: resolve symbolic links
 * first where a link could lead out). A name that merely starts with two dots ("..notes") is inside.
 */
export function isInside(target: string, folder: string): boolean {
  const rel = path.relative(folder, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** How a path is shown to the user: relative to `cwd` when inside it, else absolute; forward slashes. */
export function display(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  const shown = rel === '' || !isInside(absPath, cwd) ? absPath : rel;
  return path.sep === '/' ? shown : shown.split(path.sep).join('/');
}
