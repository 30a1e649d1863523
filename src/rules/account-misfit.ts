import type { Diagnostic, Finding, Severity } from '../diagnostic.js';
import { CompactMisfit, misfitMessage } from '../model/compact-misfit.js';
import { marketEvaluations } from './market-evaluation.js';
import { defineRule, type RuleContext } from './rule.js';

const RULE = 'account-misfit';

/**
 * One warning per listed account that does not fit (SPEC 5), naming the failed criteria with
 * their reasons, which of them are required, and what was unknown. Inline accounts are pointed
 * at by their `name`; CSV accounts by their row in the CSV.
 */
export const accountMisfit = defineRule({
  id: RULE,
  severity: 'warning',
  description: 'A listed account does not fit the market; the message says which criteria failed and what was unknown.',
  help: 'Either the account is not a prospect (remove it, or keep it on purpose and accept the warning), or the criteria are too narrow: widen them, lower fit.threshold, or take a criterion out of fit.required. Unknown criteria never count against an account; fill in its data to have them scored.',
  async check(context: RuleContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const { doc, misfits } of await marketEvaluations(context)) {
      for (const misfit of misfits) {
        if (misfit instanceof CompactMisfit) findings.push(new CsvMisfitFinding(doc.file, misfit));
        else findings.push({ rule: RULE, file: doc.file, docIndex: doc.docIndex, pointer: `${misfit.source.pointer}/name`, message: misfitMessage(misfit.name, misfit.summary) });
      }
    }
    return findings;
  },
});

/** A misfit of a CSV row, reported with (owned by) its market file; worded when read. */
class CsvMisfitFinding implements Finding {
  readonly rule = RULE;
  readonly column = 1;
  constructor(readonly owner: string, private readonly misfit: CompactMisfit) {}

  get file(): string {
    return this.misfit.scoring.file;
  }

  get line(): number {
    return this.misfit.line;
  }

  get message(): string {
    return this.misfit.message();
  }

  toDiagnostic(severity: Severity): Diagnostic {
    return new CsvMisfitDiagnostic(this.misfit, severity);
  }
}

/**
 * The diagnostic of a CSV misfit: its message is worded when read, so 70,000 of them hold values,
 * not words. To its readers it is a plain diagnostic: the same own, enumerable keys in the same
 * order (spread, JSON, deep equality all see the message), and no other keys.
 */
class CsvMisfitDiagnostic implements Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column = 1;
  readonly severity: Severity;
  readonly rule = RULE;
  declare readonly message: string;
  readonly #misfit: CompactMisfit;

  constructor(misfit: CompactMisfit, severity: Severity) {
    this.file = misfit.scoring.file;
    this.line = misfit.line;
    this.severity = severity;
    this.#misfit = misfit;
    Object.defineProperty(this, 'message', MESSAGE);
  }

  static wordMessage(this: CsvMisfitDiagnostic): string {
    return this.#misfit.message();
  }
}

// One descriptor (one getter) for every instance, so they all share one hidden class.
const MESSAGE: PropertyDescriptor = { get: CsvMisfitDiagnostic.wordMessage, enumerable: true };
