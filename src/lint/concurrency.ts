/**
 * `--concurrency auto|off|<n>` (as ESLint 9 has): how many files are read at once. Reading is
 * asynchronous I/O on one thread; parsing and the rules run on that thread as each file arrives.
 * `off` reads one file at a time.
 */
export type Concurrency = 'auto' | 'off' | number;

/** Files in flight for `auto`: enough to keep the disk and libuv's four I/O threads busy. */
export const AUTO_CONCURRENCY = 16;

/** The number of files in flight a setting stands for. */
export function filesInFlight(concurrency: Concurrency | undefined): number {
  if (concurrency === undefined || concurrency === 'auto') return AUTO_CONCURRENCY;
  if (concurrency === 'off') return 1;
  return Math.max(1, Math.floor(concurrency));
}
