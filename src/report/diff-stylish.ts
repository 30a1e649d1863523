import { Chalk } from 'chalk';
import type { DocumentChange, WorkspaceDiff } from '../model/diff-types.js';
import { changeDetail, changeVerb, fileText, findingsLine, revisionText, statusText } from './diff-words.js';

/** The diff for a terminal: one block per document, its changes aligned, then the findings. */
export function diffStylish(diff: WorkspaceDiff, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (status: DocumentChange['status'], text: string) =>
    status === 'added' ? c.green(text) : status === 'removed' ? c.red(text) : c.yellow(text);
  const lines: string[] = [c.bold(`personakit diff ${revisionText(diff.base)} → ${revisionText(diff.head)}`), ''];
  for (const doc of diff.documents) {
    lines.push(`${paint(doc.status, statusText(doc))}  ${doc.kind} ${c.bold(doc.id)} (${doc.name})  ${c.dim(fileText(doc))}`);
    const width = Math.min(32, Math.max(0, ...doc.changes.map((ch) => ch.field.length)));
    for (const ch of doc.changes)
      lines.push(`  ${ch.field.padEnd(width)}  ${changeVerb(ch).padEnd(14)}  ${oneLine(changeDetail(ch))}`);
    lines.push('');
  }
  for (const u of diff.unreadable)
    lines.push(`${c.red('unreadable')} at ${u.at}  ${u.file}:${u.line}:${u.column}  ${oneLine(u.message)}`);
  if (diff.unreadable.length > 0) lines.push('');
  const problems = (title: string, list: WorkspaceDiff['findings']['new']) => {
    if (list.length === 0) return;
    lines.push(c.bold(title));
    for (const d of list)
      lines.push(
        `  ${d.file}:${d.line}:${d.column}  ${d.severity === 'error' ? c.red('error') : c.yellow('warning')}  ${oneLine(d.message)}  ${c.dim(d.rule)}`,
      );
    lines.push('');
  };
  problems(`New problems (${diff.findings.new.length})`, diff.findings.new);
  problems(`Fixed problems (${diff.findings.fixed.length})`, diff.findings.fixed);
  const s = diff.summary;
  const nothing = diff.documents.length === 0 && diff.unreadable.length === 0;
  lines.push(
    nothing
      ? 'No semantic changes.'
      : `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged · ${findingsLine(diff)}`,
  );
  return lines.join('\n') + '\n';
}

/** Terminal rows stay one line: data with line breaks or control characters cannot break the layout. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
