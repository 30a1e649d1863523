import { isRecord } from './completeness.js';
import {
  judge,
  readCriteria,
  statedCriteria,
  type Account,
  type CriterionName,
  type MarketCriteria,
  type Outcome,
} from './market-criteria.js';

/** What scoring and its words need from a market; FitDefinition (market-fit.ts) is one. */
export interface ScoredDefinition {
  criteria: MarketCriteria;
  scored: CriterionName[];
  threshold: number;
  required: CriterionName[];
  currency: string | null;
  scoring: ScoringSettings;
}

/** A named band of scores, e.g. `A` from 85 points up. */
export interface Tier {
  name: string;
  /** Lowest score (0–100) of the tier. */
  min: number;
}

/**
 * The weighted-scoring settings of `fit` (README, "Weighted scoring"), read defensively: a value of
 * the wrong type falls back to its default (the schema reports it).
 */
export interface ScoringSettings {
  /**
   * Whether the market uses any of fit.weights, tiers, min_known or disqualify. Without them every
   * verdict and message is worded as before weights existed.
   */
  extended: boolean;
  /** One weight per scored criterion, in the order of FitDefinition.scored (default 1). */
  weights: number[];
  /** Sum of `weights`: what a known share is a share of. */
  totalWeight: number;
  /** fit.min_known: the known share an account needs for a tier (default 0.5). */
  minKnown: number;
  /** fit.tiers, highest first. */
  tiers: Tier[];
  /** fit.disqualify: criteria that rule an account out when they match. */
  disqualify: { criteria: MarketCriteria; names: CriterionName[] };
}

export const DEFAULT_MIN_KNOWN = 0.5;
const NO_CRITERIA: CriterionName[] = [];

export function readScoring(fit: Record<string, unknown>, scored: readonly CriterionName[]): ScoringSettings {
  const rawWeights = isRecord(fit.weights) ? fit.weights : {};
  const weights = scored.map((c) => {
    const w = rawWeights[c];
    return typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 1;
  });
  const minKnown =
    typeof fit.min_known === 'number' && fit.min_known >= 0 && fit.min_known <= 1 ? fit.min_known : DEFAULT_MIN_KNOWN;
  const tiers = isRecord(fit.tiers)
    ? Object.entries(fit.tiers)
        .filter(
          (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && !e[0].startsWith('x-'),
        )
        .map(([name, min]) => ({ name, min }))
        // Out of order is a schema error; the model still tiers by the highest band reached.
        .sort((a, b) => b.min - a.min)
    : [];
  const disqualifyCriteria = readCriteria(fit.disqualify);
  return {
    extended: ['weights', 'tiers', 'min_known', 'disqualify'].some((k) => fit[k] !== undefined),
    weights,
    totalWeight: weights.reduce((a, b) => a + b, 0),
    minKnown,
    tiers,
    disqualify: { criteria: disqualifyCriteria, names: statedCriteria(disqualifyCriteria) },
  };
}

/** The disqualifying criteria the account matches (unknowns never disqualify). */
export function disqualifiers(account: Account, scoring: ScoringSettings): CriterionName[] {
  const { names, criteria } = scoring.disqualify;
  if (names.length === 0) return NO_CRITERIA;
  let hit: CriterionName[] | undefined;
  for (const name of names) if (judge(name, criteria, account) === 'match') (hit ??= []).push(name);
  return hit ?? NO_CRITERIA;
}

/**
 * Where an account stands, best first: in a tier, scored but without a tier (the market has no
 * tiers, or the score is below the lowest), too little data to tier, a required criterion failed,
 * disqualified. The ranked list orders by this, then score, then annual spend.
 */
export type Standing = 'tiered' | 'untiered' | 'not-enough-data' | 'fails-required' | 'disqualified';

/** The numbers a verdict rests on, as scoreAccount works them out. */
export interface WeightedTotals {
  matchedWeight: number;
  scoredWeight: number;
  requiredFailed: boolean;
  disqualifiedBy: readonly CriterionName[];
}

/** 100 × matched weight ÷ scored weight, or null when no weight was scored. */
export function pointsOf(t: WeightedTotals): number | null {
  return t.scoredWeight > 0 ? (100 * t.matchedWeight) / t.scoredWeight : null;
}

/** The share of the market's total weight the account had data for, or null when the total is 0. */
export function knownShareOf(t: WeightedTotals, scoring: ScoringSettings): number | null {
  return scoring.totalWeight > 0 ? t.scoredWeight / scoring.totalWeight : null;
}

export function enoughData(t: WeightedTotals, scoring: ScoringSettings): boolean {
  const known = knownShareOf(t, scoring);
  return known !== null && known >= scoring.minKnown;
}

/** The account's standing and tier. Without the new settings nothing is "not enough data". */
export function standingOf(t: WeightedTotals, scoring: ScoringSettings): { standing: Standing; tier: Tier | null } {
  if (t.disqualifiedBy.length > 0) return { standing: 'disqualified', tier: null };
  if (t.requiredFailed) return { standing: 'fails-required', tier: null };
  if (scoring.extended && !enoughData(t, scoring)) return { standing: 'not-enough-data', tier: null };
  const points = pointsOf(t);
  const tier = points === null ? undefined : scoring.tiers.find((x) => points >= x.min);
  return tier ? { standing: 'tiered', tier } : { standing: 'untiered', tier: null };
}

/** The account field that holds the data a criterion is scored on: what to fill in for it. */
export const FIELD_OF: Record<CriterionName, string> = {
  sectors: 'sector',
  employees: 'employees',
  revenue: 'revenue',
  regions: 'region',
  growth_stages: 'growth_stage',
  buys_category: 'buys_category',
  problems: 'problems',
  incumbent: 'incumbent',
};

/**
 * The criteria with the given outcome, heaviest first (ties in criterion order): the mismatches
 * that cost the most points, or the unknown fields that would add the most known weight.
 */
export function heaviest(
  scored: readonly CriterionName[],
  outcomes: readonly Outcome[],
  scoring: ScoringSettings,
  outcome: Outcome,
): CriterionName[] {
  const picked: number[] = [];
  outcomes.forEach((o, i) => {
    if (o === outcome) picked.push(i);
  });
  return picked.sort((a, b) => scoring.weights[b]! - scoring.weights[a]! || a - b).map((i) => scored[i]!);
}

/** Points shown in words: whole where whole, else one decimal ("33.3"). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10);
}

/** A share as a whole percentage for messages ("40 %"). */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}
