import type { Account } from './market-criteria.js';
import { scoreAccount, summariseFit, type AccountSource, type FitDefinition } from './market-fit.js';

/** What every misfit of one accounts CSV shares: the file and the market it is scored against. */
export interface CsvScoring {
  /** Display path of the CSV. */
  file: string;
  definition: FitDefinition;
}

/**
 * A CSV account that does not fit, kept as its values rather than its words. A 100,000-row
 * export can hold 70,000 misfits, each a warning with a ~350-character reason; worded up front
 * they made memory grow with the row count. The reason is worded again whenever it is read, from
 * the same values against the same market, so it always reads the same.
 */
export class CompactMisfit {
  private readonly account: Account;

  constructor(readonly scoring: CsvScoring, readonly line: number, account: Account) {
    this.account = ownCopy(account);
  }

  get source(): AccountSource {
    return { in: 'csv', file: this.scoring.file, line: this.line };
  }

  get name(): string {
    return this.account.name;
  }

  get summary(): string {
    return summaryOf(this.account, this.scoring.definition);
  }

  /** The account-misfit message. */
  message(): string {
    return misfitMessage(this.account.name, this.summary);
  }
}

/**
 * The account with text of its own. A cell read from the CSV may be a slice of a whole chunk of
 * the file, and keeping it would keep the chunk: names are copied, and the words that repeat
 * from row to row (sectors, regions, stages, competitors, problems) are shared.
 */
function ownCopy(account: Account): Account {
  const copy: Account = { ...account, name: flat(account.name) };
  for (const field of ['sector', 'region', 'growth_stage', 'incumbent'] as const) {
    const value = copy[field];
    if (value !== undefined) copy[field] = shared(value);
  }
  if (copy.problems) copy.problems = copy.problems.map(shared);
  return copy;
}

// Flattening a two-part string makes a new string of its own; the slice of it keeps only that.
const flat = (text: string): string => (' ' + text).slice(1);

const words = new Map<string, string>();
function shared(text: string): string {
  let word = words.get(text);
  if (word === undefined) {
    word = flat(text);
    // Bounded: a column of all-different values must not grow the map without end.
    if (words.size < 10_000) words.set(word, word);
  }
  return word;
}

function summaryOf(account: Account, definition: FitDefinition): string {
  return summariseFit(account, scoreAccount(account, definition), definition);
}

/** The words of an account-misfit warning, for inline and CSV accounts alike. */
export function misfitMessage(name: string, summary: string): string {
  return `account "${name}" does not fit: ${summary}`;
}
