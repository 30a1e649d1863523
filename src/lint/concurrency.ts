/**
 * `--concurrency auto|off|<n>` (as ESLint 9 has): how many files are read at once. Reading is
 * asynchronous I/O on one thread; parsing and the rules run on that thread as each file arrives.
 * `off` reads one file at a time.
 */
export type Concurrency = 'auto' | 'off' | number;

/** Pictures and accounts files looked at once under `auto`: few, small reads, asynchronous anyway. */
export const AUTO_FACT_READS = 16;

/**
 * The number of files in flight a setting stands for, for the YAML documents or for the other
 * files the rules need (pictures, accounts CSVs). `auto` reads the documents one at a time,
 * synchronously into one reused buffer: on the machines measured that took the least CPU and
 * no more wall time than 4–64 asynchronous reads (bench/README.md, "--concurrency").
 */
export function filesInFlight(concurrency: Concurrency | undefined, files: 'documents' | 'facts'): number {
  if (concurrency === undefined || concurrency === 'auto') return files === 'documents' ? 1 : AUTO_FACT_READS;
  if (concurrency === 'off') return 1;
  return Math.max(1, Math.floor(concurrency));
}
