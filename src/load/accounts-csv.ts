import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isInside } from '../util/paths.js';
import type { Account } from '../model/market-criteria.js';
import {
  readHeader,
  readRow,
  type CellProblem,
  type ColumnMap,
  type ColumnMapping,
  type OwnColumns,
} from './accounts-csv-cells.js';
import { CsvParser, separatorOf, type CsvRecord, type CsvSyntaxError } from './csv-parser.js';
import { Utf8Text } from './utf8-text.js';
import { AccountRows } from './account-rows.js';

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
  /** The market's accounts_columns: CSV headers read as account fields. */
  columns?: ColumnMapping;
  /** Keep each row's `x-` cells on the account (`own`); scoring does not need them. */
  keepOwnColumns?: boolean;
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
  /** The cell separator, found from the header line. */
  separator?: 'comma' | 'semicolon' | 'tab';
}

/**
 * Stream an accounts CSV (SPEC 7, "CSV accounts") row by row into callbacks. Rows are never
 * kept, so 100,000 rows cost what 100 do. The bytes are checked to be UTF-8 as they are decoded;
 * CsvParser splits the text (RFC 4180: quoted commas, line breaks and doubled quotes) and knows
 * the line and column of every cell; readRow gives the cells their types.
 */
export async function readAccountsCsv(absPath: string, options: AccountsCsvOptions): Promise<AccountsCsvResult> {
  const opened = await checkFile(absPath, options.maxBytes, options.within);
  if (opened) return opened;
  const result: AccountsCsvResult = { status: 'read', rows: 0, badRows: 0 };
  let columns: ColumnMap | undefined;
  let own: OwnColumns | undefined;

  const report = (record: CsvRecord, problems: CellProblem[]) => {
    for (const p of problems) {
      const cell = Math.min(p.index, record.cells.length - 1);
      options.onProblem({ line: record.cellLines[cell]!, column: record.cellColumns[cell]!, message: p.message });
    }
  };
  const onRecord = (record: CsvRecord) => {
    const { cells } = record;
    if (columns === undefined) {
      const header = readHeader(cells, options.columns);
      columns = header.columns.includes('name') ? header.columns : [];
      if (options.keepOwnColumns) own = header.own;
      report(record, header.problems);
      return;
    }
    if (isBlank(cells)) return; // a blank row (",,,,") is not an account
    result.rows++;
    const row = columns.length > 0 ? readRow(cells, columns, own) : { problems: [] };
    if (row.account) options.onAccount(row.account, record.line);
    else {
      result.badRows++;
      report(record, row.problems);
    }
  };
  // The separator is read off the header line, in the first chunk of text.
  let parser: CsvParser | undefined;
  const parserFor = (text: string) => {
    if (parser) return parser;
    const separator = separatorOf(text.split(/\r?\n|\r/, 1)[0] ?? '');
    result.separator = separator.name;
    return (parser = new CsvParser(onRecord, separator.code));
  };

  let failure: CsvSyntaxError | undefined;
  const text = new Utf8Text();
  for await (const raw of createReadStream(absPath, { highWaterMark: 16 * 1024 }) as AsyncIterable<Buffer>) {
    const decoded = text.decode(raw);
    failure = parserFor(decoded.text).write(decoded.text);
    if (!failure && decoded.invalid)
      failure = {
        ...parserFor('').position,
        message: 'the file is not valid UTF-8 text; re-save it as "CSV UTF-8" (Excel) or with UTF-8 encoding',
      };
    if (failure) break;
  }
  failure ??= text.end()
    ? {
        ...parserFor('').position,
        message:
          'the file ends inside a character that is not valid UTF-8; re-save it as "CSV UTF-8" (Excel) or with UTF-8 encoding',
      }
    : parserFor('').end();
  if (failure) {
    result.stoppedAtLine = failure.line;
    options.onProblem({ ...failure, message: `${failure.message}; rows after this point were not read` });
  }
  return result;
}

/** An accounts_file read whole: its good rows (with the line each starts on) and its problems. */
export interface AccountsTable {
  /** Display path of the CSV. */
  path: string;
  result: AccountsCsvResult;
  rows: AccountRows;
  problems: CsvProblem[];
}

/** Read an accounts CSV into an AccountsTable (what the market model scores). */
export async function loadAccountsCsv(
  absPath: string,
  displayPath: string,
  options: Omit<AccountsCsvOptions, 'onAccount' | 'onProblem'>,
): Promise<AccountsTable> {
  const rows = new AccountRows();
  const problems: CsvProblem[] = [];
  const result = await readAccountsCsv(absPath, {
    ...options,
    onAccount: (account, line) => rows.push(account, line),
    onProblem: (problem) => problems.push(problem),
  });
  return { path: displayPath, result, rows, problems };
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

async function checkFile(
  absPath: string,
  maxBytes: number,
  within: string | undefined,
): Promise<AccountsCsvResult | undefined> {
  const empty = { rows: 0, badRows: 0 };
  const outside = {
    ...empty,
    status: 'unreadable' as const,
    message: 'is outside the workspace; keep account files inside the workspace folder',
  };
  if (within !== undefined && !isInside(absPath, within)) return outside;
  try {
    // Through a symbolic link a path inside the workspace may still lead out of it.
    if (within !== undefined && !isInside(await realpath(absPath), await realpath(within).catch(() => within)))
      return outside;
    const info = await stat(absPath);
    if (!info.isFile()) return { ...empty, status: 'unreadable', message: 'is not a file' };
    if (info.size > maxBytes)
      return {
        ...empty,
        status: 'unreadable',
        message: `is ${info.size} bytes, more than limits.maxCsvBytes (${maxBytes}); raise the limit in personakit.yaml or split the file`,
      };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { ...empty, status: 'missing', message: 'does not exist' }
      : { ...empty, status: 'unreadable', message: `cannot be read (${code ?? (e as Error).message})` };
  }
  return undefined;
}
