import type { Diagnostic } from '../diagnostic.js';
import type { DocumentChange, WorkspaceDiff } from '../model/diff-types.js';
import { KINDS } from '../schema/compile.js';
import { htmlText as escapeHtml, markdownCell as escapeMarkdown } from '../escape/index.js';
import { changeDetail, changeVerb, fileText, findingsLine, revisionText, statusText } from './diff-words.js';

/**
 * Past this size the comment stops listing documents: a forge refuses longer comments (GitHub:
 * 65,536 characters), and a reviewer reads the rest locally.
 */
const MAX_LENGTH = 60_000;

/**
 * The diff as a pull-request comment (or job summary): a summary table, then one collapsible
 * section per document. Every value from the data is escaped for where it lands: Markdown text
 * in tables and prose, HTML text inside the <summary> lines (an HTML block, where Markdown
 * escapes would show as they are).
 */
export function diffMarkdown(diff: WorkspaceDiff): string {
  const out: string[] = [
    `### personakit diff: ${escapeMarkdown(revisionText(diff.base))} → ${escapeMarkdown(revisionText(diff.head))}`,
    '',
  ];
  if (diff.documents.length === 0 && diff.unreadable.length === 0 && diff.findings.new.length === 0) {
    out.push('No semantic changes to personas, journeys or markets.', '');
    if (diff.findings.fixed.length > 0) out.push(findingsSection('Fixed problems', diff.findings.fixed));
    return out.join('\n');
  }
  out.push('| | added | removed | changed |', '|---|---:|---:|---:|');
  for (const kind of KINDS) {
    const docs = diff.documents.filter((d) => d.kind === kind);
    const n = (status: DocumentChange['status']) => docs.filter((d) => d.status === status).length;
    out.push(`| ${kind}s | ${n('added')} | ${n('removed')} | ${n('changed')} |`);
  }
  out.push('', `**Findings:** ${escapeMarkdown(findingsLine(diff))}.`, '');
  if (diff.unreadable.length > 0) {
    out.push('**Files with YAML errors** (their documents are not compared):', '');
    for (const u of diff.unreadable)
      out.push(`- at ${u.at}: ${escapeMarkdown(`${u.file}:${u.line}:${u.column}`)}: ${escapeMarkdown(u.message)}`);
    out.push('');
  }
  if (diff.findings.new.length > 0) out.push(findingsSection('New problems', diff.findings.new));
  if (diff.findings.fixed.length > 0) out.push(findingsSection('Fixed problems', diff.findings.fixed));

  let length = out.join('\n').length;
  let shown = 0;
  for (const doc of diff.documents) {
    const section = documentSection(doc);
    if (length + section.length > MAX_LENGTH) break;
    out.push(section);
    length += section.length + 1;
    shown++;
  }
  if (shown < diff.documents.length)
    out.push(
      `${diff.documents.length - shown} more changed documents are not shown here; run \`personakit diff\` locally for all of them.`,
      '',
    );
  return out.join('\n');
}

function documentSection(doc: DocumentChange): string {
  const title = `${doc.kind} <code>${inHtml(doc.id)}</code> ${inHtml(doc.name)}: ${inHtml(statusText(doc))}`;
  const lines = [
    `<details><summary>${title}</summary>`,
    '',
    `File: ${escapeMarkdown(fileText(doc))}`,
    '',
  ];
  if (doc.changes.length > 0) {
    lines.push('| what | change | details |', '|---|---|---|');
    for (const c of doc.changes)
      lines.push(`| ${cell(c.field)} | ${cell(changeVerb(c))} | ${cell(changeDetail(c))} |`);
    lines.push('');
  }
  lines.push('</details>', '');
  return lines.join('\n');
}

function findingsSection(title: string, list: readonly Diagnostic[]): string {
  const lines = [
    `<details><summary>${escapeHtml(title)} (${list.length})</summary>`,
    '',
    '| file | severity | rule | message |',
    '|---|---|---|---|',
  ];
  for (const d of list)
    lines.push(`| ${cell(`${d.file}:${d.line}:${d.column}`)} | ${d.severity} | ${cell(d.rule)} | ${cell(d.message)} |`);
  lines.push('', '</details>', '');
  return lines.join('\n');
}

/**
 * Text on a <summary> line: HTML-escaped, and on one line, because a blank line would end the
 * HTML block and let the rest be read as Markdown.
 */
function inHtml(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' '));
}

/** A table cell: escaped, and never empty (an empty cell is fine, but a dash reads better). */
function cell(text: string): string {
  return text === '' ? '–' : escapeMarkdown(text);
}
