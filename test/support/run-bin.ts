import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json and bin/ live). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built binary; `npm test` builds dist/ first (or run `npx tsc -p tsconfig.build.json`). */
export const BIN = path.join(REPO_ROOT, 'bin', 'personakit.js');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export interface RunBinOptions {
  /** Working folder of the child; defaults to the repository root. */
  cwd?: string;
  /** Extra environment; merged over a clean base without colour or DEBUG variables. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (stdin is always closed, so nothing waits for input). */
  input?: string;
  /** Kill the child after this long (default 20 s) and reject, so a hang fails the test. */
  timeoutMs?: number;
}

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Colour and debug variables of the developer's shell must not leak into what tests assert. */
const SCRUBBED = ['FORCE_COLOR', 'NO_COLOR', 'DEBUG', 'CI', 'GITHUB_ACTIONS', 'NODE_OPTIONS', 'TERM'];

/** The environment a command run by the tests sees: this process's, less SCRUBBED, with `extra` over it. */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !SCRUBBED.includes(k)) env[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Spawn `node bin/personakit.js ...args` and collect its output and exit code. */
export function runBin(args: readonly string[], options: RunBinOptions = {}): Promise<BinResult> {
  const env = childEnv(options.env);
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `personakit ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** Temp folders made in this test file, removed after it by test/support/temp-cleanup.ts. */
const tempDirs = new Set<string>();

/**
 * A fresh empty folder under the OS temp folder (real path, so displayed paths compare equal).
 * It is removed, with everything in it, after the test file that made it (test/support/temp-cleanup.ts).
 */
export async function makeTempDir(prefix = 'personakit-test-'): Promise<string> {
  return trackTempDir(await realpath(await mkdtemp(path.join(tmpdir(), prefix))));
}

/** Have a temp folder made some other way removed after the current test file; returns `dir`. */
export function trackTempDir(dir: string): string {
  tempDirs.add(dir);
  return dir;
}

/** Remove every folder given to trackTempDir (makeTempDir's included) so far; run after each test file. */
export async function removeTempDirs(): Promise<void> {
  const dirs = [...tempDirs];
  tempDirs.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}

/** Copy test/fixtures/<name> into a fresh temp folder and return that folder. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await makeTempDir(`personakit-${name.replace(/[^a-z0-9-]/gi, '_')}-`);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Write files (path → text or bytes, forward slashes) under `dir`, creating folders; returns `dir`. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<string> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

/** Every file and folder under `dir` (relative, forward slashes, sorted): to prove a command wrote nothing. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map((e) => e.split(path.sep).join('/')).sort();
}
