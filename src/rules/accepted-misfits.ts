import type { Finding } from '../diagnostic.js';
import { accountKey, readAcceptedMisfits, type AcceptedMisfit } from '../model/accepted-misfits.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt } from './facts.js';
import { marketEvaluations } from './market-evaluation.js';
import type { Rule, RuleContext } from './rule.js';
import { unusedDisable } from './unused-disable.js';

/**
 * A market's `accepted_misfits`: accounts kept on purpose although they do not fit. Their
 * account-misfit warnings are silenced (they still count as misfits in the model and reports).
 */
export class AcceptedMisfits {
  private readonly entries: Array<AcceptedMisfit & { used: boolean }>;

  constructor(private readonly doc: WorkspaceDocument) {
    this.entries = readAcceptedMisfits(doc.data).map((e) => ({ ...e, used: false }));
  }

  /** The market accepts no misfit at all. */
  acceptsNone(): boolean {
    return this.entries.length === 0;
  }

  /** Whether the misfit account of this name is accepted (and so not reported). */
  accepts(name: string): boolean {
    // Most markets accept none: no key to work out for each of a CRM export's misfits.
    if (this.entries.length === 0) return false;
    const key = accountKey(name);
    let accepted = false;
    for (const entry of this.entries)
      if (entry.key === key) {
        entry.used = true;
        accepted = true;
      }
    return accepted;
  }

  /** unused-disable at each entry that named no misfit: no such account, or one that fits. */
  unused(): Finding[] {
    return this.entries
      .filter((e) => !e.used)
      .map((e) =>
        findingAt(
          'unused-disable',
          this.doc,
          `/accepted_misfits/${e.index}/account`,
          `accepted_misfits names "${e.account}", but no listed account of that name is a misfit (it fits, or is not listed); remove the entry`,
          'value',
        ),
      );
  }
}

/**
 * Entries of accepted_misfits that accept nothing, as unused-disable: a rule of its own, so that
 * acceptances cannot rot even where account-misfit is turned off.
 */
export const acceptedMisfitsUnused: Rule = {
  ...unusedDisable,
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const { doc, misfits, csvMisfitNames } of marketEvaluations(context)) {
      const accepted = new AcceptedMisfits(doc);
      for (const misfit of misfits) accepted.accepts(misfit.name);
      for (const name of csvMisfitNames) accepted.accepts(name);
      findings.push(...accepted.unused());
    }
    return findings;
  },
};
