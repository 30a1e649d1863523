import { acceptedReasons, accountKey } from './accepted-misfits.js';
import { isRecord } from './completeness.js';
import {
  explain,
  judge,
  readCriteria,
  SCORED_CRITERIA,
  statedCriteria,
  type Account,
  type CriterionName,
  type CriterionResult,
  type MarketCriteria,
  type Outcome,
} from './market-criteria.js';
import {
  costliest,
  disqualifiedText,
  disqualifyReason,
  fillPieces,
  notEnoughDataText,
  pointsWorth,
  SummaryPieces,
  weightedPieces,
  type SummaryPiece,
} from './market-explain.js';
import { formatScore } from './market-format.js';
import {
  disqualifiers,
  enoughData,
  formatPoints,
  knownShareOf,
  pointsOf,
  readScoring,
  standingOf,
  type ScoredDefinition,
  type ScoringSettings,
  type Standing,
} from './market-score.js';

/** What scoring needs from a market document, read defensively (wrong types fall back to defaults). */
export interface FitDefinition extends ScoredDefinition {
  criteria: MarketCriteria;
  /** Criteria the market states that are scored, in SCORED_CRITERIA order. */
  scored: CriterionName[];
  /** fit.threshold: share of scored criteria an account must match (default 1). */
  threshold: number;
  /** fit.required entries that the market states; only these can exclude an account. */
  required: CriterionName[];
  /** fit.required entries the market does not state (or does not score: incumbent `any`). */
  requiredNotStated: CriterionName[];
  currency: string | null;
  /** fit.weights, tiers, min_known and disqualify (market-score.ts). */
  scoring: ScoringSettings;
  /** accepted_misfits: the reason each accepted account is kept, by accountKey. */
  accepted: ReadonlyMap<string, string>;
}

/** Where an account comes from: a YAML list item or a CSV row. JSON-serialisable. */
export type AccountSource =
  { in: 'inline'; index: number; pointer: string } | { in: 'csv'; file: string; line: number };

/** One account scored against the market. */
export interface AccountFit {
  name: string;
  source: AccountSource;
  fits: boolean;
  /** matched ÷ scored, or null when no criterion could be scored (the account then does not fit). */
  score: number | null;
  matched: number;
  scored: number;
  /** One result per scored criterion the market states, in criterion order. */
  results: CriterionResult[];
  /** Criteria that mismatched. */
  failed: CriterionName[];
  /** Mismatched criteria named in fit.required: each one alone excludes the account. */
  failedRequired: CriterionName[];
  /** Criteria the account has no data for: neither match nor mismatch. */
  unknown: CriterionName[];
  /** The account's annual_spend, or null when not given. */
  annualSpend: number | null;
  /** One line: why it does not fit (failed criteria with reasons, score, unknowns), or how it fits. */
  summary: string;
  /** 100 × matched weight ÷ scored weight (README, "Weighted scoring"), or null when nothing was scored. */
  points: number | null;
  /** Share of the market's total weight the account had data for; null when the criteria weigh nothing. */
  knownShare: number | null;
  standing: Standing;
  /** Name of the account's tier (fit.tiers), or null. */
  tier: string | null;
  /** Disqualifying criteria (fit.disqualify) the account matches, with what matched. */
  disqualifiedBy: Array<{ criterion: CriterionName; reason: string }>;
  /** A few words on what decides its place: disqualifiers, the costliest mismatches, missing data. */
  mainReasons: string[];
  /**
   * A misfit kept on purpose (the market's accepted_misfits), with the reason given; null for an
   * account that fits or is not accepted. An accepted account still counts as a misfit.
   */
  accepted: { reason: string } | null;
}

export function readFitDefinition(data: Record<string, unknown>): FitDefinition {
  const criteria = readCriteria(data.criteria);
  const scored = statedCriteria(criteria);
  const fit = isRecord(data.fit) ? data.fit : {};
  const scoring = readScoring(fit, scored);
  const threshold = typeof fit.threshold === 'number' && fit.threshold >= 0 && fit.threshold <= 1 ? fit.threshold : 1;
  const named = Array.isArray(fit.required)
    ? SCORED_CRITERIA.filter((c) => (fit.required as unknown[]).includes(c))
    : [];
  return {
    criteria,
    scored,
    threshold,
    required: named.filter((c) => scored.includes(c)),
    requiredNotStated: named.filter((c) => !scored.includes(c)),
    currency: typeof data.currency === 'string' && data.currency !== '' ? data.currency : null,
    scoring,
    accepted: acceptedReasons(data),
  };
}

/** The verdict on one account, without words: all the running totals need. */
export interface FitScore {
  /** One outcome per criterion of definition.scored, in that order. */
  outcomes: Outcome[];
  matched: number;
  scored: number;
  fits: boolean;
  /** Sum of the weights of the matched criteria; equals `matched` without fit.weights. */
  matchedWeight: number;
  /** Sum of the weights of the matched and mismatched criteria; equals `scored` without fit.weights. */
  scoredWeight: number;
  requiredFailed: boolean;
  /** The fit.disqualify criteria the account matches. */
  disqualifiedBy: readonly CriterionName[];
}

/**
 * SPEC 3.3 with weights: an account fits when matched weight ÷ scored weight ≥ threshold, no
 * required criterion mismatches, some weight was scored, and no fit.disqualify criterion matches.
 * Unknowns are neither matches nor mismatches. Weights default to 1, and sums of ones are exact,
 * so without fit.weights every verdict is the count-based one.
 */
export function scoreAccount(account: Account, definition: FitDefinition): FitScore {
  const outcomes = definition.scored.map((c) => judge(c, definition.criteria, account));
  const weights = definition.scoring.weights;
  let matched = 0;
  let mismatched = 0;
  let matchedWeight = 0;
  let mismatchedWeight = 0;
  let requiredFailed = false;
  outcomes.forEach((outcome, i) => {
    if (outcome === 'match') {
      matched++;
      matchedWeight += weights[i]!;
    } else if (outcome === 'mismatch') {
      mismatched++;
      mismatchedWeight += weights[i]!;
      if (definition.required.includes(definition.scored[i]!)) requiredFailed = true;
    }
  });
  const scored = matched + mismatched;
  const scoredWeight = matchedWeight + mismatchedWeight;
  const disqualifiedBy = disqualifiers(account, definition.scoring);
  // Equal rationals divide to the same double, so 4/5 ≥ 0.8 holds exactly.
  const fits =
    scoredWeight > 0 &&
    matchedWeight / scoredWeight >= definition.threshold &&
    !requiredFailed &&
    disqualifiedBy.length === 0;
  return { outcomes, matched, scored, fits, matchedWeight, scoredWeight, requiredFailed, disqualifiedBy };
}

/** The account's fit in full, with a reason for every criterion: for reports and findings. */
export function describeFit(
  account: Account,
  source: AccountSource,
  score: FitScore,
  definition: FitDefinition,
): AccountFit {
  const results: CriterionResult[] = definition.scored.map((criterion, i) => {
    const outcome = score.outcomes[i]!;
    const weight = definition.scoring.weights[i]!;
    const worth = pointsWorth(weight, score);
    return {
      criterion,
      outcome,
      reason: explain(criterion, outcome, definition.criteria, account, definition.currency),
      weight,
      points: outcome === 'match' ? worth : outcome === 'mismatch' ? -worth : 0,
    };
  });
  const { standing, tier } = standingOf(score, definition.scoring);
  const failed = results.filter((r) => r.outcome === 'mismatch').map((r) => r.criterion);
  const fit: AccountFit = {
    name: account.name,
    source,
    fits: score.fits,
    score: score.scoredWeight > 0 ? score.matchedWeight / score.scoredWeight : null,
    matched: score.matched,
    scored: score.scored,
    results,
    failed,
    failedRequired: failed.filter((c) => definition.required.includes(c)),
    unknown: results.filter((r) => r.outcome === 'unknown').map((r) => r.criterion),
    annualSpend: account.annual_spend ?? null,
    summary: '',
    points: pointsOf(score),
    knownShare: knownShareOf(score, definition.scoring),
    standing,
    tier: tier?.name ?? null,
    disqualifiedBy: score.disqualifiedBy.map((criterion) => ({
      criterion,
      reason: disqualifyReason(criterion, account, definition),
    })),
    mainReasons: [],
    accepted: acceptedOf(account, score, definition),
  };
  const reasonOf = (criterion: CriterionName) => results.find((r) => r.criterion === criterion)!.reason;
  fit.summary = fillPieces(
    summaryPieces(score, definition),
    reasonOf,
    (criterion) => fit.disqualifiedBy.find((d) => d.criterion === criterion)!.reason,
  );
  fit.mainReasons = mainReasons(account, score, definition, reasonOf);
  return fit;
}

function acceptedOf(account: Account, score: FitScore, definition: FitDefinition): AccountFit['accepted'] {
  if (score.fits || definition.accepted.size === 0) return null;
  const reason = definition.accepted.get(accountKey(account.name));
  return reason === undefined ? null : { reason };
}

export function fitAccount(account: Account, source: AccountSource, definition: FitDefinition): AccountFit {
  return describeFit(account, source, scoreAccount(account, definition), definition);
}

/**
 * describeFit(…).summary without building what nobody reads: reasons are worded for the failed
 * criteria only. A market's many misfits go through MisfitWords (market-words.ts), which builds
 * the same words once per combination of outcomes.
 */
export function summariseFit(account: Account, score: FitScore, definition: FitDefinition): string {
  return fillPieces(
    summaryPieces(score, definition),
    (criterion) => explain(criterion, 'mismatch', definition.criteria, account, definition.currency),
    (criterion) => disqualifyReason(criterion, account, definition),
  );
}

/**
 * The one-line summary, with the account's reasons as slots: failed criteria with their reasons
 * (when it does not fit), the score, the unknowns. It depends on the account's outcomes only.
 */
export function summaryPieces(score: FitScore, definition: FitDefinition): SummaryPiece[] {
  if (definition.scoring.extended) return weightedPieces(score, definition);
  const out = new SummaryPieces();
  if (score.scored === 0) {
    out.part(
      definition.scored.length === 0 ? 'the market states no criteria to score it on' : 'no criterion could be scored',
    );
  } else {
    if (!score.fits) {
      definition.scored.forEach((c, i) => {
        if (score.outcomes[i] === 'mismatch')
          out.part(`${c} (`, { reason: c }, `)${definition.required.includes(c) ? ' [required]' : ''}`);
      });
    }
    const ratio = score.matched / score.scored;
    const matches = `matches ${score.matched} of ${score.scored} scored criteria (${formatScore(ratio)}`;
    out.part(
      ratio < definition.threshold
        ? `${matches}, below the threshold ${formatScore(definition.threshold)})`
        : `${matches})`,
    );
  }
  const unknown = definition.scored.filter((_, i) => score.outcomes[i] === 'unknown');
  if (unknown.length > 0) out.part(`unknown: ${unknown.join(', ')}`);
  return out.pieces;
}

/** What decides the account's place, shortest first: disqualifiers, the three costliest mismatches, missing data. */
export function mainReasons(
  account: Account,
  score: FitScore,
  definition: FitDefinition,
  reasonOf: (criterion: CriterionName) => string,
): string[] {
  const reasons: string[] = [];
  if (score.disqualifiedBy.length > 0) reasons.push(disqualifiedText(account, score, definition));
  for (const { criterion, points } of costliest(score, definition).slice(0, 3)) {
    const required = definition.required.includes(criterion) ? ' [required]' : '';
    reasons.push(`${criterion} −${formatPoints(points)}${required}: ${reasonOf(criterion)}`);
  }
  if (score.scoredWeight === 0) reasons.push('no criterion could be scored');
  if (definition.scoring.extended && score.disqualifiedBy.length === 0 && !enoughData(score, definition.scoring))
    reasons.push(notEnoughDataText(score, definition));
  return reasons;
}
