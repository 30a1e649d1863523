import type { Finding } from '../diagnostic.js';
import { AcceptedMisfits } from './accepted-misfits.js';
import { marketEvaluations, misfitMessage, namingMarket } from './market-evaluation.js';
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
  help: 'Either the account is not a prospect (remove it, or keep it on purpose: list it with the reason under `accepted_misfits` of the market), or the criteria are too narrow: widen them, lower fit.threshold, or take a criterion out of fit.required. Unknown criteria never count against an account; fill in its data to have them scored.',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const evaluations = marketEvaluations(context);
    // How many reported markets read each accounts file: a shared file's warnings name their market.
    const readers = new Map<string, number>();
    for (const { model } of evaluations) {
      const file = model.accountsFile?.path;
      if (file !== undefined) readers.set(file, (readers.get(file) ?? 0) + 1);
    }
    for (const { doc, model, misfits, csvMisfits, csvMisfitNames } of evaluations) {
      const shared = (readers.get(model.accountsFile?.path ?? '') ?? 0) > 1;
      const accepted = new AcceptedMisfits(doc);
      // One market's CRM export and nothing else to report: its findings as they are, rather than
      // 70,000 of them copied into an array that grows (bench/README.md, "Accounts rows in memory").
      if (evaluations.length === 1 && misfits.length === 0 && accepted.acceptsNone()) return csvMisfits;
      for (const misfit of misfits) {
        if (accepted.accepts(misfit.name)) continue;
        findings.push({
          rule: RULE,
          file: doc.file,
          docIndex: doc.docIndex,
          pointer: `${misfit.source.pointer}/name`,
          message: misfitMessage(misfit.name, misfit.summary),
        });
      }
      csvMisfits.forEach((misfit, i) => {
        const name = csvMisfitNames[i]!;
        if (accepted.accepts(name)) return;
        findings.push(shared ? namingMarket(misfit, name, doc.id ?? doc.file) : misfit);
      });
    }
    return findings;
  },
});
