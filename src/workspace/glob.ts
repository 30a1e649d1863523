import { createRequire } from 'node:module';
import path from 'node:path';
import type picomatchType from 'picomatch';

/**
 * Globs on the command line and in personakit.yaml `paths`, through picomatch: `*`, `**`, `?`,
 * `[...]` (and `[!...]`), `{a,b}`. Quoted globs reach us unexpanded when the shell does not
 * expand them (CI, Windows, npm scripts). Dot files match like any other (dot-folders are
 * skipped by the walk, not by the pattern); `!` and extglobs such as `+(...)` are literal text.
 */
const OPTIONS: picomatchType.PicomatchOptions = { dot: true, posix: true, noextglob: true, nonegate: true };

/**
 * Every character picomatch can read as pattern syntax. A path without any is no glob, and
 * picomatch is loaded only for one that has some: the usual run names plain folders
 * (personakit.yaml `paths`), and a warm `check --cache` has no time to spare (bench/README.md).
 */
const SYNTAX = /[*?[\]{}()!+@\\]/;
let loaded: typeof picomatchType | undefined;
const picomatch = (): typeof picomatchType =>
  (loaded ??= createRequire(import.meta.url)('picomatch') as typeof picomatchType);

/** Forward slashes, which picomatch reads as separators (a backslash there is an escape). */
function slashed(pattern: string): string {
  return path.sep === '\\' ? pattern.split(path.sep).join('/') : pattern;
}

export function isGlob(pattern: string): boolean {
  return SYNTAX.test(pattern) && picomatch().scan(slashed(pattern), OPTIONS).isGlob;
}

/** The folder to start walking from: the part of the pattern before its first glob segment. */
export function globBase(pattern: string): string {
  const { base, prefix } = picomatch().scan(slashed(pattern), OPTIONS);
  const joined = `${prefix}${base}`.replace(/\/$/, '');
  return joined === '' ? (pattern.startsWith('/') ? '/' : '.') : joined;
}

/** A test of paths relative to the glob's base (forward slashes) against the rest of the pattern. */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
  return picomatch()(slashed(pattern), OPTIONS);
}
