import v8 from 'node:v8';

/**
 * Set V8 flags for the rest of the process, on every thread (they are the process's), as
 * cli/jit.ts chooses them. Any change of flags makes V8 turn away Node's own compiled code for the
 * modules compiled after it, so a thread started afterwards compiles its start-up from source
 * (~25 ms of CPU instead of ~13): a command that starts a thread lets the thread set them once it
 * is running (render/report-writer.ts).
 */
export function setV8Flags(flags: string): void {
  try {
    v8.setFlagsFromString(flags);
  } catch {
    // Not V8, or a V8 that refuses: the run is merely slower.
  }
}
