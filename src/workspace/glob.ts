import path from 'node:path';
import picomatch from 'picomatch';

/**
 * Globs on the command line and in personakit.yaml `paths`, through picomatch: `*`, `**`, `?`,
 * `[...]` (and `[!...]`), `{a,b}`. Quoted globs reach us unexpanded when the shell does not
 * expand them (CI, Windows, npm scripts). Dot files match like any other (dot-folders are
 * skipped by the walk, not by the pattern); `!` and extglobs such as `+(...)` are literal text.
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, posix: true, noextglob: true, nonegate: true };

/** Forward slashes, which picomatch reads as separators (a backslash there is an escape). */
function slashed(pattern: string): string {
  return path.sep === '\\' ? pattern.split(path.sep).join('/') : pattern;
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(slashed(pattern), OPTIONS).isGlob;
}

/** The folder to start walking from: the part of the pattern before its first glob segment. */
export function globBase(pattern: string): string {
  const { base, prefix } = picomatch.scan(slashed(pattern), OPTIONS);
  const joined = `${prefix}${base}`.replace(/\/$/, '');
  return joined === '' ? (pattern.startsWith('/') ? '/' : '.') : joined;
}

/** A test of paths relative to the glob's base (forward slashes) against the rest of the pattern. */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
  return picomatch(slashed(pattern), OPTIONS);
}
