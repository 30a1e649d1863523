import type { Diagnostic, Finding, Severity } from '../diagnostic.js';
import { misfitMessage, type MisfitTable } from '../model/misfit-table.js';
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
    for (const { doc, misfits, csvMisfits } of await marketEvaluations(context)) {
      for (const misfit of misfits) {
        findings.push({ rule: RULE, file: doc.file, docIndex: doc.docIndex, pointer: `${misfit.source.pointer}/name`, message: misfitMessage(misfit.name, misfit.summary) });
      }
      for (const table of csvMisfits) for (let i = 0; i < table.size; i++) findings.push(new CsvMisfit(table, i));
    }
    return findings;
  },
});

/**
 * A CSV misfit as finding and then as diagnostic (the same object: 70,000 of them are not made
 * twice). It holds a row of its table, not words: the message is worded when read. To its readers
 * it is a plain diagnostic: the own, enumerable keys file, line, column, severity, rule and
 * message, in that order, and no others, so spread, JSON, structuredClone and deep equality all
 * see the message. The keys that are the same for every row are getters, which cost no memory
 * per row. `owner`, which findings have and diagnostics do not, is on the prototype.
 */
class CsvMisfit implements Finding, Diagnostic {
  declare readonly file: string;
  declare readonly line: number;
  declare readonly column: number;
  declare severity: Severity;
  declare readonly rule: string;
  declare readonly message: string;
  readonly #table: MisfitTable;
  readonly #index: number;

  constructor(table: MisfitTable, index: number) {
    this.#table = table;
    this.#index = index;
    Object.defineProperty(this, 'file', FILE);
    Object.defineProperty(this, 'line', { value: table.line(index), enumerable: true });
    Object.defineProperty(this, 'column', COLUMN);
    // Writable: set once the engine knows the configured severity (toDiagnostic).
    Object.defineProperty(this, 'severity', { value: undefined, enumerable: true, writable: true });
    Object.defineProperty(this, 'rule', RULE_KEY);
    Object.defineProperty(this, 'message', MESSAGE);
  }

  get owner(): string {
    return this.#table.owner;
  }

  toDiagnostic(severity: Severity): Diagnostic {
    this.severity = severity;
    return this;
  }

  static file(this: CsvMisfit): string {
    return this.#table.file;
  }

  static message(this: CsvMisfit): string {
    return this.#table.message(this.#index);
  }
}

// One descriptor (one getter) each for every row, so that all rows share one hidden class.
const FILE: PropertyDescriptor = { get: CsvMisfit.file, enumerable: true };
const COLUMN: PropertyDescriptor = { get: () => 1, enumerable: true };
const RULE_KEY: PropertyDescriptor = { get: () => RULE, enumerable: true };
const MESSAGE: PropertyDescriptor = { get: CsvMisfit.message, enumerable: true };
