/**
 * Line numbers for a CSV that is read in chunks. csv-parse reports the byte offset where each
 * record ends (its line counter double-counts CRLF inside quoted cells), so this keeps the bytes
 * of the record being read, and no more: memory stays flat however many rows the file has.
 */
export class CsvLines {
  private chunks: Buffer[] = [];
  /** Absolute offset of chunks[0]. */
  private base = 0;
  /** Offset just after the last record handed out, and the line it is on. */
  private consumed = 0;
  private line = 1;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /**
   * The record that ends at `end` (after its line break): the line it starts on and its text.
   * Blank lines csv-parse skipped before it are counted, not returned. Walks the kept chunks in
   * place: `text` copies the record out only when a diagnostic needs it, before the next `take`.
   */
  take(end: number): { line: number; text: () => string } {
    this.drop();
    const from = this.consumed;
    let newlines = 0;
    let start = -1; // first byte of the record itself, after any skipped blank lines
    let startNewlines = 0;
    let offset = this.base;
    for (const chunk of this.chunks) {
      const lo = Math.max(from - offset, 0);
      const hi = Math.min(end - offset, chunk.length);
      for (let i = lo; i < hi && start === -1; i++) {
        if (chunk[i] !== 0x0a && chunk[i] !== 0x0d) {
          start = offset + i;
          startNewlines = newlines + countNewlines(chunk, lo, i);
        }
      }
      if (hi > lo) newlines += countNewlines(chunk, lo, hi);
      offset += chunk.length;
      if (offset >= end) break;
    }
    const line = this.line + (start === -1 ? newlines : startNewlines);
    const textFrom = start === -1 ? end : start;
    this.line += newlines;
    this.consumed = end;
    return { line, text: () => this.slice(textFrom, end).toString('utf8') };
  }

  /** Line and column of an absolute offset at or after the last record (a syntax or encoding error). */
  positionOf(offset: number): { line: number; column: number } {
    const bytes = this.slice(this.consumed, Math.max(offset, this.consumed));
    const lastBreak = bytes.lastIndexOf(0x0a);
    const column = bytes.subarray(lastBreak + 1).toString('utf8').length + 1;
    return { line: this.line + countNewlines(bytes, 0, bytes.length), column };
  }

  private slice(from: number, to: number): Buffer {
    const parts: Buffer[] = [];
    let offset = this.base;
    for (const chunk of this.chunks) {
      const lo = Math.max(from - offset, 0);
      const hi = Math.min(to - offset, chunk.length);
      if (hi > lo) parts.push(chunk.subarray(lo, hi));
      offset += chunk.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  private drop(): void {
    while (this.chunks.length > 0 && this.base + this.chunks[0]!.length <= this.consumed) this.base += this.chunks.shift()!.length;
  }
}

function countNewlines(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a, from); i !== -1 && i < to; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Where cell `index` of a record starts, relative to the record's first line. Used only to point
 * a diagnostic at a bad cell: the values themselves always come from csv-parse.
 */
export function cellPosition(record: string, index: number): { lineOffset: number; column: number } {
  let lineOffset = 0;
  let column = 1;
  let cell = 0;
  let quoted = false;
  for (let i = 0; i < record.length && cell < index; i++) {
    const c = record[i];
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') {
        i++;
        column++;
      } else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') cell++;
    else if (c === '\n') break;
    if (c === '\n') {
      lineOffset++;
      column = 1;
    } else column++;
  }
  return { lineOffset, column };
}
