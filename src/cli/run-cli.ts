import { CommanderError } from 'commander';
import { InterruptedError, UsageError } from '../errors.js';
import type { CliContext } from './context.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';

/**
 * The single place where outcomes become exit codes: 0 clean, 1 problems found, 2 could not do
 * the job, 130 interrupted. Commands set 0 or 1; everything else arrives here as an error.
 */
export async function runCli(argv: readonly string[], io: Io, intercept?: CliContext['intercept']): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  if (intercept) ctx.intercept = intercept;
  try {
    await createProgram(ctx).parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}

export function exitCodeFor(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    // --help and --version end with exit code 0; `personakit` alone prints the help to stderr with
    // exit code 1 (no command is a usage error: 2). Commander already printed what it had to.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof InterruptedError) {
    io.stderr.write(`${e.message}\n`);
    return 130;
  }
  if (e instanceof UsageError) {
    io.stderr.write(`personakit: ${e.message}\n`);
    if (e.hint) io.stderr.write(`  ${e.hint}\n`);
    return 2;
  }
  const err = e as Error;
  if (io.env.DEBUG?.split(',').some((d) => d.trim() === 'personakit' || d.trim() === '*')) {
    io.stderr.write(`personakit: internal error\n${err?.stack ?? String(e)}\n`);
  } else {
    io.stderr.write(
      `personakit: internal error: ${err?.message ?? String(e)}\n  Rerun with DEBUG=personakit to see the stack trace, and please report it.\n`,
    );
  }
  return 2;
}
