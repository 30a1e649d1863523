import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import type { Account } from '../model/market-criteria.js';
import { readHeader, readRow, type CellProblem, type ColumnMap } from './accounts-csv-cells.js';
import { cellPosition, CsvLines } from './csv-lines.js';

/** A problem in the CSV, at a 1-based line and column of the file. */
export interface CsvProblem {
  line: number;
  column: number;
  message: string;
}

export interface AccountsCsvOptions {
  /** limits.maxCsvBytes: larger files are not read. */
  maxBytes: number;
  /**
   * The folder the file must be inside (the workspace). A market file from an untrusted
   * repository must not make CI read, and echo cells of, files elsewhere on the machine.
   */
  within?: string;
  /** Called for every good row, in file order, with the line the row starts on. */
  onAccount(account: Account, line: number): void;
  /** Called for every problem (bad cells, bad header, a syntax or encoding error). */
  onProblem(problem: CsvProblem): void;
}

export interface AccountsCsvResult {
  /** `missing` / `unreadable`: nothing was read and `message` says why. */
  status: 'read' | 'missing' | 'unreadable';
  message?: string;
  /** Data rows met (blank rows are not rows). */
  rows: number;
  /** Rows left out of scoring because a cell (or the header) is wrong. */
  badRows: number;
  /** Line of a syntax or encoding error that stopped reading; rows before it still count. */
  stoppedAtLine?: number;
}

/**
 * Stream an accounts CSV (SPEC 7, "CSV accounts") row by row into callbacks. Rows are never
 * kept, so 100,000 rows cost what 100 do. csv-parse does the parsing (RFC 4180: quoted commas,
 * line breaks and doubled quotes); this adds line numbers, UTF-8 checking and the cell types.
 */
export async function readAccountsCsv(absPath: string, options: AccountsCsvOptions): Promise<AccountsCsvResult> {
  const opened = await checkFile(absPath, options.maxBytes, options.within);
  if (opened) return opened;
  const { parse } = await import('csv-parse');
  const result: AccountsCsvResult = { status: 'read', rows: 0, badRows: 0 };
  const lines = new CsvLines();
  let columns: ColumnMap | undefined;
  let internal: unknown;

  const report = (record: { line: number; text: () => string }, problems: CellProblem[]) => {
    const text = record.text();
    for (const p of problems) {
      const at = cellPosition(text, p.index);
      options.onProblem({ line: record.line + at.lineOffset, column: at.column, message: p.message });
    }
  };
  const onRecord = (cells: string[], end: number) => {
    const record = lines.take(end);
    if (columns === undefined) {
      const header = readHeader(cells);
      columns = header.columns.includes('name') ? header.columns : [];
      report(record, header.problems);
      return;
    }
    if (cells.every((c) => c.trim() === '')) return; // a blank row (",,,,") is not an account
    result.rows++;
    const row = columns.length > 0 ? readRow(cells, columns) : { problems: [] };
    if (row.account) options.onAccount(row.account, record.line);
    else {
      result.badRows++;
      report(record, row.problems);
    }
  };
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (cells: string[], info: { bytes: number }) => {
      try {
        onRecord(cells, info.bytes);
      } catch (e) {
        internal ??= e; // our bug, not the file's: rethrown below rather than reported as CSV syntax
      }
      return null; // fold, do not buffer: nothing is pushed downstream
    },
  });
  parser.on('error', () => undefined); // errors arrive through the write and end callbacks below
  parser.resume();
  const write = (chunk: Buffer) => new Promise<Error | null | undefined>((resolve) => parser.write(chunk, resolve));

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let failure: { offset: number; message: string } | undefined;
  for await (const raw of createReadStream(absPath) as AsyncIterable<Buffer>) {
    // A BOM is not part of the first header name; offsets count from after it.
    const chunk = offset === 0 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
    lines.push(chunk);
    const bad = invalidUtf8At(decoder, chunk);
    const error = await write(bad === -1 ? chunk : chunk.subarray(0, bad));
    if (error) failure = syntaxFailure(error, offset);
    else if (bad !== -1) failure = { offset: offset + bad, message: 'the file is not valid UTF-8 text; re-save it as "CSV UTF-8" (Excel) or with UTF-8 encoding' };
    offset += chunk.length;
    if (failure) break;
  }
  if (!failure) {
    const error = await new Promise<Error | null | undefined>((resolve) => parser.end(resolve));
    if (error) failure = syntaxFailure(error, offset);
  } else parser.destroy();
  if (internal) throw internal;
  if (failure) {
    const at = lines.positionOf(failure.offset);
    result.stoppedAtLine = at.line;
    options.onProblem({ ...at, message: `${failure.message}; rows after this point were not read` });
  }
  return result;
}

async function checkFile(absPath: string, maxBytes: number, within: string | undefined): Promise<AccountsCsvResult | undefined> {
  const empty = { rows: 0, badRows: 0 };
  const outside = { ...empty, status: 'unreadable' as const, message: 'is outside the workspace; keep account files inside the workspace folder' };
  if (within !== undefined && !isInside(absPath, within)) return outside;
  try {
    // Through a symbolic link a path inside the workspace may still lead out of it.
    if (within !== undefined && !isInside(await realpath(absPath), await realpath(within).catch(() => within))) return outside;
    const info = await stat(absPath);
    if (!info.isFile()) return { ...empty, status: 'unreadable', message: 'is not a file' };
    if (info.size > maxBytes) return { ...empty, status: 'unreadable', message: `is ${info.size} bytes, more than limits.maxCsvBytes (${maxBytes}); raise the limit in personakit.yaml or split the file` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ...empty, status: 'missing', message: 'does not exist' } : { ...empty, status: 'unreadable', message: `cannot be read (${code ?? (e as Error).message})` };
  }
  return undefined;
}

function isInside(target: string, folder: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Offset of the first byte of `chunk` that is not valid UTF-8, or -1. Sequences split across chunks are fine. */
function invalidUtf8At(decoder: TextDecoder, chunk: Buffer): number {
  try {
    decoder.decode(chunk, { stream: true });
    return -1;
  } catch {
    // Rare: find the first bad byte by bisecting with fresh decoders (stream mode tolerates a cut sequence).
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, mid + 1), { stream: true });
        lo = mid + 1;
      } catch {
        hi = mid;
      }
    }
    return lo;
  }
}

/** csv-parse's messages name its own line count (wrong after CRLF in quotes); ours is in the diagnostic's position. */
function syntaxFailure(error: Error, offset: number): { offset: number; message: string } {
  const at = (error as { bytes?: unknown }).bytes;
  return { offset: typeof at === 'number' ? at : offset, message: syntaxMessage(error.message) };
}

function syntaxMessage(message: string): string {
  const text = message.replace(/\s+(at|on) line \d+/g, '');
  if (/quote/i.test(text)) return `CSV syntax: ${text}; a quoted cell must end with a quote, and a quote inside a quoted cell is written twice ("")`;
  return `CSV syntax: ${text}`;
}
