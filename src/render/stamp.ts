import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { isInside } from '../util/paths.js';

const run = promisify(execFile);

/** What every report carries to say which state of the workspace it shows. */
export interface Stamp {
  /** YYYY-MM-DD: theme.date, or the day of the run. */
  date: string;
  /** The short commit of HEAD, when the workspace is in a git repository. */
  commit?: string;
  /** The working tree had changes not in that commit (the output folder aside). */
  dirty: boolean;
  /** "7 December 2026 · a1b2c3d" or "… · a1b2c3d with uncommitted changes". */
  text: string;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/**
 * The stamp of a run. `git: false` leaves the commit out (tests of fixed output). Git is asked,
 * not required: without git, or outside a repository, the stamp is the date alone.
 */
export async function reportStamp(options: {
  root: string;
  outDir: string;
  today: Date;
  date?: string;
  git?: boolean;
}): Promise<Stamp> {
  const date = options.date ?? options.today.toISOString().slice(0, 10);
  const stamp: Stamp = { date, dirty: false, text: longDate(date) };
  if (options.git === false) return stamp;
  const git = (args: string[]) =>
    run('git', args, { cwd: options.root, timeout: 10_000, maxBuffer: 1 << 20 }).then((r) => r.stdout.trim());
  // The reports being written are no change of the workspace's.
  const out = path.relative(options.root, options.outDir).split(path.sep).join('/');
  const exclude = out !== '' && isInside(options.outDir, options.root) ? [`:(exclude)${out}`] : [];
  // Both questions at once: each is a process start, and the status only counts with a commit.
  const [commit, status] = await Promise.allSettled([
    git(['rev-parse', '--short', 'HEAD']),
    git(['status', '--porcelain', '--untracked-files=all', '--', '.', ...exclude]),
  ]);
  if (commit.status === 'rejected') return stamp; // no git, no repository, or no commit yet
  stamp.commit = commit.value;
  // A status git cannot give is no proof of a clean tree.
  stamp.dirty = status.status === 'rejected' || status.value !== '';
  stamp.text = `${longDate(date)} · ${stamp.commit}${stamp.dirty ? ' with uncommitted changes' : ''}`;
  return stamp;
}

/** "2026-12-07" → "7 December 2026". */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}
