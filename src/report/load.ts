import type { Diagnostic } from '../diagnostic.js';
import type { Format, ReportOptions } from './types.js';

export type PieceReporter = (diagnostics: readonly Diagnostic[], options: ReportOptions) => Iterable<string>;

/**
 * The reporter of one format, in pieces (see pieces.ts), loading that format's module only: a
 * run of the CLI prints one format, and loading the other four is a measurable part of a warm
 * `check --cache` (bench/README.md). `index.ts` has every reporter at once for the library.
 */
export async function loadPieceReporter(format: Format): Promise<PieceReporter> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish.js')).stylishPieces;
    case 'json':
      return (await import('./json.js')).jsonPieces;
    case 'junit':
      return (await import('./junit.js')).junitPieces;
    case 'sarif':
      return (await import('./sarif.js')).sarifPieces;
    case 'github':
      return (await import('./github.js')).githubPieces;
  }
}
