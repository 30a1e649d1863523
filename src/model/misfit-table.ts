import { ownCopy } from '../util/own-copy.js';
import type { Account } from './market-criteria.js';
import { scoreAccount, summariseFit, type FitDefinition } from './market-fit.js';

type WordField = 'sector' | 'region' | 'growth_stage' | 'incumbent';
type NumberField = 'employees' | 'revenue';
const WORD_FIELDS: readonly WordField[] = ['sector', 'region', 'growth_stage', 'incumbent'];
const NUMBER_FIELDS: readonly NumberField[] = ['employees', 'revenue'];
const ABSENT = -1;

/**
 * The accounts of one CSV that do not fit, column by column. A 100,000-row export can hold 70,000
 * misfits, each a warning with a ~350-character reason: worded up front, or even kept as one
 * account object each, they made memory grow with the row count. Here a misfit is a line, a name
 * and a few numbers; the words that repeat from row to row (sectors, regions, stages, competitors,
 * problem lists) are stored once. The reason is worded again whenever it is read, from the same
 * values against the same market, so it always reads the same.
 *
 * Only what scoring and its reasons read is kept: annual_spend counts in the totals, not here.
 */
export class MisfitTable {
  private rows = 0;
  // Rows in fixed-size chunks of typed arrays: nothing per row on V8's heap, and no array that
  // keeps growing (each regrowth of a large array leaves the old one as garbage until a full GC).
  private readonly chunks: RowChunk[] = [];
  private readonly names = new NameBytes();
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly problemListIds = new Map<string, number>();
  private readonly problemLists: string[][] = [];

  /**
   * @param file display path of the CSV
   * @param owner display path of the market file the CSV's findings are reported with
   */
  constructor(
    readonly file: string,
    readonly owner: string,
    readonly definition: FitDefinition,
  ) {}

  get size(): number {
    return this.rows;
  }

  /** The CSV line of the misfit at `index`. */
  line(index: number): number {
    return this.chunkOf(index).ints[(index & CHUNK_MASK) * INTS + LINE]!;
  }

  add(line: number, account: Account): void {
    if ((this.rows & CHUNK_MASK) === 0) this.chunks.push(newChunk());
    const chunk = this.chunks[this.chunks.length - 1]!;
    const row = this.rows & CHUNK_MASK;
    const ints = chunk.ints;
    const at = row * INTS;
    ints[at + LINE] = line;
    const name = this.names.append(account.name, this.rows);
    ints[at + NAME] = name.start;
    ints[at + NAME_BYTES] = name.bytes;
    WORD_FIELDS.forEach((field, i) => {
      ints[at + WORDS + i] = this.wordId(account[field]);
    });
    ints[at + PROBLEMS] = account.problems === undefined ? ABSENT : this.problemListId(account.problems);
    ints[at + BUYS] = account.buys_category === undefined ? ABSENT : account.buys_category ? 1 : 0;
    NUMBER_FIELDS.forEach((field, i) => {
      chunk.numbers[row * NUMBER_FIELDS.length + i] = account[field] ?? Number.NaN;
    });
    this.rows++;
  }

  account(index: number): Account {
    const chunk = this.chunkOf(index);
    const row = index & CHUNK_MASK;
    const at = row * INTS;
    const ints = chunk.ints;
    const account: Account = { name: this.names.text(ints[at + NAME]!, ints[at + NAME_BYTES]!, index) };
    WORD_FIELDS.forEach((field, i) => {
      const id = ints[at + WORDS + i]!;
      if (id !== ABSENT) account[field] = this.words[id]!;
    });
    NUMBER_FIELDS.forEach((field, i) => {
      const value = chunk.numbers[row * NUMBER_FIELDS.length + i]!;
      if (!Number.isNaN(value)) account[field] = value;
    });
    const buys = ints[at + BUYS]!;
    if (buys !== ABSENT) account.buys_category = buys === 1;
    const problems = ints[at + PROBLEMS]!;
    if (problems !== ABSENT) account.problems = this.problemLists[problems]!;
    return account;
  }

  /** The account-misfit message of the misfit at `index`. */
  message(index: number): string {
    const account = this.account(index);
    return misfitMessage(account.name, summariseFit(account, scoreAccount(account, this.definition), this.definition));
  }

  private chunkOf(index: number): RowChunk {
    return this.chunks[index >> CHUNK_BITS]!;
  }

  private wordId(word: string | undefined): number {
    if (word === undefined) return ABSENT;
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.push(ownCopy(word)) - 1;
      this.wordIds.set(this.words[id]!, id);
    }
    return id;
  }

  private problemListId(list: readonly string[]): number {
    const key = JSON.stringify(list); // exact: no separator a problem could contain
    let id = this.problemListIds.get(key);
    if (id === undefined) {
      id = this.problemLists.push(list.map(ownCopy)) - 1;
      this.problemListIds.set(key, id);
    }
    return id;
  }
}

const CHUNK_BITS = 11;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
// The whole-number columns of a row, side by side in one Int32Array per chunk.
const LINE = 0;
const NAME = 1;
const WORDS = 2;
const PROBLEMS = WORDS + WORD_FIELDS.length;
const BUYS = PROBLEMS + 1;
const NAME_BYTES = BUYS + 1;
const INTS = NAME_BYTES + 1;
const BLOCK_BYTES = 64 * 1024;
const SURROGATE = /[\uD800-\uDFFF]/;

interface RowChunk {
  ints: Int32Array;
  numbers: Float64Array;
}

function newChunk(): RowChunk {
  return {
    ints: new Int32Array((CHUNK_MASK + 1) * INTS),
    numbers: new Float64Array((CHUNK_MASK + 1) * NUMBER_FIELDS.length),
  };
}

/**
 * The misfits' names as UTF-8 bytes in fixed-size blocks outside V8's heap. Kept as strings, even
 * joined into a few large ones, the names of 70,000 misfits were the bulk of what survived V8's
 * young-generation collections during the CSV pass (~80 KB a collection), and every survivor
 * counts towards V8 doubling its young generation: the peak memory of a large check.
 */
class NameBytes {
  private readonly blocks: Buffer[] = [];
  private used = 0;
  /** Names that are not stored as bytes (longer than a block, or with surrogates), by row. */
  private readonly others = new Map<number, string>();

  /** Store the name of `row`; returns where its bytes start among all blocks (-1: kept as text) and how many there are. */
  append(name: string, row: number): { start: number; bytes: number } {
    const bytes = Buffer.byteLength(name, 'utf8');
    // Surrogates (emoji, or a lone half of a pair, which UTF-8 cannot hold) are rare: kept as text.
    if (bytes > BLOCK_BYTES || SURROGATE.test(name)) {
      this.others.set(row, name);
      return { start: -1, bytes: 0 };
    }
    if (this.blocks.length === 0 || this.used + bytes > BLOCK_BYTES) {
      this.blocks.push(Buffer.allocUnsafe(BLOCK_BYTES));
      this.used = 0;
    }
    const start = (this.blocks.length - 1) * BLOCK_BYTES + this.used;
    this.blocks[this.blocks.length - 1]!.write(name, this.used, 'utf8');
    this.used += bytes;
    return { start, bytes };
  }

  /** The name of `row`, from what append returned. */
  text(start: number, bytes: number, row: number): string {
    if (start < 0) return this.others.get(row)!;
    const offset = start % BLOCK_BYTES;
    return this.blocks[(start - offset) / BLOCK_BYTES]!.toString('utf8', offset, offset + bytes);
  }
}

/** The words of an account-misfit warning, for inline and CSV accounts alike. */
export function misfitMessage(name: string, summary: string): string {
  return `account "${name}" does not fit: ${summary}`;
}
