import { explain, type Account, type CriterionName } from './market-criteria.js';
import { disqualifyReason, fillPieces, type SummaryPiece } from './market-explain.js';
import { summaryPieces, type FitDefinition, type FitScore } from './market-fit.js';
import { FIELD_OF } from './market-score.js';

/** Reasons remembered per criterion: the values a CRM export repeats; a column of unique figures stops adding at this. */
const REASONS_KEPT = 1000;

/**
 * The summaries of one market's misfits, as summariseFit words them, for every misfit of a large
 * accounts file. A summary's words follow from the account's outcomes alone, apart from its own
 * reasons: so the words are built once per combination of outcomes (and disqualifiers), and a
 * criterion's reason once per value of the account field it reads (a sector, a problem list).
 */
export class MisfitWords {
  private readonly shapes = new Map<number, readonly SummaryPiece[]>();
  private readonly reasons = new Map<CriterionName, Map<unknown, string>>();
  private readonly disqualifiedReasons = new Map<CriterionName, Map<unknown, string>>();

  constructor(private readonly definition: FitDefinition) {}

  summary(account: Account, score: FitScore): string {
    const { definition } = this;
    return fillPieces(
      this.piecesOf(score),
      (criterion) =>
        remembered(this.reasons, criterion, account, () =>
          explain(criterion, 'mismatch', definition.criteria, account, definition.currency),
        ),
      (criterion) =>
        remembered(this.disqualifiedReasons, criterion, account, () =>
          disqualifyReason(criterion, account, definition),
        ),
    );
  }

  private piecesOf(score: FitScore): readonly SummaryPiece[] {
    // The shape as a number: the outcomes in base 3, then one bit per disqualifier the market states.
    let shape = 0;
    for (const outcome of score.outcomes)
      shape = shape * 3 + (outcome === 'match' ? 0 : outcome === 'mismatch' ? 1 : 2);
    const { names } = this.definition.scoring.disqualify;
    for (const name of names) shape = shape * 2 + (score.disqualifiedBy.includes(name) ? 1 : 0);
    let pieces = this.shapes.get(shape);
    if (pieces === undefined) this.shapes.set(shape, (pieces = summaryPieces(score, this.definition)));
    return pieces;
  }
}

/** A criterion's reason for the account, by the value of the field it reads (a reason reads no other). */
function remembered(
  memo: Map<CriterionName, Map<unknown, string>>,
  criterion: CriterionName,
  account: Account,
  word: () => string,
): string {
  const value = (account as unknown as Record<string, unknown>)[FIELD_OF[criterion]];
  let byValue = memo.get(criterion);
  if (byValue === undefined) memo.set(criterion, (byValue = new Map()));
  let reason = byValue.get(value);
  if (reason === undefined) {
    reason = word();
    if (byValue.size < REASONS_KEPT) byValue.set(value, reason);
  }
  return reason;
}
