import { explain, type Account, type CriterionName, type Outcome } from './market-criteria.js';
import { formatList } from './market-format.js';
import {
  enoughData,
  FIELD_OF,
  formatPoints,
  formatShare,
  heaviest,
  knownShareOf,
  pointsOf,
  type ScoredDefinition,
  type WeightedTotals,
} from './market-score.js';

/** What the words of a weighted verdict are built from (a FitScore of market-fit.ts). */
export interface ScoreFacts extends WeightedTotals {
  outcomes: Outcome[];
  fits: boolean;
}

/** The points a criterion's weight is worth for this account: its share of the scored weight. */
export function pointsWorth(weight: number, score: WeightedTotals): number {
  return score.scoredWeight > 0 ? (100 * weight) / score.scoredWeight : 0;
}

/**
 * A piece of a misfit's one-line summary: words, or a slot for the account's own reason for a
 * criterion. Everything but the slots follows from the account's outcomes alone, so the pieces are
 * built once per combination of outcomes (market-words.ts) and only the slots per account.
 */
export type SummaryPiece = string | { reason: CriterionName } | { disqualifiedBy: CriterionName };

/** Pieces of a summary as parts joined by "; ". */
export class SummaryPieces {
  readonly pieces: SummaryPiece[] = [];

  /** Starts a part: the separator after the previous one. */
  part(...pieces: SummaryPiece[]): this {
    if (this.pieces.length > 0) this.pieces.push('; ');
    return this.add(...pieces);
  }

  /** More of the current part. */
  add(...pieces: SummaryPiece[]): this {
    for (const piece of pieces) {
      const last = this.pieces.length - 1;
      // Adjacent words are one piece: fewer pieces to join for every account of this shape.
      if (typeof piece === 'string' && typeof this.pieces[last] === 'string') this.pieces[last] += piece;
      else this.pieces.push(piece);
    }
    return this;
  }
}

/**
 * The one-line summary of a market using weights, tiers, min_known or disqualify: the score
 * against the threshold, the mismatches that cost the most points (heaviest first), what data is
 * missing for a tier, and the unknowns. A disqualified account is out whatever its score, so its
 * summary says what disqualifies it and the score, and nothing else: what its mismatches cost or
 * which data it lacks decides nothing (the reports still break its score down). The account's
 * own reasons are slots.
 */
export function weightedPieces(score: ScoreFacts, definition: ScoredDefinition): SummaryPiece[] {
  const out = new SummaryPieces();
  const disqualified = score.disqualifiedBy.length > 0;
  if (disqualified) {
    out.part('disqualified by ');
    score.disqualifiedBy.forEach((c, i) => out.add(i > 0 ? ', ' : '', `${c} (`, { disqualifiedBy: c }, ')'));
  }
  const points = pointsOf(score);
  if (points === null) {
    out.part(
      definition.scored.length === 0 ? 'the market states no criteria to score it on' : 'no criterion could be scored',
    );
  } else {
    const below = score.matchedWeight / score.scoredWeight < definition.threshold;
    out.part(
      `score ${formatPoints(points)} of 100${below ? `, below the threshold ${formatPoints(100 * definition.threshold)}` : ''}`,
    );
    if (!score.fits && !disqualified) {
      costliest(score, definition).forEach((c, i) =>
        out.add(
          i === 0 ? '; lost: ' : ', ',
          `${c.criterion} ${formatPoints(c.points)} points (`,
          { reason: c.criterion },
          `)${definition.required.includes(c.criterion) ? ' [required]' : ''}`,
        ),
      );
    }
  }
  if (disqualified) return out.pieces;
  // Too little data names the fields to fill in, which are the unknowns.
  if (!enoughData(score, definition.scoring)) out.part(notEnoughDataText(score, definition));
  else {
    const unknown = definition.scored.filter((_, i) => score.outcomes[i] === 'unknown');
    if (unknown.length > 0) out.part(`unknown: ${unknown.join(', ')}`);
  }
  return out.pieces;
}

/** The words of `pieces` with the account's reasons in their slots. */
export function fillPieces(
  pieces: readonly SummaryPiece[],
  reasonOf: (criterion: CriterionName) => string,
  disqualifiedReasonOf: (criterion: CriterionName) => string,
): string {
  // Concatenated, not joined: the message that takes the summary in makes the one flat copy.
  let words = '';
  for (const piece of pieces)
    words +=
      typeof piece === 'string'
        ? piece
        : 'reason' in piece
          ? reasonOf(piece.reason)
          : disqualifiedReasonOf(piece.disqualifiedBy);
  return words;
}

/** The mismatches with the points each cost, most first. */
export function costliest(
  score: ScoreFacts,
  definition: ScoredDefinition,
): Array<{ criterion: CriterionName; points: number }> {
  return heaviest(definition.scored, score.outcomes, definition.scoring, 'mismatch').map((criterion) => ({
    criterion,
    points: pointsWorth(definition.scoring.weights[definition.scored.indexOf(criterion)]!, score),
  }));
}

/** "disqualified by sectors (sector "Gambling"), incumbent (served by Slotterly)". */
export function disqualifiedText(account: Account, score: WeightedTotals, definition: ScoredDefinition): string {
  const reasons = score.disqualifiedBy.map((c) => `${c} (${disqualifyReason(c, account, definition)})`);
  return `disqualified by ${reasons.join(', ')}`;
}

/** "not enough data to tier it: 40 % of the weight known, 50 % needed; fill in revenue, employees". */
export function notEnoughDataText(score: ScoreFacts, definition: ScoredDefinition): string {
  const known = knownShareOf(score, definition.scoring);
  const fields = heaviest(definition.scored, score.outcomes, definition.scoring, 'unknown').map((c) => FIELD_OF[c]);
  const fill = fields.length > 0 ? `; fill in ${formatList(fields, 'and')}` : '';
  return known === null
    ? 'not enough data to tier it: the criteria carry no weight'
    : `not enough data to tier it: ${formatShare(known)} of the weight known, ${formatShare(definition.scoring.minKnown)} needed${fill}`;
}

/** Why a disqualifying criterion matched, in a few words. */
export function disqualifyReason(name: CriterionName, account: Account, definition: ScoredDefinition): string {
  const criteria = definition.scoring.disqualify.criteria;
  switch (name) {
    case 'sectors':
      return `sector "${account.sector}"`;
    case 'regions':
      return `region "${account.region}"`;
    case 'growth_stages':
      return `growth stage "${account.growth_stage}"`;
    case 'problems':
      return `has ${formatList(
        account.problems!.map((p) => `"${p}"`),
        'and',
      )}`;
    case 'incumbent': {
      const competitor = account.incumbent?.trim() ?? '';
      return competitor ? `served by ${competitor}` : 'no competitor serves it';
    }
    default:
      return explain(name, 'match', criteria, account, definition.currency);
  }
}
