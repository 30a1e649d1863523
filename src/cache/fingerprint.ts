import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceDocument } from '../workspace/workspace.js';

/** Bump when the layout of the cache files changes. */
export const CACHE_FORMAT = 2;

export function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * What the code is: the package version, and when this build was made (every build rewrites
 * dist/), so a rebuilt personakit never trusts results of the previous build's rules.
 */
export function codeFingerprint(): string {
  const here = fileURLToPath(import.meta.url);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${pkg.version}:${statSync(here).mtimeMs}`;
}

/**
 * Files outside the YAML that the rules read: accounts CSVs and persona pictures, resolved the way
 * the rules resolve them (relative to the document's file). Derived from unchanged YAML, so the
 * list itself is stable; their content and where their symlinks lead are what can change.
 */
export function externalDependencies(documents: readonly WorkspaceDocument[]): string[] {
  const deps = new Set<string>();
  for (const doc of documents) {
    const ref = doc.kind === 'market' ? doc.data.accounts_file : doc.kind === 'persona' ? doc.data.picture : undefined;
    if (typeof ref !== 'string' || ref.trim() === '' || /^[a-z][a-z0-9+.-]*:/i.test(ref) || path.isAbsolute(ref))
      continue;
    deps.add(path.resolve(path.dirname(doc.absPath), ref));
  }
  return [...deps].sort();
}

/** A dependency's state: where it really is and what it holds (or that it is missing). */
export function dependencyState(absPath: string): string {
  try {
    const real = realpathSync(absPath);
    const info = statSync(real);
    if (!info.isFile()) return `${real}:not-a-file`;
    return `${real}:${sha1(readFileSync(real))}`;
  } catch (e) {
    return `missing:${(e as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}
