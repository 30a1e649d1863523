/**
 * One timed run of a command: wall time (hrtime around the spawn), peak RSS and CPU time (GNU
 * time's %M, %U + %S; CPU time says more than wall time when the machine is shared).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/**
 * Run `command` once, after its untimed `before` step if it has one, with output discarded
 * (formatting to a pipe nobody reads would only add noise).
 * Exit codes 0 and 1 are both fine for a linter; anything else means the scenario is broken.
 */
export function measure({ cmd, args, cwd, env, before }) {
  before?.();
  const memFile = path.join(os.tmpdir(), `personakit-bench-${process.pid}.mem`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', memFile, cmd, ...args]] : [cmd, args];
  try {
    return timed(cmd, args, cwd, env, file, argv, memFile);
  } finally {
    // Also when the command failed: nothing of the benchmark stays in the temp folder.
    rmSync(memFile, { force: true });
  }
}

function timed(cmd, args, cwd, env, file, argv, memFile) {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  // Node exits 1 on an uncaught error too (a missing dist/, a crash): personakit itself never
  // prints a stack trace, so one on stderr means the run failed rather than found problems.
  const crashed = result.status === 1 && /^\s+at .+(:\d+:\d+\)?|\(node:.+\))$/m.test(result.stderr.toString());
  if ((result.status !== 0 && result.status !== 1) || crashed) {
    throw new Error(
      `${cmd} ${args.join(' ')} (in ${cwd}) exited ${result.status}${crashed ? ' with a stack trace' : ''}:\n${result.stderr.toString().slice(0, 2000)}`,
    );
  }
  let peakMiB = null;
  let cpuSeconds = null;
  if (hasGnuTime) {
    const [kb, user, system] = readFileSync(memFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(kb)) peakMiB = kb / 1024;
    if (Number.isFinite(user + system)) cpuSeconds = user + system;
  }
  return { seconds, peakMiB, cpuSeconds, status: result.status };
}

export function median(values) {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
