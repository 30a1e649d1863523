import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BIN } from '../support/run-bin.js';

/**
 * Signals sent to the real binary at chosen moments: at an interactive prompt (through a
 * pseudo-terminal made by util-linux `script`, as test/scaffold/pty.ts does) or in the middle of
 * writing. Linux only: the node process is found through /proc.
 */

export interface SignalRun {
  /** Exit code, or null when the process ended by the signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-B]|\u001b[=>]/g;
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Child processes of `pid`, recursively (Linux /proc). */
function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

function isPersonakit(pid: number): boolean {
  try {
    // The node process itself, not the shell around it (whose command line also names the binary).
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[1] === BIN;
  } catch {
    return false;
  }
}

/** Start `personakit args` at a terminal, wait for `prompt` to show, send `signal` to the node process. */
export function signalAtPrompt(
  args: readonly string[],
  cwd: string,
  prompt: string,
  signal: NodeJS.Signals,
  timeoutMs = 20_000,
): Promise<SignalRun & { node: { code: number | null; signal: string | null } }> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const env = { ...process.env, TERM: 'xterm' } as Record<string, string>;
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'DEBUG', 'CI', 'NODE_OPTIONS']) delete env[name];
  // The shell reports how node ended: "exit=<code>" or, killed by a signal, 128 + its number.
  const child = spawn('script', ['-qfec', `${command}; echo "exit=$?"`, '/dev/null'], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let sent = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no end within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8').replace(ANSI, '');
      if (!sent && output.includes(prompt)) {
        const node = descendants(child.pid!).find(isPersonakit);
        if (node === undefined) return;
        sent = true;
        process.kill(node, signal);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const status = Number(/exit=(\d+)/.exec(output)?.[1] ?? NaN);
      const node =
        status > 128
          ? { code: null, signal: String(status - 128) }
          : { code: Number.isNaN(status) ? null : status, signal: null };
      resolve({ code, signal: sig, output, node });
    });
  });
}

/** Run the binary (no terminal) and send `signal` after `delayMs`; resolves however it ended. */
export function signalAfter(
  args: readonly string[],
  cwd: string,
  delayMs: number,
  signal: NodeJS.Signals,
  timeoutMs = 20_000,
): Promise<SignalRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  child.stdin.end();
  const send = setTimeout(() => child.kill(signal), delayMs);
  const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code, sig) => {
      clearTimeout(send);
      clearTimeout(kill);
      resolve({ code, signal: sig, output });
    }),
  );
}
