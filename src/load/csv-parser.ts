/**
 * A streaming RFC 4180 parser that knows where it is. Text arrives in chunks (already decoded);
 * each record comes out with the line it starts on and the line and column of every cell, so a
 * diagnostic about a cell needs no second look at the file. Records are handed out and not kept.
 *
 * Line breaks are LF, CRLF or a lone CR, in any mix. A line with nothing on it is not a record.
 * Quotes: a cell that starts with `"` runs to the next lone `"`, a doubled `""` inside is one quote,
 * and only a comma or a line break may follow the closing quote. A quote anywhere else is an
 * error, as are a closing quote followed by other text and a quote still open at the end.
 */

export interface CsvRecord {
  cells: string[];
  /** 1-based line the record starts on. */
  line: number;
  /** Per cell: the line and the 1-based column (UTF-16 units) of its first character. */
  cellLines: number[];
  cellColumns: number[];
}

export interface CsvSyntaxError {
  line: number;
  column: number;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
const LF = 10;
const CR = 13;

const ADVICE = 'a quoted cell must end with a quote, and a quote inside a quoted cell is written twice ("")';

const enum Mode {
  /** At the start of a cell (or of a record). */
  CellStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted cell: the cell's end or the first of a doubled quote. */
  QuoteInQuoted,
}

export class CsvParser {
  private mode = Mode.CellStart;
  private cells: string[] = [];
  private cellLines: number[] = [];
  private cellColumns: number[] = [];
  /** The current cell's text from earlier chunks (or before a doubled quote). */
  private pending = '';
  private line = 1;
  /** Offset (over all text written) of the current line's first character. */
  private lineStart = 0;
  /** Offset of the current chunk's first character. */
  private base = 0;
  private afterCr = false;
  private recordLine = 0;
  private quoteLine = 0;
  private quoteColumn = 0;
  private failed: CsvSyntaxError | undefined;

  /** `separator`: the character code between cells, a comma unless the file uses `;` or tabs (see separatorOf). */
  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly separator = COMMA,
  ) {}

  /** Where the next character would be: after a write that stopped early, the first unread one. */
  get position(): { line: number; column: number } {
    return { line: this.line, column: this.base - this.lineStart + 1 };
  }

  /** Parse a chunk; returns the syntax error that stopped it (later writes are then ignored). */
  write(text: string): CsvSyntaxError | undefined {
    if (this.failed) return this.failed;
    let start = 0; // where the current cell's text in this chunk begins
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          // The LF of a CRLF: the line was already counted at the CR. Inside quotes it is text.
          this.lineStart = this.base + i + 1;
          if (this.mode !== Mode.Quoted) start = i + 1;
          continue;
        }
      }
      switch (this.mode) {
        case Mode.CellStart:
          if (c === QUOTE) {
            this.openCell(i);
            this.quoteLine = this.line;
            this.quoteColumn = this.columnAt(i);
            this.mode = Mode.Quoted;
            start = i + 1;
          } else if (c === this.separator) {
            this.openCell(i);
            this.cells.push('');
            start = i + 1;
          } else if (c === LF || c === CR) {
            if (this.cells.length > 0) {
              this.openCell(i); // the empty last cell after a trailing comma
              this.cells.push('');
              this.emit();
            }
            this.newLine(i, c);
            start = i + 1;
          } else {
            this.openCell(i);
            this.mode = Mode.Unquoted;
            start = i;
          }
          break;
        case Mode.Unquoted:
          if (c === this.separator) {
            this.cells.push(this.pending + text.slice(start, i));
            this.pending = '';
            this.mode = Mode.CellStart;
            start = i + 1;
          } else if (c === LF || c === CR) {
            this.cells.push(this.pending + text.slice(start, i));
            this.pending = '';
            this.emit();
            this.newLine(i, c);
            this.mode = Mode.CellStart;
            start = i + 1;
          } else if (c === QUOTE) {
            return this.fail(
              i,
              `CSV syntax: a quote (") inside a cell that does not start with one; start and end the cell with a quote, and write a quote inside it twice ("")`,
            );
          }
          break;
        case Mode.Quoted:
          if (c === QUOTE) {
            this.pending += text.slice(start, i);
            this.mode = Mode.QuoteInQuoted;
          } else if (c === LF || c === CR) {
            this.newLine(i, c);
          }
          break;
        case Mode.QuoteInQuoted:
          if (c === QUOTE) {
            // A doubled quote: one quote of the text, and the cell goes on.
            this.mode = Mode.Quoted;
            start = i;
          } else if (c === this.separator) {
            this.cells.push(this.pending);
            this.pending = '';
            this.mode = Mode.CellStart;
            start = i + 1;
          } else if (c === LF || c === CR) {
            this.cells.push(this.pending);
            this.pending = '';
            this.emit();
            this.newLine(i, c);
            this.mode = Mode.CellStart;
            start = i + 1;
          } else {
            return this.fail(
              i,
              `CSV syntax: ${JSON.stringify(text[i])} follows the closing quote of a cell, where a comma or a line break should be; ${ADVICE}`,
            );
          }
          break;
      }
    }
    if (this.mode === Mode.Unquoted || this.mode === Mode.Quoted) this.pending += text.slice(start, n);
    this.base += n;
    return undefined;
  }

  /** The end of the text: the last record may lack its line break; an open quote is an error. */
  end(): CsvSyntaxError | undefined {
    if (this.failed) return this.failed;
    if (this.mode === Mode.Quoted) {
      return (this.failed = {
        line: this.quoteLine,
        column: this.quoteColumn,
        message: `CSV syntax: a quoted cell is still open at the end of the file; ${ADVICE}`,
      });
    }
    if (this.mode !== Mode.CellStart || this.cells.length > 0) {
      if (this.mode === Mode.CellStart) this.openCell(0); // the empty last cell after a trailing comma
      this.cells.push(this.pending);
      this.pending = '';
      this.emit();
    }
    this.mode = Mode.CellStart;
    return undefined;
  }

  private openCell(i: number): void {
    if (this.cells.length === 0) this.recordLine = this.line;
    this.cellLines.push(this.line);
    this.cellColumns.push(this.columnAt(i));
  }

  private columnAt(i: number): number {
    return this.base + i - this.lineStart + 1;
  }

  private newLine(i: number, c: number): void {
    this.line++;
    this.lineStart = this.base + i + 1;
    this.afterCr = c === CR;
  }

  private emit(): void {
    const record: CsvRecord = {
      cells: this.cells,
      line: this.recordLine,
      cellLines: this.cellLines,
      cellColumns: this.cellColumns,
    };
    this.cells = [];
    this.cellLines = [];
    this.cellColumns = [];
    this.onRecord(record);
  }

  private fail(i: number, message: string): CsvSyntaxError {
    this.failed = { line: this.line, column: this.columnAt(i), message };
    return this.failed;
  }
}

/**
 * The separator of a CSV from its first line: a comma, unless that line has no comma but has
 * semicolons (what Excel writes where the decimal mark is a comma) or tabs (TSV).
 */
export function separatorOf(firstLine: string): { code: number; name: 'comma' | 'semicolon' | 'tab' } {
  if (firstLine.includes(',')) return { code: COMMA, name: 'comma' };
  if (firstLine.includes(';')) return { code: SEMICOLON, name: 'semicolon' };
  if (firstLine.includes('\t')) return { code: TAB, name: 'tab' };
  return { code: COMMA, name: 'comma' };
}
