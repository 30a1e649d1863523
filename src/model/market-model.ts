import type { AccountsCsvResult, CsvProblem } from '../load/accounts-csv.js';
import { factKey, type Workspace, type WorkspaceDocument } from '../workspace/workspace.js';
import { accountKey } from './accepted-misfits.js';
import { accountFromData } from './market-accounts.js';
import type { Account, CriterionName, MarketCriteria } from './market-criteria.js';
import {
  describeFit,
  readFitDefinition,
  scoreAccount,
  type AccountFit,
  type AccountSource,
  type FitScore,
} from './market-fit.js';
import { rankKeyOf, TopRanked } from './market-rank.js';
import { MisfitWords } from './market-words.js';
import type { Tier } from './market-score.js';
import { sizeMarket, type FitTotals, type Sizing } from './market-sizing.js';

/**
 * Everything personakit works out about one market: per-account fit and the sizing. Plain data
 * (JSON-serialisable) for `render --format json`, the reports and the rules.
 */
export interface MarketModel {
  kind: 'market';
  id: string | null;
  name: string;
  /** Display path of the market's YAML file, and the document's index in it. */
  file: string;
  docIndex: number;
  currency: string | null;
  /** The criteria as stated (wrongly typed ones left out). */
  criteria: MarketCriteria;
  /** The criteria accounts are scored on (stated, and not incumbent `any`). */
  scored: CriterionName[];
  fit: {
    /** Whether the market uses fit.weights, tiers, min_known or disqualify (the reports then rank and explain). */
    extended: boolean;
    threshold: number;
    required: CriterionName[];
    requiredNotStated: CriterionName[];
    /** The weight of every scored criterion (1 unless fit.weights says otherwise). */
    weights: Partial<Record<CriterionName, number>>;
    minKnown: number;
    /** fit.tiers, highest first. */
    tiers: Tier[];
    /** fit.disqualify as stated (wrongly typed entries left out). */
    disqualify: MarketCriteria;
  };
  /** The accounts_file and how reading it went; null when the market has none. */
  accountsFile: (Omit<AccountsCsvResult, 'status'> & { path: string; status: AccountsCsvResult['status'] }) | null;
  totals: {
    /** Accounts scored: inline + CSV, without the excluded ones. The fit rate's denominator. */
    accounts: number;
    inline: number;
    fromFile: number;
    /** Listed accounts not scored: inline ones of the wrong shape, CSV rows with a bad cell. */
    excluded: number;
    fitting: number;
    misfits: number;
    /** Misfits kept on purpose (accepted_misfits); they are counted among `misfits` too. */
    acceptedMisfits: number;
    /** fitting ÷ accounts, or null when no account was scored. */
    fitRate: number | null;
  };
  /**
   * Per-account results in listing order (inline, then CSV rows), up to `detailLimit`;
   * `omittedAccounts` counts the rest, so the model of a 100,000-row file stays small.
   */
  accounts: AccountFit[];
  omittedAccounts: number;
  /**
   * The best accounts, up to `rankLimit`, ordered by tier, then score, then annual spend (then
   * listing order); empty when the caller asked for no ranking.
   */
  ranked: AccountFit[];
  /** CSV problems found (bad cells, header, syntax); the findings themselves go to onCsvProblem. */
  csvProblems: number;
  sizing: Sizing;
}

/** An inline account that does not fit, as findings see it. */
export type Misfit = Pick<AccountFit, 'name' | 'summary'> & { source: Extract<AccountSource, { in: 'inline' }> };

export interface EvaluateOptions {
  /** Most accounts kept in `accounts` (default 1,000). */
  detailLimit?: number;
  /** Sees every inline account that does not fit: how rules reach all misfits without the model holding them. */
  onMisfit?(misfit: Misfit): void;
  /** Sees every CSV account that does not fit (kept in `accounts` or not); without it they are only counted. */
  onCsvMisfit?(misfit: CsvMisfit): void;
  /** Sees every problem of the accounts_file, with the file's display path. */
  onCsvProblem?(problem: CsvProblem & { file: string }): void;
  /** Most accounts kept in `ranked` (default: detailLimit); 0 ranks nothing (the rules need no ranking). */
  rankLimit?: number;
  /** Sees every scored account, in listing order: how `render --format csv` ranks all of them. */
  onScored?(account: Account, source: AccountSource, score: FitScore): void;
  /** Keep the accounts' own `x-` columns and keys (`Account.own`) for onScored. */
  ownColumns?: boolean;
}

/** An account of the accounts_file that does not fit: its row's line in the CSV and why. */
export interface CsvMisfit {
  /** Display path of the CSV. */
  file: string;
  line: number;
  name: string;
  summary: string;
}

export const DEFAULT_DETAIL_LIMIT = 1000;

/**
 * Score every listed account of a market document (inline, then the rows of its accounts_file
 * as loading read them into `workspace.facts`) and size the market. Reads no file.
 */
export function evaluateMarket(
  doc: WorkspaceDocument,
  workspace: Workspace,
  options: EvaluateOptions = {},
): MarketModel {
  const data = doc.data;
  const definition = readFitDefinition(data);
  const words = new MisfitWords(definition);
  const limit = options.detailLimit ?? DEFAULT_DETAIL_LIMIT;
  const counts = { inline: 0, fromFile: 0, excluded: 0, omitted: 0, csvProblems: 0, accepted: 0 };
  const kept: AccountFit[] = [];
  const totals: FitTotals = { accounts: 0, fitting: 0, fittingSpend: 0, fittingWithoutSpend: 0 };
  const ranking = new TopRanked<{ account: Account; source: AccountSource; score: FitScore }>(
    options.rankLimit ?? limit,
  );
  // Fold each account into running totals. Words are built only for the accounts kept in full
  // (the first `limit`) and for misfits: fitting rows beyond the limit cost no text.
  const fold = (account: Account, source: AccountSource) => {
    const score = scoreAccount(account, definition);
    if (options.rankLimit !== 0)
      ranking.add(rankKeyOf(score, definition.scoring, account.annual_spend, totals.accounts), {
        account,
        source,
        score,
      });
    options.onScored?.(account, source, score);
    totals.accounts++;
    if (score.fits) {
      totals.fitting++;
      if (account.annual_spend === undefined) totals.fittingWithoutSpend++;
      else totals.fittingSpend += account.annual_spend;
    }
    if (kept.length < limit) kept.push(describeFit(account, source, score, definition));
    else counts.omitted++;
    if (score.fits) return;
    if (definition.accepted.size > 0 && definition.accepted.has(accountKey(account.name))) counts.accepted++;
    if (source.in === 'inline')
      options.onMisfit?.({ name: account.name, source, summary: words.summary(account, score) });
    else if (options.onCsvMisfit)
      options.onCsvMisfit({
        file: source.file,
        line: source.line,
        name: account.name,
        summary: words.summary(account, score),
      });
  };

  const inline = Array.isArray(data.accounts) ? data.accounts : [];
  inline.forEach((item: unknown, index) => {
    const account = accountFromData(item, options.ownColumns);
    if (!account) {
      counts.excluded++;
      return;
    }
    counts.inline++;
    fold(account, { in: 'inline', index, pointer: `/accounts/${index}` });
  });

  let accountsFile: MarketModel['accountsFile'] = null;
  if (typeof data.accounts_file === 'string' && data.accounts_file !== '') {
    const table = workspace.facts.accounts.get(factKey(doc));
    if (!table)
      throw new Error(
        `internal: the accounts_file of ${doc.file} was not read; load the workspace with lint() or loadWorkspace(), which read it for reported markets`,
      );
    const file = table.path;
    const { rows } = table;
    for (let i = 0; i < rows.length; i++) {
      counts.fromFile++;
      fold(rows.account(i, options.ownColumns), { in: 'csv', file, line: rows.line(i) });
    }
    for (const problem of table.problems) {
      counts.csvProblems++;
      options.onCsvProblem?.({ ...problem, file });
    }
    accountsFile = { path: file, ...table.result };
    counts.excluded += table.result.badRows;
  }

  return {
    kind: 'market',
    id: doc.id ?? null,
    name: typeof data.name === 'string' ? data.name : (doc.id ?? 'market'),
    file: doc.file,
    docIndex: doc.docIndex,
    currency: definition.currency,
    criteria: definition.criteria,
    scored: definition.scored,
    fit: {
      extended: definition.scoring.extended,
      threshold: definition.threshold,
      required: definition.required,
      requiredNotStated: definition.requiredNotStated,
      weights: Object.fromEntries(definition.scored.map((c, i) => [c, definition.scoring.weights[i]!])),
      minKnown: definition.scoring.minKnown,
      tiers: definition.scoring.tiers,
      disqualify: definition.scoring.disqualify.criteria,
    },
    accountsFile,
    totals: {
      accounts: totals.accounts,
      inline: counts.inline,
      fromFile: counts.fromFile,
      excluded: counts.excluded,
      fitting: totals.fitting,
      misfits: totals.accounts - totals.fitting,
      acceptedMisfits: counts.accepted,
      fitRate: totals.accounts > 0 ? totals.fitting / totals.accounts : null,
    },
    accounts: kept,
    omittedAccounts: counts.omitted,
    ranked: ranking.result().map((r) => describeFit(r.account, r.source, r.score, definition)),
    csvProblems: counts.csvProblems,
    sizing: sizeMarket(data, totals, definition.currency),
  };
}
