import type { AccountFit } from '../../model/market-fit.js';
import type { MarketModel } from '../../model/market-model.js';
import { formatPoints, formatShare } from '../../model/market-score.js';

const STANDING: Record<AccountFit['standing'], string> = {
  tiered: '',
  untiered: 'no tier',
  'not-enough-data': 'not enough data',
  'fails-required': 'fails a required criterion',
  disqualified: 'disqualified',
};

/**
 * The ranked accounts with every point of their score explained, for a market that uses fit.weights,
 * tiers, min_known or disqualify (README, "Weighted scoring"); undefined for one that does not, whose
 * report stays as it was. `label` names a criterion as the report's criteria table does.
 */
export function rankingView(model: MarketModel, label: (criterion: string) => string, name: (n: string) => string) {
  if (!model.fit.extended) return undefined;
  return {
    tiers: model.fit.tiers,
    minKnown: formatShare(model.fit.minKnown),
    threshold: formatPoints(100 * model.fit.threshold),
    rows: model.ranked.map((a, i) => ({
      rank: i + 1,
      name: name(a.name),
      fits: a.fits,
      tier: a.tier ?? STANDING[a.standing],
      score: a.points === null ? '—' : formatPoints(a.points),
      known: a.knownShare === null ? '—' : formatShare(a.knownShare),
      annualSpend: a.annualSpend,
      disqualifiedBy: a.disqualifiedBy.map((d) => ({ criterion: label(d.criterion), reason: d.reason })),
      criteria: a.results.map((r) => ({
        label: label(r.criterion),
        weight: formatPoints(r.weight),
        outcome: r.outcome,
        points: r.outcome === 'unknown' ? 'unknown' : `${r.points >= 0 ? '+' : '−'}${formatPoints(Math.abs(r.points))}`,
        reason: r.outcome === 'unknown' ? 'no data' : r.reason,
      })),
      notes: a.mainReasons.filter((m) => m.startsWith('not enough data')),
    })),
    omitted: Math.max(0, model.totals.accounts - model.ranked.length),
  };
}
