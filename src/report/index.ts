import type { Diagnostic } from '../diagnostic.js';
import { FORMATS, type Format, type ReportOptions, type Reporter } from './types.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
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

/** The same output in consecutive pieces, drawn as they are written, so a huge one is never one string (stylish only). */
export function formatDiagnosticPieces(format: Format, diagnostics: readonly Diagnostic[], options: ReportOptions): Iterable<string> {
  return format === 'stylish' ? stylishPieces(diagnostics, options) : [formatDiagnostics(format, diagnostics, options)];
}
