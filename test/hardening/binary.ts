import { expect } from 'vitest';
import { runBin } from '../support/run-bin.js';
import { runChecked } from './harness.js';

/**
 * Run the built binary with a timeout of its own (a hang fails the case that caused it) and check
 * the outcome every command must have on any input: exit 0, 1 or 2, no internal error, no stack trace.
 */
export async function bin(args: readonly string[], cwd: string, timeoutMs = 20_000) {
  const r = await runBin(args, { cwd, timeoutMs });
  expect([0, 1, 2], `personakit ${args.join(' ')}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr + r.stdout).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  return r;
}

/**
 * Run through the built binary (bin's checks) and in-process (runChecked's): the same exit code and
 * the same bytes on stdout and stderr. For commands that write nothing; returns the binary's result.
 */
export async function binAndInProcess(args: readonly string[], cwd: string, timeoutMs = 20_000) {
  const r = await bin(args, cwd, timeoutMs);
  const inProcess = await runChecked(args, cwd);
  expect(
    { code: inProcess.code, stdout: inProcess.out, stderr: inProcess.err },
    `personakit ${args.join(' ')}: in-process and built binary differ`,
  ).toEqual({ code: r.code, stdout: r.stdout, stderr: r.stderr });
  return r;
}
