import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * The workspace's package.json as `init` leaves it: personakit a dev dependency (so `npm ci`
 * installs the same version on every machine and in CI) and a `check` script. An existing file
 * keeps every spec it has: a personakit installed from a tarball or a git URL stays as it is.
 */

export interface PackageJsonPlan {
  /** The text to write, or undefined when the file already has all it needs. */
  text?: string;
  /** What was added to an existing file, for the message; empty for a new file. */
  added: string[];
  existed: boolean;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

export async function planPackageJson(
  root: string,
  clientName: string,
  version: string,
  shown: string,
): Promise<PackageJsonPlan> {
  const file = path.join(root, 'package.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR')
      throw new UsageError(`cannot write ${shown}: a file stands where its folder should be`, 'choose another folder');
    if (code !== 'ENOENT') throw new UsageError(`cannot read ${shown}: ${(e as Error).message}`, 'fix its permissions');
    return { text: `${JSON.stringify(newPackage(root, clientName, version), null, 2)}\n`, added: [], existed: false };
  }
  const pkg = parseObject(text, shown);
  const added: string[] = [];
  if (!DEPENDENCY_FIELDS.some((f) => isObject(pkg[f]) && Object.hasOwn(pkg[f], 'personakit'))) {
    pkg.devDependencies = { ...(isObject(pkg.devDependencies) ? pkg.devDependencies : {}), personakit: `^${version}` };
    added.push(`personakit ^${version} as a dev dependency`);
  }
  const scripts = isObject(pkg.scripts) ? pkg.scripts : {};
  if (!Object.hasOwn(scripts, 'check')) {
    pkg.scripts = { ...scripts, check: 'personakit check' };
    added.push('a "check" script');
  }
  if (added.length === 0) return { added, existed: true };
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? 2;
  return { text: `${JSON.stringify(pkg, null, indent)}\n`, added, existed: true };
}

function newPackage(root: string, clientName: string, version: string): Record<string, unknown> {
  return {
    name: packageName(path.basename(root)),
    version: '1.0.0',
    private: true,
    description: `${clientName}: buyer personas, customer journeys and addressable markets, checked with personakit`,
    scripts: { check: 'personakit check', render: 'personakit render' },
    devDependencies: { personakit: `^${version}` },
  };
}

/** An npm package name from a folder name: lower case, URL-safe characters only. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '')
    .slice(0, 214);
  return name === '' || name === 'node_modules' || name === 'favicon.ico' ? 'personas' : name;
}

function parseObject(text: string, shown: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const offset = /position (\d+)/.exec(message);
    const where = offset ? lineColumn(text, Number(offset[1])) : '';
    throw new UsageError(
      `${shown}${where}: not valid JSON (${message.replace(/ in JSON at position \d+.*$/s, '')}); init changed nothing`,
      'fix package.json, or move it away and run init again to get a new one',
    );
  }
  if (!isObject(value))
    throw new UsageError(
      `${shown}:1:1: package.json must hold a JSON object; init changed nothing`,
      'fix package.json',
    );
  return value;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `:${before.length}:${before.at(-1)!.length + 1}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
