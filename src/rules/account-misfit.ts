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
    const evaluations = await marketEvaluations(context);
    // Sized up front: grown by push, a list of 70,000 leaves copies of itself to collect.
    let count = 0;
    for (const { misfits, csvMisfits } of evaluations) count += misfits.length + csvMisfits.reduce((n, t) => n + t.size, 0);
    const findings = new Array<Finding>(count);
    let next = 0;
    for (const { doc, misfits, csvMisfits } of evaluations) {
      for (const misfit of misfits) {
        findings[next++] = { rule: RULE, file: doc.file, docIndex: doc.docIndex, pointer: `${misfit.source.pointer}/name`, message: misfitMessage(misfit.name, misfit.summary) };
      }
      for (const table of csvMisfits) {
        const Row = csvMisfitRow(table);
        for (let i = 0; i < table.size; i++) findings[next++] = new Row(i);
      }
    }
    return findings;
  },
});

/**
 * A CSV misfit as finding and then as diagnostic (the same object: 70,000 of them are not made
 * twice). It holds a row number of its table, not words: the message is worded when read. To its
 * readers it is a plain diagnostic: the own, enumerable keys file, line, column, severity, rule
 * and message, in that order, and no others, so spread, JSON, structuredClone and deep equality
 * all see the message. Every key is a getter shared by the table's rows (one hidden class, no
 * memory per row), and the table is known to the class rather than to each row, so a row costs
 * one field: each long-lived young object counts towards V8 growing its young generation, the
 * peak memory of a large check (bench/README, eighth round). `owner`, which findings have and
 * diagnostics do not, is on the prototype.
 */
type CsvMisfit = Diagnostic & Finding & { toDiagnostic(severity: Severity): Diagnostic };

function csvMisfitRow(table: MisfitTable): new (index: number) => CsvMisfit {
  const descriptors: Record<'file' | 'line' | 'column' | 'severity' | 'rule' | 'message', PropertyDescriptor> = {
    file: { get: () => table.file, enumerable: true },
    line: { get(this: Row) { return table.line(this.index); }, enumerable: true },
    column: { get: () => 1, enumerable: true },
    // Settable like a plain diagnostic's: a caller that changes one row's severity changes only that row.
    severity: {
      get(this: Row) { return table.severityOf(this.index); },
      set(this: Row, severity: Severity) { table.setSeverityOf(this.index, severity); },
      enumerable: true,
    },
    rule: { get: () => RULE, enumerable: true },
    message: { get(this: Row) { return table.message(this.index); }, enumerable: true },
  };
  class Row {
    readonly #index: number;

    constructor(index: number) {
      this.#index = index;
      // One property at a time, in this order, with the same descriptors: all rows share one hidden class.
      Object.defineProperty(this, 'file', descriptors.file);
      Object.defineProperty(this, 'line', descriptors.line);
      Object.defineProperty(this, 'column', descriptors.column);
      Object.defineProperty(this, 'severity', descriptors.severity);
      Object.defineProperty(this, 'rule', descriptors.rule);
      Object.defineProperty(this, 'message', descriptors.message);
    }

    get index(): number {
      return this.#index;
    }

    get owner(): string {
      return table.owner;
    }

    toDiagnostic(severity: Severity): Diagnostic {
      table.severity = severity;
      return this as unknown as Diagnostic;
    }
  }
  return Row as unknown as new (index: number) => CsvMisfit;
}
