import type { Change } from './diff-types.js';
import { diffValue } from './diff-values.js';
import type { AccountFit } from './market-fit.js';
import { formatMoney, formatPercent } from './market-format.js';
import type { MarketModel } from './market-model.js';

/**
 * What changed in a market: its fields (criteria, fit threshold, weights and required criteria,
 * accounts, sizing) item by item, then what they do: the accounts that start or stop fitting and
 * the criterion that made the difference, the fit rate, the addressable market and the required
 * share. The models are evaluated by the caller.
 */
export function diffMarket(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  was: MarketModel | undefined,
  now: MarketModel | undefined,
): Change[] {
  const out: Change[] = [];
  diffValue('', before, after, out, { skip: (field) => field === 'kind' || field === 'id' });
  if (!was || !now) return out;
  const before_ = byName(was.accounts);
  for (const account of now.accounts) {
    const earlier = before_.get(account.name.toLowerCase());
    if (!earlier || earlier.fits === account.fits) continue;
    out.push({
      field: 'accounts',
      change: account.fits ? 'starts-fitting' : 'stops-fitting',
      item: account.name,
      note: whatChanged(earlier, account, was, now),
    });
  }
  const rate = (m: MarketModel) => (m.totals.fitRate === null ? null : formatPercent(m.totals.fitRate));
  changed(out, 'fit rate', rate(was), rate(now));
  const spend = (m: MarketModel) =>
    `${formatMoney(m.sizing.addressableSpend.value, m.sizing.addressableSpend.currency)} (${m.sizing.addressableSpend.basis})`;
  changed(out, 'addressable market', spend(was), spend(now));
  const share = (m: MarketModel) => (m.sizing.requiredShare === null ? null : formatPercent(m.sizing.requiredShare));
  changed(out, 'required share', share(was), share(now));
  return out;
}

function byName(accounts: readonly AccountFit[]): Map<string, AccountFit> {
  const map = new Map<string, AccountFit>();
  for (const a of accounts) if (!map.has(a.name.toLowerCase())) map.set(a.name.toLowerCase(), a);
  return map;
}

/** The criteria whose outcome differs, with the reason at head: why the account's fit flipped. */
function whatChanged(was: AccountFit, now: AccountFit, wasMarket: MarketModel, nowMarket: MarketModel): string {
  const earlier = new Map(was.results.map((r) => [r.criterion, r.outcome]));
  const reasons = now.results
    .filter((r) => earlier.get(r.criterion) !== r.outcome)
    .map((r) => `${r.criterion}: ${earlier.get(r.criterion) ?? 'not scored'} → ${r.outcome} (${r.reason})`);
  for (const r of was.results)
    if (!now.results.some((n) => n.criterion === r.criterion)) reasons.push(`${r.criterion}: no longer scored`);
  if (reasons.length > 0) return reasons.join('; ');
  // Same outcomes: the market's bar moved.
  const bar: string[] = [];
  if (wasMarket.fit.threshold !== nowMarket.fit.threshold)
    bar.push(`threshold ${wasMarket.fit.threshold} → ${nowMarket.fit.threshold}`);
  const required = (m: MarketModel) => m.fit.required.join(', ') || 'none';
  if (required(wasMarket) !== required(nowMarket))
    bar.push(`required criteria ${required(wasMarket)} → ${required(nowMarket)}`);
  return [now.summary, ...bar].join('; ');
}

function changed(out: Change[], field: string, before: string | null, after: string | null): void {
  if (before !== after) out.push({ field, change: 'changed', before, after });
}
