import type { Diagnostic, DiagnosticRun, Finding, Severity } from '../diagnostic.js';
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
        findings.push({
          rule: RULE,
          file: doc.file,
          docIndex: doc.docIndex,
          pointer: `${misfit.source.pointer}/name`,
          message: misfitMessage(misfit.name, misfit.summary),
        });
      }
      // A CSV's misfits as one finding: their diagnostics are made as they are read (DiagnosticRun).
      for (const table of csvMisfits)
        if (table.size > 0)
          findings.push({ rule: RULE, file: table.file, owner: table.owner, message: '', run: runOf(table) });
    }
    return findings;
  },
});

function runOf(table: MisfitTable): DiagnosticRun {
  return {
    size: table.size,
    line: (index) => table.line(index),
    row: (index, severity) => new CsvMisfit(table, index, severity),
  };
}

/**
 * A CSV misfit's diagnostic. It is made whenever the report reads the row, and holds the row of
 * its table, not words: the message is worded when read (twice by stylish: 70,000 messages of
 * ~350 characters are not kept). To its readers it is a plain diagnostic: the own, enumerable
 * keys file, line, column, severity, rule and message, in that order, and no others, so spread,
 * JSON, structuredClone and deep equality all see the message.
 */
class CsvMisfit implements Diagnostic {
  readonly #table: MisfitTable;
  readonly #index: number;
  file: string;
  line: number;
  column = 1;
  severity: Severity;
  rule = RULE;
  declare readonly message: string;

  constructor(table: MisfitTable, index: number, severity: Severity) {
    this.#table = table;
    this.#index = index;
    this.file = table.file;
    this.line = table.line(index);
    this.severity = severity;
    // One shared getter, defined last: the key order of a plain diagnostic, and one hidden class.
    Object.defineProperty(this, 'message', MESSAGE);
  }

  static message(this: CsvMisfit): string {
    return this.#table.message(this.#index);
  }
}

const MESSAGE: PropertyDescriptor = { get: CsvMisfit.message, enumerable: true };
