import type { Finding } from '../diagnostic.js';
import { csvFinding, marketEvaluations } from './market-evaluation.js';
import { defineRule, type RuleContext } from './rule.js';

/**
 * One warning per listed account that does not fit (SPEC 5), naming the failed criteria with
 * their reasons, which of them are required, and what was unknown. Inline accounts are pointed
 * at by their `name`; CSV accounts by their row in the CSV.
 */
export const accountMisfit = defineRule({
  id: 'account-misfit',
  severity: 'warning',
  description: 'A listed account does not fit the market; the message says which criteria failed and what was unknown.',
  help: 'Either the account is not a prospect (remove it, or keep it on purpose and accept the warning), or the criteria are too narrow: widen them, lower fit.threshold, or take a criterion out of fit.required. Unknown criteria never count against an account; fill in its data to have them scored.',
  async check(context: RuleContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const { doc, misfits } of await marketEvaluations(context)) {
      for (const misfit of misfits) {
        const message = `account "${misfit.name}" does not fit: ${misfit.summary}`;
        const { source } = misfit;
        if (source.in === 'csv') findings.push(csvFinding('account-misfit', doc, source.file, source.line, 1, message));
        else findings.push({ rule: 'account-misfit', file: doc.file, docIndex: doc.docIndex, pointer: `${source.pointer}/name`, message });
      }
    }
    return findings;
  },
});
