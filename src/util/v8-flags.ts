import v8 from 'node:v8';

/**
 * Set V8 flags for the rest of the process, on every thread (they are the process's), as
 * cli/jit.ts chooses them. Any change of flags makes V8 turn away Node's own compiled code for
 * the modules compiled after it, so a thread started afterwards compiles its start-up from
 * source, at about twice the CPU (45–63 ms instead of 23–25 for render's writer thread): a
 * command that starts a thread lets the thread set them once it runs (render/report-writer.ts).
 * Undefined: none to set (the user's own flags decide).
 */
export function setV8Flags(flags: string | undefined): void {
  if (flags === undefined) return;
  try {
    v8.setFlagsFromString(flags);
  } catch {
    // Not V8, or a V8 that refuses: the run is merely slower.
  }
}
