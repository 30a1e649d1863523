import { ACCOUNT_FIELD_TYPES, ACCOUNT_FIELDS, type AccountField } from '../model/market-accounts.js';
import type { Account } from '../model/market-criteria.js';

const NUMBER_FIELDS = ACCOUNT_FIELDS.filter((f) => {
  const type = ACCOUNT_FIELD_TYPES[f];
  return type === 'integer' || type === 'number';
});
const CODED_FIELDS = ACCOUNT_FIELDS.filter((f) => f !== 'name' && !NUMBER_FIELDS.includes(f));

/**
 * The good rows of an accounts_file, held column by column: a name per row, numbers in typed
 * arrays (NaN for "no data"), and every other cell as a code into the values the file uses, which
 * repeat across thousands of rows (sectors, regions, problem lists). 100,000 rows take about a
 * tenth of what as many account objects would (bench/README.md, "accounts in memory").
 * `account(i)` gives a row back as an ordinary Account; shared lists are frozen.
 */
export class AccountRows {
  private size = 0;
  private names: string[] = [];
  private lines = new Int32Array(1024);
  private readonly numbers = new Map<AccountField, Float64Array>();
  private readonly codes = new Map<AccountField, Uint32Array>();
  /** Code 0 is "no data"; codes of texts, lists and booleans are kept apart. */
  private readonly values: unknown[] = [undefined];
  private readonly textCodes = new Map<string, number>();
  private readonly listCodes = new Map<string, number>();
  private readonly booleanCodes = new Map<boolean, number>();
  /** The rows' own `x-` cells, when the file was read keeping them (render --format csv). */
  private readonly owns: Array<Record<string, string> | undefined> = [];

  constructor() {
    for (const f of NUMBER_FIELDS) this.numbers.set(f, new Float64Array(1024).fill(NaN));
    for (const f of CODED_FIELDS) this.codes.set(f, new Uint32Array(1024));
  }

  get length(): number {
    return this.size;
  }

  push(account: Account, line: number): void {
    if (this.size === this.lines.length) this.grow();
    const i = this.size++;
    this.names.push(detached(account.name));
    this.lines[i] = line;
    const fields = account as unknown as Record<string, unknown>;
    for (const [field, column] of this.numbers) {
      const value = fields[field];
      if (typeof value === 'number') column[i] = value;
    }
    for (const [field, column] of this.codes) {
      const value = fields[field];
      if (value !== undefined) column[i] = this.codeOf(value);
    }
    if (account.own !== undefined) this.owns[i] = account.own;
  }

  /** The line of the file the row starts on. */
  line(i: number): number {
    return this.lines[i]!;
  }

  /** Row `i` as an account; `withOwn`: with its own `x-` cells, if they were kept. */
  account(i: number, withOwn = false): Account {
    const account: Record<string, unknown> = { name: this.names[i] };
    for (const field of ACCOUNT_FIELDS) {
      const numbers = this.numbers.get(field);
      if (numbers) {
        const value = numbers[i]!;
        if (!Number.isNaN(value)) account[field] = value;
        continue;
      }
      const code = this.codes.get(field)?.[i];
      if (code) account[field] = this.values[code];
    }
    const own = withOwn ? this.owns[i] : undefined;
    if (own !== undefined) account.own = own;
    return account as unknown as Account;
  }

  private codeOf(value: unknown): number {
    if (typeof value === 'boolean') return this.code(this.booleanCodes, value, value);
    if (Array.isArray(value))
      return this.code(this.listCodes, JSON.stringify(value), Object.freeze([...value] as string[]));
    return this.code(this.textCodes, String(value), value);
  }

  private code<K>(codes: Map<K, number>, key: K, value: unknown): number {
    let code = codes.get(key);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      codes.set(key, code);
    }
    return code;
  }

  private grow(): void {
    const capacity = this.lines.length * 2;
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    this.lines = lines;
    for (const [field, column] of this.numbers) {
      const next = new Float64Array(capacity).fill(NaN);
      next.set(column);
      this.numbers.set(field, next);
    }
    for (const [field, column] of this.codes) {
      const next = new Uint32Array(capacity);
      next.set(column);
      this.codes.set(field, next);
    }
  }
}

/**
 * `text` copied out of the string it was cut from: a cell is a slice of a 16 KB chunk of the
 * file's text, so keeping the slices of 100,000 names would keep the whole file's text alive.
 * A JSON round trip makes one flat string of the same text (any text, lone surrogates too); a
 * concatenation sliced again would be a slice of its own copy, another object per name.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
