/**
 * The few error classes that decide exit codes. The CLI's single top-level catch maps them;
 * nothing else sets an exit code.
 */

/** The command could not do its job because of how it was called or configured: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** personakit.yaml (or another settings source) is invalid: exit 2, message names file:line:column. */
export class SettingsError extends UsageError {
  override name = 'SettingsError';
}

/** The user interrupted an interactive prompt (Ctrl-C): exit 130, one line. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(message = 'Interrupted; nothing was written.') {
    super(message);
  }
}

/** Problems were found and reported (exit 1); the report itself has already been printed. */
export class ProblemsFoundError extends Error {
  override name = 'ProblemsFoundError';
}
