/**
 * Everything a command may touch of the outside world, passed in so tests can drive commands
 * in-process with captured output and scripted terminals.
 */
export interface Writer {
  write(text: string): void;
}

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Writer;
  stderr: Writer;
  stdin: NodeJS.ReadableStream;
  isTTY: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** Columns of the terminals stdout and stderr are (when they are one). */
  columns?: { stdout?: number; stderr?: number };
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (t) => void process.stdout.write(t) },
    stderr: { write: (t) => void process.stderr.write(t) },
    stdin: process.stdin,
    isTTY: {
      stdin: Boolean(process.stdin.isTTY),
      stdout: Boolean(process.stdout.isTTY),
      stderr: Boolean(process.stderr.isTTY),
    },
    columns: { stdout: process.stdout.columns, stderr: process.stderr.columns },
  };
}

/** Colour decision shared by all coloured output: FORCE_COLOR wins, then NO_COLOR, then the TTY. */
export function useColor(io: Io, stream: 'stdout' | 'stderr'): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY[stream];
}

/** The width stylish output may fill: the terminal's columns (or COLUMNS, else 80); undefined when not a terminal. */
export function terminalWidth(io: Io, stream: 'stdout' | 'stderr'): number | undefined {
  if (!io.isTTY[stream]) return undefined;
  const fromEnv = Number(io.env.COLUMNS);
  return io.columns?.[stream] ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80);
}
