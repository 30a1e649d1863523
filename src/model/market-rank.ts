import type { AccountFit } from './market-fit.js';
import { standingOf, type ScoringSettings, type Standing, type Tier, type WeightedTotals } from './market-score.js';

/** What an account is ranked by: tier (its standing), then score, then annual spend, then listing order. */
export interface RankKey {
  /** 0 for the top tier, one more for each lower tier, then untiered, not enough data, failed, disqualified. */
  group: number;
  points: number | null;
  spend: number | null;
  /** Position in the listing (inline accounts, then CSV rows): ties keep it. */
  order: number;
}

const AFTER_TIERS: Record<Exclude<Standing, 'tiered'>, number> = {
  untiered: 0,
  'not-enough-data': 1,
  'fails-required': 2,
  disqualified: 3,
};

export function rankGroup(standing: Standing, tier: Tier | null, scoring: ScoringSettings): number {
  if (standing === 'tiered' && tier) return scoring.tiers.indexOf(tier);
  return scoring.tiers.length + AFTER_TIERS[standing as Exclude<Standing, 'tiered'>];
}

/** The rank key of a scored account: `order` is its position in the listing. */
export function rankKeyOf(
  score: WeightedTotals,
  scoring: ScoringSettings,
  spend: number | undefined,
  order: number,
): RankKey {
  const { standing, tier } = standingOf(score, scoring);
  return {
    group: rankGroup(standing, tier, scoring),
    points: score.scoredWeight > 0 ? score.matchedWeight / score.scoredWeight : null,
    spend: spend ?? null,
    order,
  };
}

/** Best first. A missing score or spend sorts after any figure. */
export function compareRank(a: RankKey, b: RankKey): number {
  return a.group - b.group || descending(a.points, b.points) || descending(a.spend, b.spend) || a.order - b.order;
}

function descending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * The best `limit` of a stream of accounts, in rank order, holding at most twice `limit` of them
 * at once: a 100,000-row CSV is ranked without keeping its rows.
 */
export class TopRanked<T> {
  private items: Array<{ key: RankKey; item: T }> = [];
  /** The worst key still kept once the buffer has been cut: anything not better is skipped. */
  private cutoff: RankKey | undefined;

  constructor(private readonly limit: number) {}

  /** Whether an account with this key would be kept (so callers build its item only then). */
  wants(key: RankKey): boolean {
    return this.limit > 0 && (this.cutoff === undefined || compareRank(key, this.cutoff) < 0);
  }

  add(key: RankKey, item: T): void {
    if (!this.wants(key)) return;
    this.items.push({ key, item });
    if (this.items.length >= 2 * this.limit) this.cut();
  }

  /** The kept accounts, best first. */
  result(): T[] {
    this.cut();
    return this.items.map((x) => x.item);
  }

  private cut(): void {
    this.items.sort((a, b) => compareRank(a.key, b.key));
    if (this.items.length >= this.limit) {
      this.items.length = this.limit;
      this.cutoff = this.items[this.items.length - 1]?.key;
    }
  }
}

/**
 * A misfit one criterion away from fitting: nothing disqualifies it, no required criterion fails,
 * and its heaviest mismatch turned into a match would lift its score to the threshold. The market
 * report lists these after the fitting accounts: they are the accounts worth a second look.
 */
export function isNearMiss(fit: AccountFit, threshold: number): boolean {
  if (fit.fits || fit.disqualifiedBy.length > 0 || fit.failedRequired.length > 0) return false;
  let matched = 0;
  let scored = 0;
  let heaviest = -1;
  for (const r of fit.results) {
    if (r.outcome === 'match') matched += r.weight;
    if (r.outcome === 'unknown') continue;
    scored += r.weight;
    if (r.outcome === 'mismatch') heaviest = Math.max(heaviest, r.weight);
  }
  return heaviest >= 0 && scored > 0 && (matched + heaviest) / scored >= threshold;
}
