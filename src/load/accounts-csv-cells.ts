import { ACCOUNT_FIELD_TYPES, ACCOUNT_FIELDS, type AccountField } from '../model/market-accounts.js';
import { isRecord } from '../model/completeness.js';
import type { Account } from '../model/market-criteria.js';
import { didYouMean } from '../schema/suggest.js';
import { CRM_HEADERS } from './crm-headers.js';

/** A problem with one cell: `index` is the 0-based position of the cell in its record. */
export interface CellProblem {
  index: number;
  message: string;
}

/** Which account field each CSV column holds; null for `x-` columns, which scoring ignores. */
export type ColumnMap = ReadonlyArray<AccountField | null>;

/** The `x-` columns of a header: the cell's position and its header as written (trimmed). */
export type OwnColumns = ReadonlyArray<{ index: number; name: string }>;

/** A market's `accounts_columns`: CSV header (lower case, trimmed) → the account field it holds. */
export type ColumnMapping = ReadonlyMap<string, AccountField>;

/**
 * SPEC 7: header names are account fields, case-insensitive and trimmed, or headers the market maps
 * in `accounts_columns`; `x-` columns are the user's own. An unknown column close to a field or
 * to a common CRM header gets a did-you-mean and the `accounts_columns` line to add.
 */
export function readHeader(
  cells: readonly string[],
  mapping: ColumnMapping = new Map(),
): { columns: ColumnMap; own: OwnColumns; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const own: Array<{ index: number; name: string }> = [];
  const seen = new Set<AccountField>();
  const columns = cells.map((cell, index): AccountField | null => {
    const name = cell.trim().toLowerCase();
    const mapped = mapping.get(name);
    if (name.startsWith('x-') && mapped === undefined) {
      own.push({ index, name: cell.trim() });
      return null;
    }
    const field = mapped ?? ((ACCOUNT_FIELDS as string[]).includes(name) ? (name as AccountField) : undefined);
    if (field === undefined) {
      problems.push({ index, message: unknownColumn(cell.trim()) });
      return null;
    }
    if (seen.has(field)) problems.push({ index, message: `column "${field}" appears twice in the header; keep one` });
    seen.add(field);
    return field;
  });
  if (!seen.has('name'))
    problems.push({
      index: 0,
      message: 'the header has no "name" column; every account needs a name, so no row can be read',
    });
  return { columns, own, problems };
}

/** A market's accounts_columns as readHeader compares headers: trimmed, lower case; entries of the wrong type are schema errors and left out. */
export function columnMapping(value: unknown): Map<string, AccountField> {
  const mapping = new Map<string, AccountField>();
  if (!isRecord(value)) return mapping;
  for (const [header, field] of Object.entries(value))
    if (typeof field === 'string' && (ACCOUNT_FIELDS as string[]).includes(field))
      mapping.set(header.trim().toLowerCase(), field as AccountField);
  return mapping;
}

function unknownColumn(header: string): string {
  const name = header.toLowerCase();
  const known = `columns are account fields (${ACCOUNT_FIELDS.join(', ')}), headers mapped in the market's accounts_columns, or start with x- for your own`;
  const crm = CRM_HEADERS[name] ?? CRM_HEADERS[didYouMean(name, Object.keys(CRM_HEADERS)) ?? ''];
  const field = crm ?? didYouMean(name, ACCOUNT_FIELDS);
  if (field === undefined) return `unknown column "${header}"; ${known}`;
  return `unknown column "${header}" (did you mean "${field}"?); to read it as ${field}, add to the market: accounts_columns: { ${JSON.stringify(header)}: ${field} }; ${known}`;
}

/**
 * One data row → an account, or the problems of its cells. Empty cells are "no data" (SPEC 7).
 * A row with any bad cell yields no account: it is reported and left out of scoring.
 */
export function readRow(
  cells: readonly string[],
  columns: ColumnMap,
  own?: OwnColumns,
): { account?: Account; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  if (cells.length !== columns.length) {
    const index = Math.min(cells.length, columns.length) - (cells.length < columns.length ? 1 : 0);
    problems.push({
      index: Math.max(index, 0),
      message: `the row has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${columns.length}; quote cells that contain commas or line breaks ("Smith, Jones Ltd")`,
    });
    return { problems };
  }
  const account: Record<string, unknown> = {};
  columns.forEach((field, index) => {
    if (field === null) return;
    const text = cells[index]!.trim();
    if (text === '') return;
    const value = convert(field, text);
    if (typeof value === 'object' && value !== null && 'problem' in value)
      problems.push({ index, message: value.problem });
    else account[field] = value;
  });
  if (own !== undefined && own.length > 0) {
    const values: Record<string, string> = {};
    let any = false;
    for (const { index, name } of own) {
      const text = cells[index]!.trim();
      if (text === '') continue;
      values[name] = text;
      any = true;
    }
    if (any) account.own = values;
  }
  if (account.name === undefined && problems.length === 0)
    problems.push({ index: columns.indexOf('name'), message: 'the name cell is empty; every account needs a name' });
  return problems.length > 0 ? { problems } : { account: account as unknown as Account, problems };
}

type Converted = string | number | boolean | string[] | { problem: string };

const WHOLE = /^\d+$/;
const LOOSE_SPACE = /\s\s|[^\S ]/;
const DECIMAL = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;

function convert(field: AccountField, text: string): Converted {
  switch (ACCOUNT_FIELD_TYPES[field]) {
    case 'text':
      // A CRM name with a line break in it still reads as one line (most cells need nothing done).
      return LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
    case 'list': {
      const items = text
        .split(';')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      return items;
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (word === 'true' || word === 'yes') return true;
      if (word === 'false' || word === 'no') return false;
      return {
        problem: `${field} "${text}" is not a yes/no value; write true, false, yes or no (or leave the cell empty when unknown)`,
      };
    }
    case 'integer':
      return WHOLE.test(text) ? Number(text) : { problem: numberProblem(field, text, 'a whole number') };
    case 'number':
      return DECIMAL.test(text) ? Number(text) : { problem: numberProblem(field, text, 'a number') };
  }
}

/** Name the likely cause: CRM exports often format numbers for people, not for programs. */
function numberProblem(field: AccountField, text: string, what: string): string {
  const digits = text.replace(/[^\d.]/g, '');
  const example = /\d/.test(digits) ? ` (e.g. ${digits.replace(/\.$/, '')})` : '';
  let cause = '';
  if (/^-/.test(text)) cause = '; it cannot be negative';
  else if (/[£$€¥]|^[A-Z]{3}\s*\d/.test(text))
    cause = "; remove the currency symbol — the currency is the market's `currency`";
  else if (/\d[,\s'’]\d/.test(text)) cause = '; remove the thousands separators';
  else if (/%$/.test(text)) cause = '; remove the percent sign';
  return `${field} "${text}" is not ${what}${cause}${example ? `, and write digits only${example}` : ''}`;
}
