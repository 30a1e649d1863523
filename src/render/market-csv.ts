import { csvCell } from '../escape/index.js';
import { accountKey } from '../model/accepted-misfits.js';
import { ACCOUNT_FIELDS, type AccountField } from '../model/market-accounts.js';
import { explain, type Account } from '../model/market-criteria.js';
import { mainReasons, readFitDefinition, type FitDefinition, type FitScore } from '../model/market-fit.js';
import { evaluateMarket } from '../model/market-model.js';
import { compareRank, rankKeyOf, type RankKey } from '../model/market-rank.js';
import { knownShareOf, standingOf } from '../model/market-score.js';
import type { Workspace, WorkspaceDocument } from '../workspace/workspace.js';
import type { ReportSink } from './output.js';
import type { RenderPlan } from './plan.js';

/** The account's own fields, in the schema's order, after the verdict (name and spend lead it). */
const FIELD_COLUMNS = ACCOUNT_FIELDS.filter((f) => f !== 'name' && f !== 'annual_spend');

/**
 * The columns of `market-<id>.csv`: the verdict first, then the account's fields; the user's own
 * `x-` columns (and inline `x-` keys) follow, in the order first met.
 */
export const MARKET_CSV_COLUMNS = [
  'name',
  'tier',
  'score',
  'known_share',
  'fits',
  'disqualified',
  'main_reasons',
  'accepted_reason',
  'annual_spend',
  ...FIELD_COLUMNS,
];

/** Byte-order mark: spreadsheet programs then read the file as UTF-8, not the system's code page. */
const BOM = '\uFEFF';
const EOL = '\r\n'; // RFC 4180

/**
 * `render --format csv`: every scored account of a market (inline and accounts_file), ranked by
 * tier, then score, then annual spend, one row each, for import into a CRM. Every cell goes
 * through the CSV escaper (RFC 4180 quoting, no formula). The whole list is ranked, so its rows
 * are held as the accounts they were read as; the words are made row by row while writing.
 */
export async function marketCsv(doc: WorkspaceDocument, workspace: Workspace): Promise<string> {
  const definition = readFitDefinition(doc.data);
  const rows: Array<{ key: RankKey; account: Account; score: FitScore }> = [];
  evaluateMarket(doc, workspace, {
    detailLimit: 0,
    rankLimit: 0,
    ownColumns: true,
    onScored: (account, _source, score) =>
      rows.push({ key: rankKeyOf(score, definition.scoring, account.annual_spend, rows.length), account, score }),
  });
  const own = ownColumnsOf(rows.map((r) => r.account)); // in listing order, before ranking
  rows.sort((a, b) => compareRank(a.key, b.key));
  const lines = [[...MARKET_CSV_COLUMNS, ...own].map((c) => csvCell(c)).join(',')];
  for (const { account, score } of rows) lines.push(csvRow(account, score, definition, own));
  return BOM + lines.join(EOL) + EOL;
}

/** One account's row: every value escaped as a CSV cell. */
export function csvRow(
  account: Account,
  score: FitScore,
  definition: FitDefinition,
  own: readonly string[] = [],
): string {
  const { standing, tier } = standingOf(score, definition.scoring);
  const known = knownShareOf(score, definition.scoring);
  const reasons = mainReasons(account, score, definition, (c) =>
    explain(c, 'mismatch', definition.criteria, account, definition.currency),
  );
  const cells: Array<string | number | undefined> = [
    account.name,
    tier?.name ?? (standing === 'not-enough-data' ? 'not enough data' : ''),
    score.scoredWeight > 0 ? Math.round((1000 * score.matchedWeight) / score.scoredWeight) / 10 : '',
    known === null ? '' : Math.round(known * 1000) / 1000,
    score.fits ? 'yes' : 'no',
    score.disqualifiedBy.length > 0 ? 'yes' : 'no',
    reasons.join('; '),
    acceptedReason(account, score, definition),
    account.annual_spend,
    ...FIELD_COLUMNS.map((field) => fieldCell(account[field])),
    ...own.map((name) => account.own?.[name]),
  ];
  return cells.map((c) => (c === undefined ? '' : csvCell(c))).join(',');
}

/** A field as a cell: a list as `a;b` (as accounts files write it), a yes/no field as true or false. */
function fieldCell(value: Account[AccountField]): string | number | undefined {
  if (Array.isArray(value)) return value.join(';');
  return typeof value === 'boolean' ? String(value) : value;
}

/** Why a misfit is kept on purpose (the market's accepted_misfits); empty for the others. */
function acceptedReason(account: Account, score: FitScore, definition: FitDefinition): string | undefined {
  if (score.fits) return undefined;
  const reason = definition.accepted.get(accountKey(account.name));
  return reason === undefined ? undefined : reason || 'accepted';
}

/** Every own column name in the order first met; a name is compared as written, as CSV headers are. */
function ownColumnsOf(accounts: readonly Account[]): string[] {
  const names = new Set<string>();
  for (const a of accounts) if (a.own) for (const name of Object.keys(a.own)) names.add(name);
  return [...names];
}

/** One `market-<id>.csv` per market of the plan, one market at a time; nothing for other documents. */
export async function writeMarketCsvs(
  plan: RenderPlan,
  workspace: Workspace,
  out: ReportSink,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const markets = plan.docs.filter((p) => p.doc.kind === 'market');
  let done = 0;
  for (const p of markets) {
    out.write(p.header.href, await marketCsv(p.doc, workspace));
    onProgress?.(++done, markets.length);
  }
}
