import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * vitest globalSetup: the run gets a temp folder of its own (TMPDIR, which os.tmpdir() and child
 * processes follow), and fails, naming what was left, if any test leaves a file or folder in it.
 * The folder itself is removed either way, so a failed run leaves nothing behind either.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'personakit-vitest-'));
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length === 0) return;
    // vitest only logs an error thrown at teardown; the exit code is what makes `npm test` fail.
    process.exitCode = 1;
    throw new Error(
      `the tests left ${left.length} file(s) or folder(s) in the OS temp folder: ${left.sort().join(', ')}\n` +
        'Make temp folders with makeTempDir (test/support/run-bin.ts), which removes them after the test file, ' +
        'or remove them in afterAll/finally.',
    );
  };
}
