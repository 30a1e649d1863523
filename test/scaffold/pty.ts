import { spawn } from 'node:child_process';
import { BIN } from '../support/run-bin.js';

/**
 * Drive the built binary through a real pseudo-terminal with util-linux `script` (on Debian CI
 * machines and here at /usr/bin/script), without adding node-pty: wait for a prompt's text,
 * type keys, repeat. Output is matched with ANSI escapes removed.
 */
export interface PtySession {
  /** Wait until `text` appears after the previous match, then type `keys`. */
  answer(text: string, keys: string): Promise<void>;
  /** Wait for the program to end; resolves with its exit code and everything it printed. */
  exit(): Promise<{ code: number | null; output: string }>;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-B]|\u001b[=>]/g;
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export function startPty(args: readonly string[], options: { cwd: string; timeoutMs?: number }): PtySession {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const env = { ...process.env, TERM: 'xterm', COLUMNS: '200', LINES: '50' } as Record<string, string>;
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'DEBUG', 'CI', 'NODE_OPTIONS']) delete env[name];
  const child = spawn('script', ['-qfec', `stty cols 200 rows 50 2>/dev/null; exec ${command}`, '/dev/null'], {
    cwd: options.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let seen = 0;
  const waiters: Array<() => void> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8').replace(ANSI, '');
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);

  return {
    async answer(text, keys) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const at = output.indexOf(text, seen);
        if (at >= 0) {
          seen = at + text.length;
          break;
        }
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`prompt "${text}" never came; output so far:\n${output}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      child.stdin.write(keys);
    },
    async exit() {
      const code = await ended;
      clearTimeout(kill);
      return { code, output };
    },
  };
}
