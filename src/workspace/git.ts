import { spawn } from 'node:child_process';
import { UsageError } from '../errors.js';

/** What a git command printed when it failed. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(
    message: string,
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(message);
  }
}

// No pager, no prompt, and no index refresh written behind the user's back (`git diff` may
// otherwise take the index lock to store refreshed stat data).
const GIT_ENV = { GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

/** Run git in `cwd`; resolves with its standard output as bytes. `input` is written to its stdin. */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(gitMissing(e));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (e) => reject(gitMissing(e)));
    child.once('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(`git ${args[0]} failed: ${stderr.split('\n')[0] ?? ''}`, stderr, code));
    });
    // A git that exits early (bad revision) closes its stdin: that is reported by `close`, not here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Run git and return its output as text (trimmed of the final newline). */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGit(cwd, args)).toString('utf8').replace(/\n$/, '');
}

function gitMissing(e: unknown): Error {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT')
    return new UsageError(
      'git is not installed (or not on PATH)',
      'install git: personakit diff reads revisions with it',
    );
  return err;
}

/** The top folder of the git work tree holding `cwd`; a usage error outside a repository. */
export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return await gitText(cwd, ['rev-parse', '--show-toplevel']);
  } catch (e) {
    if (e instanceof GitError)
      throw new UsageError(
        `${cwd} is not inside a git repository`,
        'run personakit from a clone of your persona repository (or `git init` one)',
      );
    throw e;
  }
}
