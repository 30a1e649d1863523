import type { Finding } from '../diagnostic.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { isRecord } from '../model/completeness.js';
import { findingAt, nameOf } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

const DAY_MS = 86_400_000;

export const evidenceStale = defineRule({
  id: 'evidence-stale',
  severity: 'warning',
  description:
    "A persona's newest evidence is older than `evidence.maxAgeDays` (default 365); dates after today do not count (see `evidence-future`).",
  help: 'Refresh the research (new interviews, survey or CRM data) and add it to `evidence` with its date, or raise `evidence.maxAgeDays` in personakit.yaml.',
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    if (doc.kind !== 'persona') return [];
    const maxAge = context.evidenceMaxAgeDays;
    const today = utcDay(context.today);
    let newest: { day: number; date: string; index: number } | undefined;
    const evidence: unknown[] = Array.isArray(doc.data.evidence) ? doc.data.evidence : [];
    for (let index = 0; index < evidence.length; index++) {
      const entry = evidence[index];
      if (!isRecord(entry)) continue;
      const day = typeof entry.date === 'string' ? parseIsoDay(entry.date) : undefined;
      // A date after today is a typo or a plan, not research (evidence-future reports it): it must
      // not make the real research look fresh.
      if (day === undefined || day > today) continue;
      if (!newest || day > newest.day) newest = { day, date: entry.date as string, index };
    }
    if (!newest) return [];
    const age = Math.floor((today - newest.day) / DAY_MS);
    if (age <= maxAge) return [];
    return [
      findingAt(
        'evidence-stale',
        doc,
        `/evidence/${newest.index}/date`,
        `the newest evidence of ${nameOf(doc)} (${newest.date}) is ${age} days old, more than ${maxAge} days (evidence.maxAgeDays); refresh the research`,
      ),
    ];
  },
});

/** Midnight UTC of a date, in ms. */
function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** A calendar date `YYYY-MM-DD` as midnight UTC, or undefined when it is not a real date (schema reports it). */
export function parseIsoDay(text: string): number | undefined {
  // Read by character codes: a regular expression's match, its groups and their numbers were
  // garbage for each of the ~50,000 dates a large workspace holds.
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : undefined;
}

/** The number the ASCII digits of text[from, to) write, or -1 when one of them is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}
