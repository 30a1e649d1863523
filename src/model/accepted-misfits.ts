import { isRecord } from './completeness.js';

/** One entry of a market's `accepted_misfits`: an account kept on purpose although it does not fit. */
export interface AcceptedMisfit {
  /** The name as written, and as compared (accountKey). */
  account: string;
  key: string;
  reason: string;
  /** Its index in accepted_misfits. */
  index: number;
}

/** The well-formed entries of a market's `accepted_misfits` (others are schema errors). */
export function readAcceptedMisfits(data: Record<string, unknown>): AcceptedMisfit[] {
  const list: unknown = data.accepted_misfits;
  if (!Array.isArray(list)) return [];
  const out: AcceptedMisfit[] = [];
  list.forEach((entry: unknown, index) => {
    if (isRecord(entry) && typeof entry.account === 'string' && entry.account.trim() !== '')
      out.push({
        account: entry.account,
        key: accountKey(entry.account),
        reason: typeof entry.reason === 'string' ? entry.reason.trim() : '',
        index,
      });
  });
  return out;
}

/** Account names compare trimmed, ignoring case and runs of spaces, as CRM names vary in those. */
export function accountKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The reason each accepted account name is kept, by accountKey (the first entry of a name wins). */
export function acceptedReasons(data: Record<string, unknown>): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const entry of readAcceptedMisfits(data)) if (!reasons.has(entry.key)) reasons.set(entry.key, entry.reason);
  return reasons;
}
