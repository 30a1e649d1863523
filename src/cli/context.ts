import type { Io } from './io.js';

/** Shared by the program and its commands for one run of the CLI. */
export interface CliContext {
  io: Io;
  /** Set by a command's action: 0 clean, 1 problems found. Errors become codes in run-cli.ts. */
  exitCode: number;
  /**
   * Tests: receive each command's typed options instead of running it (table tests of argv → options).
   */
  intercept?: (command: string, options: unknown) => void;
}

/** Run a command's `run(options)` unless a test intercepts it. */
export async function dispatch<T>(
  ctx: CliContext,
  command: string,
  options: T,
  run: () => Promise<number>,
): Promise<void> {
  if (ctx.intercept) {
    ctx.intercept(command, options);
    return;
  }
  ctx.exitCode = await run();
}
