import type { Diagnostic, DiagnosticList } from '../diagnostic.js';
import { inPieces } from './pieces.js';
import type { ReportOptions } from './types.js';
import { groupByFile } from './util.js';

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF;
 * unpaired surrogates). They cannot even be written as character references, so they are dropped.
 */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content. */
export function escapeXmlText(value: string): string {
  return value
    .replace(ILLEGAL_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes an attribute value; tab, LF and CR become references so parsers do not normalise them to spaces. */
export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * JUnit XML: one <testsuite>, one <testcase> per checked file (files without problems pass),
 * one <failure> per diagnostic of that file, warnings included. `tests` counts test cases,
 * `failures` counts the test cases that have at least one failure.
 */
export function junit(diagnostics: DiagnosticList, options: ReportOptions): string {
  return [...junitPieces(diagnostics, options)].join('');
}

/** junit() in pieces (see pieces.ts). */
export function* junitPieces(diagnostics: DiagnosticList, options: ReportOptions): Generator<string> {
  const groups = groupByFile(diagnostics, options.files, true);
  const tests = groups.length;
  const failures = groups.filter((g) => g.diagnostics.length > 0).length;
  const counts = `tests="${tests}" failures="${failures}"`;

  yield '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<testsuites name="personakit" ${counts}>\n` +
    `  <testsuite name="personakit" ${counts} errors="0">\n`;
  for (const group of groups) {
    const open = `    <testcase classname="personakit" name="${escapeXmlAttr(group.file)}"`;
    if (group.diagnostics.length === 0) {
      yield `${open} />\n`;
      continue;
    }
    yield `${open}>\n`;
    for (const piece of inPieces(group.diagnostics, failure, '\n')) yield piece;
    yield '\n    </testcase>\n';
  }
  yield '  </testsuite>\n</testsuites>\n';
}

function failure(d: Diagnostic): string {
  const text = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
  return `      <failure message="${escapeXmlAttr(d.message)}" type="${escapeXmlAttr(d.rule)}">${escapeXmlText(text)}</failure>`;
}
