import type { Diagnostic } from '../diagnostic.js';
import { ITEMS_PER_PIECE, type Items } from './pieces.js';
import type { ReportOptions } from './types.js';
import { groupByFile } from './util.js';
import { xmlAttr, xmlText } from '../escape/index.js';

/**
 * JUnit XML as CI test widgets read it (the format of the Jenkins xunit plugin's junit-10.xsd):
 * one <testsuite>, one <testcase> per checked file. A file with errors has one <failure> holding
 * all of them; its warnings go to the test case's <system-out>, so they are visible without
 * turning the test red. `failures` counts the files with errors: a run without errors shows no
 * failure. With --max-warnings, one more test case stands for the limit and fails when the
 * warnings exceed it, so the XML fails exactly when `check` exits 1.
 */
export function junit(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  return [...junitPieces(diagnostics, options)].join('');
}

/** junit() in pieces (see pieces.ts): a file's lines are drawn ITEMS_PER_PIECE at a time. */
export function* junitPieces(diagnostics: readonly Diagnostic[], options: ReportOptions): Generator<string> {
  const groups = groupByFile(diagnostics, options.files, true).map((g) => ({ ...g, errors: errorCount(g.diagnostics) }));
  const limit = warningsLimit(diagnostics, options.maxWarnings);
  const tests = groups.length + (limit ? 1 : 0);
  const failures = groups.filter((g) => g.errors > 0).length + (limit?.exceeded ? 1 : 0);
  const counts = `tests="${tests}" failures="${failures}" errors="0"`;

  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="personakit" ${counts}>\n` +
    `  <testsuite name="personakit" ${counts} skipped="0">\n`;
  for (const group of groups) {
    const open = `    <testcase classname="personakit" name="${xmlAttr(group.file)}"`;
    const warnings = group.diagnostics.length - group.errors;
    if (group.diagnostics.length === 0) {
      yield `${open} />\n`;
      continue;
    }
    yield `${open}>\n`;
    if (group.errors > 0) {
      const message = `${group.errors} error${group.errors === 1 ? '' : 's'}: ${firstMessage(group.diagnostics)}`;
      yield `      <failure message="${xmlAttr(message)}" type="personakit">`;
      yield* lines(group.diagnostics, 'error');
      yield '</failure>\n';
    }
    if (warnings > 0) {
      yield '      <system-out>';
      yield* lines(group.diagnostics, 'warning');
      yield '</system-out>\n';
    }
    yield '    </testcase>\n';
  }
  if (limit) yield limit.testCase;
  yield '  </testsuite>\n</testsuites>\n';
}

/** The --max-warnings test case: passed within the limit, failed above it. */
function warningsLimit(
  diagnostics: readonly Diagnostic[],
  max: number | undefined,
): { exceeded: boolean; testCase: string } | undefined {
  if (max === undefined) return undefined;
  let warnings = 0;
  for (const d of diagnostics) if (d.severity === 'warning') warnings++;
  const open = `    <testcase classname="personakit" name="${xmlAttr(`--max-warnings ${max}`)}"`;
  if (warnings <= max) return { exceeded: false, testCase: `${open} />\n` };
  const message = `${warnings} warning${warnings === 1 ? '' : 's'}, more than the ${max} that --max-warnings allows`;
  return {
    exceeded: true,
    testCase: `${open}>\n      <failure message="${xmlAttr(message)}" type="personakit">${xmlText(`${message}; fix them or raise the limit\n`)}</failure>\n    </testcase>\n`,
  };
}

function errorCount(items: Items<Diagnostic>): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (items.at(i)!.severity === 'error') n++;
  return n;
}

function firstMessage(items: Items<Diagnostic>): string {
  for (let i = 0; i < items.length; i++) {
    const d = items.at(i)!;
    if (d.severity === 'error') return d.message;
  }
  return '';
}

/** One escaped `file:line:column severity rule message` line per diagnostic of a severity, in pieces. */
function* lines(items: Items<Diagnostic>, severity: Diagnostic['severity']): Generator<string> {
  let piece = '';
  let inPiece = 0;
  for (let i = 0; i < items.length; i++) {
    const d = items.at(i)!;
    if (d.severity !== severity) continue;
    piece += xmlText(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}\n`);
    if (++inPiece === ITEMS_PER_PIECE) {
      yield piece;
      piece = '';
      inPiece = 0;
    }
  }
  if (piece) yield piece;
}
