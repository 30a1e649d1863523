import type { Diagnostic } from '../diagnostic.js';
import { jsonWithArray } from './pieces.js';
import type { ReportOptions } from './types.js';
import { sortDiagnostics } from './util.js';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

/** Each path segment percent-encoded, separators as forward slashes. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

/**
 * A relative path becomes a relative URI against %SRCROOT%; an absolute one
 * (POSIX, Windows drive or UNC) becomes a file: URI without a base.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encodePath(slashed)}` };
  if (slashed.startsWith('//')) return { uri: `file:${encodePath(slashed)}` };
  if (slashed.startsWith('/')) return { uri: `file://${encodePath(slashed)}` };
  return { uri: encodePath(slashed.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

/** SARIF 2.1.0: one run, the rules of `options.rules` as tool.driver.rules, one result per diagnostic. */
export function sarif(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  return [...sarifPieces(diagnostics, options)].join('');
}

/** sarif() in pieces (see pieces.ts). */
export function sarifPieces(diagnostics: readonly Diagnostic[], options: ReportOptions): Iterable<string> {
  const ruleIndex = new Map<string, number>();
  options.rules.forEach((r, i) => {
    if (!ruleIndex.has(r.id)) ruleIndex.set(r.id, i);
  });

  const rules = options.rules.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: { text: r.help },
    defaultConfiguration: { level: r.severity },
  }));

  const result = (d: Diagnostic) => {
    const region: SarifRegion = { startLine: d.line, startColumn: d.column };
    if (d.endLine !== undefined) region.endLine = d.endLine;
    if (d.endColumn !== undefined) region.endColumn = d.endColumn;
    const index = ruleIndex.get(d.rule);
    return {
      ruleId: d.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: d.severity,
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.file), region } }],
    };
  };

  const marker = '\u0000results';
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'personakit',
            version: options.version,
            informationUri: 'https://github.com/personakit/personakit',
            rules,
          },
        },
        results: marker,
      },
    ],
  };
  return jsonWithArray(log, marker, sortDiagnostics(diagnostics, options.files), result);
}
