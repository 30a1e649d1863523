import { expect } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from './memory-io.js';
import { type BinResult, childEnv, REPO_ROOT, runBin, type RunBinOptions } from './run-bin.js';

/**
 * `personakit ...args` run inside the test process through runCli, the function bin/personakit.js
 * hands argv to, with the same working folder, environment and stdin runBin gives the binary, and
 * stdout and stderr captured as pipes (no TTY). A Node start costs more than most commands, so
 * tables of cases run here; each test file that does so also runs one case of each kind through the
 * built binary with runBoth, which proves the binary prints the same bytes.
 */
export async function runInProcess(args: readonly string[], options: RunBinOptions = {}): Promise<BinResult> {
  const io = memoryIo({
    cwd: options.cwd ?? REPO_ROOT,
    env: childEnv(options.env),
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  const run = runCli(args, io);
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  // A hang fails the case that caused it, as runBin's timeout does.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`personakit ${args.join(' ')} did not finish within ${timeoutMs} ms (in-process)`)),
      timeoutMs,
    );
  });
  try {
    const code = await Promise.race([run, timeout]);
    return { code, signal: null, stdout: io.out, stderr: io.err };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Run a command that writes nothing through the built binary and in-process: both must end with the
 * same exit code and the same bytes on stdout and stderr. Returns the binary's result.
 */
export async function runBoth(args: readonly string[], options: RunBinOptions = {}): Promise<BinResult> {
  const binary = await runBin(args, options);
  const inProcess = await runInProcess(args, options);
  expect(inProcess, `personakit ${args.join(' ')}: in-process and built binary differ`).toEqual(binary);
  return binary;
}
