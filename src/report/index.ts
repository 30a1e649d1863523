import type { Diagnostic } from '../diagnostic.js';
import { FORMATS, type Format, type ReportOptions, type Reporter } from './types.js';
import type { PieceReporter } from './load.js';
import { github, githubPieces } from './github.js';
import { json, jsonPieces } from './json.js';
import { junit, junitPieces } from './junit.js';
import { sarif, sarifPieces } from './sarif.js';
import { stylish, stylishPieces } from './stylish.js';

export { FORMATS, type Format, type ReportOptions, type Reporter } from './types.js';

export const reporters: Record<Format, Reporter> = { stylish, json, junit, sarif, github };

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

/** The whole output of `format` for these diagnostics. */
export function formatDiagnostics(format: Format, diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  return reporters[format](diagnostics, options);
}

/** Every reporter again, giving its output in consecutive pieces drawn as they are written (see pieces.ts). */
const pieceReporters: Record<Format, PieceReporter> = {
  stylish: stylishPieces,
  json: jsonPieces,
  junit: junitPieces,
  sarif: sarifPieces,
  github: githubPieces,
};

/** The output of `format` in consecutive pieces, so that a huge one is never one string. */
export function formatDiagnosticPieces(format: Format, diagnostics: readonly Diagnostic[], options: ReportOptions): Iterable<string> {
  return pieceReporters[format](diagnostics, options);
}
