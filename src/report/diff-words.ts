import type { Change, DocumentChange, WorkspaceDiff } from '../model/diff-types.js';

/**
 * How the diff formats word a change, shared so that the terminal and the pull-request comment
 * say the same thing. Plain text: each format escapes it for where it lands.
 */
export function changeDetail(c: Change): string {
  const arrow = () => `${show(c.before)} → ${show(c.after)}`;
  switch (c.change) {
    case 'added':
    case 'removed':
      return c.item ?? show(c.change === 'added' ? c.after : c.before);
    case 'changed':
    case 'reordered':
      return arrow();
    case 'reworded':
      return c.item !== undefined && c.before !== undefined ? `"${show(c.before)}" → "${show(c.after)}"` : arrow();
    case 'filled':
    case 'emptied':
    case 'appeared':
    case 'resolved':
      return c.item ?? '';
    case 'starts-fitting':
    case 'stops-fitting':
      return `${c.item ?? ''}${c.note ? `: ${c.note}` : ''}`;
  }
}

/** The change's verb as a reader says it ("starts fitting"). */
export function changeVerb(c: Change): string {
  return c.change.replace('-', ' ');
}

function show(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(none)';
  return String(value);
}

/** "added", "removed", "changed", with a "looks renamed" note when it applies. */
export function statusText(doc: DocumentChange): string {
  if (doc.looksRenamedFrom) return `added (looks renamed from ${doc.looksRenamedFrom})`;
  if (doc.looksRenamedTo) return `removed (looks renamed to ${doc.looksRenamedTo})`;
  return doc.status;
}

/** The file a document is in, or "a → b" when it moved. */
export function fileText(doc: DocumentChange): string {
  const { base, head } = doc.file;
  if (base && head && base !== head) return `${base} → ${head}`;
  return head ?? base ?? '';
}

/** "2 new errors, 1 new warning; 3 fixed" */
export function findingsLine(diff: WorkspaceDiff): string {
  const s = diff.summary;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(s.newErrors, 'new error')}, ${n(s.newWarnings, 'new warning')}; ${n(s.fixedErrors, 'error')} and ${n(s.fixedWarnings, 'warning')} fixed`;
}

export function revisionText(r: WorkspaceDiff['base']): string {
  return r.commit ? `${r.revision} (${r.commit.slice(0, 7)})` : r.revision;
}
