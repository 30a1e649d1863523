import path from 'node:path';

/** A `.` or `..` segment, an empty one or a trailing separator: a path path.relative would normalise first. */
const UNNORMALISED = path.sep === '/' ? /\/\.{1,2}(?:\/|$)|\/\/|\/$/ : /[\\/]\.{1,2}(?:[\\/]|$)|[\\/]{2}|[\\/]$/;

/**
 * UNNORMALISED.test(p), run only where it can match: a path without `/.`, `//` or a trailing `/`
 * has nothing to normalise, and 10,000 paths a run are mostly such.
 */
function unnormalised(p: string): boolean {
  if (path.sep !== '/') return UNNORMALISED.test(p);
  return p.endsWith('/') || p.includes('//') || (p.includes('/.') && UNNORMALISED.test(p));
}

/**
 * Whether `target` is `folder` or lies below it (both absolute, as given: resolve symbolic links
 * first where a link could lead out). A name that merely starts with two dots ("..notes") is inside.
 */
export function isInside(target: string, folder: string): boolean {
  // The usual case, 10,000 times a run: normalised paths, one a prefix of the other.
  if (startsBelow(target, folder)) return true;
  const rel = path.relative(folder, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** `target` begins with `folder` up to a separator and has no segment to normalise. */
function startsBelow(target: string, folder: string): boolean {
  if (!target.startsWith(folder) || unnormalised(target)) return false;
  return target.length === folder.length || folder.endsWith(path.sep) || target[folder.length] === path.sep;
}

/**
 * path.resolve(folder, relative) for an absolute `folder`: joined as they are when neither has a
 * segment to normalise (the usual case, where path.resolve would walk the whole path again).
 */
export function resolveBelow(folder: string, relative: string): string {
  if (
    relative !== '' &&
    !path.isAbsolute(relative) &&
    path.isAbsolute(folder) &&
    !UNNORMALISED.test(folder) &&
    !UNNORMALISED.test(path.sep + relative) &&
    (path.sep === '/' || !relative.includes('/'))
  )
    return folder + path.sep + relative;
  return path.resolve(folder, relative);
}

/** How a path is shown to the user: relative to `cwd` when inside it, else absolute; forward slashes. */
export function display(cwd: string, absPath: string): string {
  const shown = startsBelow(absPath, cwd)
    ? absPath.slice(cwd.length + (cwd.endsWith(path.sep) ? 0 : 1)) || absPath
    : slowDisplay(cwd, absPath);
  return path.sep === '/' ? shown : shown.split(path.sep).join('/');
}

function slowDisplay(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  return rel === '' || !isInside(absPath, cwd) ? absPath : rel;
}
