import type { Finding } from '../diagnostic.js';
import { isRecord } from '../model/completeness.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt } from './facts.js';

/**
 * A market's `accepted_misfits`: accounts kept on purpose although they do not fit. Their
 * account-misfit warnings are silenced (they still count as misfits in the model); an entry that
 * silences nothing is reported as unused-disable, like a disable comment that silences nothing.
 */
export class AcceptedMisfits {
  private readonly entries: Array<{ key: string; account: string; index: number; used: boolean }> = [];

  constructor(private readonly doc: WorkspaceDocument) {
    const list: unknown = doc.data.accepted_misfits;
    if (!Array.isArray(list)) return;
    list.forEach((entry: unknown, index) => {
      if (isRecord(entry) && typeof entry.account === 'string' && entry.account.trim() !== '')
        this.entries.push({ key: accountKey(entry.account), account: entry.account, index, used: false });
    });
  }

  /** Whether the misfit account of this name is accepted (and so not reported). */
  accepts(name: string): boolean {
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

/** Account names compare trimmed, ignoring case and runs of spaces, as CRM names vary in those. */
function accountKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
