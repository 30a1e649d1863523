import { Chalk } from 'chalk';
import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import { plural } from '../util/plural.js';
import { inPieces } from './pieces.js';
import type { ReportOptions } from './types.js';
import { groupByFile } from './util.js';

/** Runs of spaces, one string per width: 70,000 rows share a handful instead of each allocating its own. */
const spaces: string[] = [];
function pad(width: number): string {
  if (width <= 0) return '';
  return (spaces[width] ??= ' '.repeat(width));
}

/** The width of a number as stylish prints it (0 for a missing position). */
function digits(n: number): number {
  return String(n || 0).length;
}

/** A message's first line: the table shows it, the other lines go below the row. */
function firstLine(message: string): string {
  // indexOf rather than a regular expression: this reads every message of 70,000 rows.
  const lf = message.indexOf('\n');
  const cr = message.indexOf('\r');
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  return end < 0 ? message : message.slice(0, end);
}

/**
 * How wide the message column is drawn. Not on a terminal: 0, no padding (a log or a file gains
 * nothing from aligned rule ids, and one long message would pad every row). On a terminal: as
 * wide as the longest message, but never so wide that a row runs past the terminal's edge; longer
 * messages wrap under the message column. A terminal too narrow for a readable column gets no
 * padding either.
 */
function messageColumn(terminal: number | undefined, messageAt: number, longest: number, rule: number): number {
  if (terminal === undefined) return 0;
  const room = terminal - messageAt - 2 - rule;
  return room < 20 ? 0 : Math.min(longest, room);
}

/** Lines of at most `width` characters, broken at spaces where there are any. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  lines.push(rest);
  return lines;
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
 * the message column. The message column is padded only on a terminal, and only
 * up to its width (`options.width`); see messageColumn.
 */
export function stylish(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  if (diagnostics.length === 0) return '';
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // ESLint resets the colour around the whole output so nothing leaks to the terminal.
  return c.reset([...pieces(diagnostics, options, c)].join(''));
}

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

    // Column widths in one pass, and each row drawn only when its piece is: 70,000 rows held as
    // row objects (with their number strings and message lines) were ~10 MB more at the peak.
    const rows = group.diagnostics;
    const width = { line: 0, column: 0, severity: 0, message: 0, rule: 0 };
    for (let i = 0; i < rows.length; i++) {
      const d = rows.at(i)!;
      width.line = Math.max(width.line, digits(d.line));
      width.column = Math.max(width.column, digits(d.column));
      width.severity = Math.max(width.severity, d.severity.length);
      // The message column is padded only on a terminal.
      if (options.width !== undefined) width.message = Math.max(width.message, firstLine(d.message).length);
      width.rule = Math.max(width.rule, d.rule.length);
    }
    const messageAt = 2 + width.line + 1 + width.column + 2 + width.severity + 2;
    const messageWidth = messageColumn(options.width, messageAt, width.message, width.rule);
    const indent = ' '.repeat(messageAt);

    const row = (d: Diagnostic): string => {
      const line = String(d.line || 0);
      const column = String(d.column || 0);
      // Read once: an account misfit words its message each time it is read.
      const full = d.message;
      const first = firstLine(full);
      const [message, ...wrapped] = messageWidth > 0 ? wrap(first, messageWidth) : [first];
      // text-table: ['', line, column, severity, message, rule] joined by '  ';
      // ESLint then replaces /(\d+)\s+(\d+)/ by a dimmed `line:column`.
      const position = `${pad(width.line - line.length)}${c.dim(`${line}:${column}`)}`;
      const severity = d.severity === 'error' ? c.red(d.severity) : c.yellow(d.severity);
      const text =
        `  ${position}${pad(width.column - column.length)}` +
        `  ${severity}${pad(width.severity - d.severity.length)}` +
        `  ${message}${pad(messageWidth - message.length)}` +
        `  ${c.dim(d.rule)}`;
      // Only a row whose rule cell is blank can end in spaces: trimming every row would copy each
      // one into a flat string of its own before it is joined; and trimEnd, not /\s+$/, which
      // rescans every run of padding from each of its spaces (seconds for 70,000 rows).
      let drawn = /\S$/.test(d.rule) ? text : text.trimEnd();
      for (const more of wrapped) drawn += `\n${indent}${more}`;
      if (first.length !== full.length) {
        for (const more of full.split(/\r\n|\r|\n/).slice(1))
          for (const part of messageWidth > 0 ? wrap(more, messageWidth) : [more])
            drawn += `\n${`${indent}${part}`.trimEnd()}`;
      }
      return drawn;
    };
    yield* inPieces(rows, row, '\n');
    yield '\n\n';
  }

  const { errors, warnings } = countBySeverity(diagnostics);
  const total = errors + warnings;
  const summary =
    `\u2716 ${total}${plural(total, ' problem')} ` +
    `(${errors}${plural(errors, ' error')}, ${warnings}${plural(warnings, ' warning')})\n`;
  yield errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary);
}
