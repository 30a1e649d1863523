import { Chalk } from 'chalk';
import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import type { ReportOptions } from './types.js';
import { groupByFile } from './util.js';

/** Runs of spaces, one string per width: 70,000 rows share a handful instead of each allocating its own. */
const spaces: string[] = [];
function pad(width: number): string {
  if (width <= 0) return '';
  return (spaces[width] ??= ' '.repeat(width));
}

function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/**
 * ESLint's "stylish" format: a file name line (underlined), one aligned row per
 * problem, a blank line after each file and a coloured summary line. Laid out
 * exactly as ESLint's text-table call does: cells joined by two spaces, the line
 * number right-aligned, the other cells left-aligned, trailing spaces trimmed,
 * then `line  column` joined into `line:column`. Returns '' without diagnostics.
 *
 * Unlike ESLint, a message's trailing period is kept, and a multi-line message
 * keeps its first line in the table and prints the rest below it, indented to
 * the message column.
 */
export function stylish(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  if (diagnostics.length === 0) return '';
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // ESLint resets the colour around the whole output so nothing leaks to the terminal.
  return c.reset([...pieces(diagnostics, options, c)].join(''));
}

/** Rows per piece of {@link stylishPieces}: a few hundred kilobytes of text. */
const ROWS_PER_PIECE = 1000;

/**
 * stylish() as consecutive pieces, drawn as they are written: 70,000 rows are 45 MB of text,
 * which as one string is copied again when written (twice its size as soon as one character,
 * like the summary's ✖, is outside Latin-1). Coloured output comes as one piece, because the
 * colour reset wraps the whole text.
 */
export function stylishPieces(diagnostics: readonly Diagnostic[], options: ReportOptions): Iterable<string> {
  if (diagnostics.length === 0) return [];
  if (options.color) return [stylish(diagnostics, options)];
  return pieces(diagnostics, options, new Chalk({ level: 0 }));
}

function* pieces(diagnostics: readonly Diagnostic[], options: ReportOptions, c: InstanceType<typeof Chalk>): Generator<string> {
  yield '\n';
  for (const group of groupByFile(diagnostics, options.files)) {
    yield `${c.underline(group.file)}\n`;

    const rows = group.diagnostics.map((d) => {
      const [first = '', ...rest] = d.message.includes('\n') || d.message.includes('\r') ? d.message.split(/\r\n|\r|\n/) : [d.message];
      return {
        line: String(d.line || 0),
        column: String(d.column || 0),
        severity: d.severity,
        message: first,
        more: rest,
        rule: d.rule,
      };
    });
    const width = {
      line: Math.max(...rows.map((r) => r.line.length)),
      column: Math.max(...rows.map((r) => r.column.length)),
      severity: Math.max(...rows.map((r) => r.severity.length)),
      message: Math.max(...rows.map((r) => r.message.length)),
    };

    for (let i = 0; i < rows.length; i += ROWS_PER_PIECE) {
      const lines: string[] = [];
      for (const r of rows.slice(i, i + ROWS_PER_PIECE)) {
        // text-table: ['', line, column, severity, message, rule] joined by '  ';
        // ESLint then replaces /(\d+)\s+(\d+)/ by a dimmed `line:column`.
        const position = `${pad(width.line - r.line.length)}${c.dim(`${r.line}:${r.column}`)}`;
        const severity = r.severity === 'error' ? c.red(r.severity) : c.yellow(r.severity);
        const row =
          `  ${position}${pad(width.column - r.column.length)}` +
          `  ${severity}${pad(width.severity - r.severity.length)}` +
          `  ${r.message}${pad(width.message - r.message.length)}` +
          `  ${c.dim(r.rule)}`;
        // Only a row whose rule cell is blank can end in spaces: trimming every row would copy each
        // one into a flat string of its own before join() copies them again; and trimEnd, not
        // /\s+$/, which rescans every run of padding from each of its spaces (seconds for 70,000 rows).
        lines.push(/\S$/.test(r.rule) ? row : row.trimEnd());
        if (r.more.length > 0) {
          const indent = ' '.repeat(2 + width.line + 1 + width.column + 2 + width.severity + 2);
          for (const more of r.more) lines.push(`${indent}${more}`.trimEnd());
        }
      }
      yield `${lines.join('\n')}${i + ROWS_PER_PIECE >= rows.length ? '\n\n' : '\n'}`;
    }
  }

  const { errors, warnings } = countBySeverity(diagnostics);
  const total = errors + warnings;
  const summary =
    `\u2716 ${total}${pluralize(' problem', total)} ` +
    `(${errors}${pluralize(' error', errors)}, ${warnings}${pluralize(' warning', warnings)})\n`;
  yield errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary);
}
