import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostic.js';
import {
  FORMATS,
  formatDiagnosticPieces,
  formatDiagnostics,
  isFormat,
  reporters,
  type ReportOptions,
} from '../src/report/index.js';
import { CORE_RULES, type RuleMeta } from '../src/rules/types.js';

const TRICKY = 'must be <string> & "quoted", a: b 100%\nsee docs';

/** Deliberately unsorted: reporters order by options.files, then position. */
const diagnostics: Diagnostic[] = [
  {
    file: 'journeys/buy.yaml',
    line: 12,
    column: 3,
    severity: 'warning',
    rule: 'touchpoint-missing',
    message: 'Buying stage "awareness" has no touchpoint.',
  },
  {
    file: 'personas/alice.yaml',
    line: 10,
    column: 15,
    endLine: 10,
    endColumn: 22,
    severity: 'error',
    rule: 'schema',
    message: TRICKY,
    path: '/role',
  },
  {
    file: 'personas/alice.yaml',
    line: 2,
    column: 1,
    severity: 'warning',
    rule: 'evidence-missing',
    message: 'Persona "alice" has no evidence.',
  },
  {
    file: 'journeys/buy.yaml',
    line: 3,
    column: 7,
    severity: 'error',
    rule: 'unknown-reference',
    message: 'Persona "bob" does not exist.',
  },
];

const rules: RuleMeta[] = [
  ...CORE_RULES,
  {
    id: 'unknown-reference',
    severity: 'error',
    description: 'A reference names nothing.',
    help: 'Fix the id.',
  },
  {
    id: 'touchpoint-missing',
    severity: 'warning',
    description: 'A buying stage with no touchpoint.',
    help: 'Add a touchpoint.',
  },
  // evidence-missing is left out on purpose: its results carry no ruleIndex.
];

const options: ReportOptions = {
  color: false,
  files: ['personas/alice.yaml', 'journeys/buy.yaml', 'markets/ok.yaml'],
  rules,
  version: '1.2.3',
};

function diag(severity: Diagnostic['severity'], file = 'a.yaml'): Diagnostic {
  return { file, line: 1, column: 1, severity, rule: 'schema', message: 'bad' };
}

describe('report index', () => {
  it('has a reporter for every format', () => {
    expect(Object.keys(reporters).sort()).toEqual([...FORMATS].sort());
  });

  it('recognises formats', () => {
    for (const f of FORMATS) expect(isFormat(f)).toBe(true);
    expect(isFormat('xml')).toBe(false);
    expect(isFormat('')).toBe(false);
    expect(isFormat('toString')).toBe(false);
  });

  it('gives every format in pieces, each a part of the whole report, none of them all of it', () => {
    // 1,000 diagnostics (several pieces) with messages that JSON, XML and workflow commands escape.
    const many: Diagnostic[] = Array.from({ length: 1000 }, (_, i) => ({
      ...diagnostics[i % diagnostics.length]!,
      line: i + 1,
      message: `${TRICKY} ${i} \u2028 "\\" 😀`,
    }));
    for (const f of FORMATS) {
      const pieces = [...formatDiagnosticPieces(f, many, options)];
      expect(pieces.join(''), f).toBe(formatDiagnostics(f, many, options));
      expect(pieces.length, f).toBeGreaterThan(3);
      expect(Math.max(...pieces.map((p) => p.length)), f).toBeLessThan(pieces.join('').length / 3);
    }
    // The JSON formats are exactly what JSON.stringify makes of the whole value at once.
    const json = JSON.parse(formatDiagnostics('json', many, options)) as unknown;
    expect(formatDiagnostics('json', many, options)).toBe(`${JSON.stringify(json, null, 2)}\n`);
    const sarif = JSON.parse(formatDiagnostics('sarif', many, options)) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(1000);
    expect(formatDiagnostics('sarif', many, options)).toBe(`${JSON.stringify(sarif, null, 2)}\n`);
    for (const f of FORMATS)
      expect([...formatDiagnosticPieces(f, [], options)].join(''), f).toBe(formatDiagnostics(f, [], options));
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(diagnostics);
    for (const f of FORMATS) formatDiagnostics(f, diagnostics, options);
    expect(diagnostics).toEqual(copy);
  });
});

describe('stylish', () => {
  it('on a terminal, prints the ESLint layout without colour, the message column as wide as the longest message', () => {
    const expected = [
      '',
      'personas/alice.yaml',
      '   2:1   warning  Persona "alice" has no evidence.        evidence-missing',
      '  10:15  error    must be <string> & "quoted", a: b 100%  schema',
      '                  see docs',
      '',
      'journeys/buy.yaml',
      '   3:7  error    Persona "bob" does not exist.                unknown-reference',
      '  12:3  warning  Buying stage "awareness" has no touchpoint.  touchpoint-missing',
      '',
      '✖ 4 problems (2 errors, 2 warnings)',
      '',
    ].join('\n');
    const out = formatDiagnostics('stylish', diagnostics, { ...options, width: 160 });
    expect(out).toBe(expected);
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).not.toContain('markets/ok.yaml');
  });

  it('not on a terminal, pads no message: the rule follows it', () => {
    const out = formatDiagnostics('stylish', diagnostics, options);
    expect(out.split('\n').slice(1, 5)).toEqual([
      'personas/alice.yaml',
      '   2:1   warning  Persona "alice" has no evidence.  evidence-missing',
      '  10:15  error    must be <string> & "quoted", a: b 100%  schema',
      '                  see docs',
    ]);
  });

  it('never draws a row past the terminal width: long messages wrap under the message column', () => {
    const long = `${'word '.repeat(140)}end`;
    const rows = [
      { ...diag('error', 'p.yaml'), message: 'short' },
      { ...diag('warning', 'p.yaml'), line: 3, message: long },
    ];
    const out = formatDiagnostics('stylish', rows, { ...options, width: 100 });
    const lines = out.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    const at = lines[2]!.indexOf('short');
    const continued = lines.filter((l) => /^ +word/.test(l));
    expect(continued.length).toBeGreaterThan(3);
    for (const line of continued) expect(line.search(/\S/)).toBe(at);
    // Every word is still there, in order.
    expect(lines[3]).toMatch(/^ {2}3:1 {2}warning {2}word .* {2}schema$/);
    const first = lines[3]!
      .slice(at)
      .replace(/ +schema$/, '')
      .trimEnd();
    expect([first, ...continued.map((l) => l.trim())].join(' ')).toBe(long);
  });

  it('colours when asked', () => {
    const out = formatDiagnostics('stylish', diagnostics, { ...options, color: true });
    expect(out).toMatch(/\u001b\[/);
    expect(out).toContain('\u001b[4mpersonas/alice.yaml\u001b[24m'); // underlined file
    expect(out).toContain('\u001b[31merror\u001b[39m');
    expect(out).toContain('\u001b[33mwarning\u001b[39m');
    expect(out).toContain('\u001b[2m10:15\u001b[22m'); // dim position
    expect(out).toContain('\u001b[2mschema\u001b[22m'); // dim rule
    expect(out).toContain('\u001b[31m\u001b[1m✖ 4 problems'); // red summary with an error
    // Stripped of colour, it is the plain output.
    expect(out.replace(/\u001b\[\d+m/g, '')).toBe(formatDiagnostics('stylish', diagnostics, options));
  });

  it('colours the summary yellow when there are only warnings', () => {
    const out = formatDiagnostics('stylish', [diag('warning')], { ...options, color: true });
    expect(out).toContain('\u001b[33m\u001b[1m✖ 1 problem (0 errors, 1 warning)');
  });

  it('uses ESLint wording, singular and plural', () => {
    const summary = (ds: Diagnostic[]) => formatDiagnostics('stylish', ds, options).trimEnd().split('\n').pop();
    expect(summary([diag('error')])).toBe('✖ 1 problem (1 error, 0 warnings)');
    expect(summary([diag('warning')])).toBe('✖ 1 problem (0 errors, 1 warning)');
    expect(summary([diag('error'), diag('error'), diag('warning')])).toBe('✖ 3 problems (2 errors, 1 warning)');
    expect(summary([diag('warning'), diag('warning')])).toBe('✖ 2 problems (0 errors, 2 warnings)');
  });

  it('prints files outside options.files after the listed ones', () => {
    const out = formatDiagnostics(
      'stylish',
      [diag('error', 'z.yaml'), diag('error', 'b.yaml'), diag('error', 'a.yaml')],
      {
        ...options,
        files: ['z.yaml'],
      },
    );
    const names = out.split('\n').filter((l) => l.endsWith('.yaml'));
    expect(names).toEqual(['z.yaml', 'a.yaml', 'b.yaml']);
  });

  it('is empty without diagnostics', () => {
    expect(formatDiagnostics('stylish', [], options)).toBe('');
    expect(formatDiagnostics('stylish', [], { ...options, color: true })).toBe('');
  });
});

describe('json', () => {
  it('prints diagnostics and a summary', () => {
    const out = formatDiagnostics('json', diagnostics, options);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "diagnostics": [');
    const parsed = JSON.parse(out) as { diagnostics: Diagnostic[]; summary: unknown };
    expect(parsed.summary).toEqual({ errors: 2, warnings: 2, files: 3 });
    expect(parsed.diagnostics).toHaveLength(4);
    expect(parsed.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual([
      'personas/alice.yaml:2',
      'personas/alice.yaml:10',
      'journeys/buy.yaml:3',
      'journeys/buy.yaml:12',
    ]);
    expect(parsed.diagnostics[1]).toEqual(diagnostics[1]);
    expect(parsed.diagnostics[0]).not.toHaveProperty('endLine');
  });

  it('prints an empty report', () => {
    const parsed = JSON.parse(formatDiagnostics('json', [], { ...options, files: ['a.yaml'] })) as unknown;
    expect(parsed).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, files: 1 } });
  });
});

describe('junit', () => {
  const out = formatDiagnostics('junit', diagnostics, options);
  const count = (re: RegExp) => (out.match(re) ?? []).length;

  it('has one testcase per checked file, one failure per file with errors, warnings as system-out', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(out.endsWith('</testsuites>\n')).toBe(true);
    expect(out).toContain('<testsuites name="personakit" tests="3" failures="2" errors="0">');
    expect(count(/<testsuite /g)).toBe(1);
    expect(count(/<testcase /g)).toBe(3);
    expect(count(/<failure /g)).toBe(2);
    expect(count(/<\/failure>/g)).toBe(2);
    expect(count(/<system-out>/g)).toBe(2);
    expect(out).toContain('<testcase classname="personakit" name="markets/ok.yaml" />');
    expect(out).toContain('<system-out>personas/alice.yaml:2:1 warning evidence-missing Persona');
  });

  it('escapes the message', () => {
    const attributes = [...out.matchAll(/<failure message="([^"]*)" type="([^"]*)">/g)];
    expect(attributes).toHaveLength(2);
    for (const [, message, type] of attributes) {
      expect(message).not.toMatch(/[<>]/);
      expect(type).not.toMatch(/[<>&"]/);
    }
    expect(out).toContain(
      'message="1 error: must be &lt;string&gt; &amp; &quot;quoted&quot;, a: b 100%&#10;see docs" type="personakit">' +
        'personas/alice.yaml:10:15 error schema must be &lt;string&gt; &amp; &quot;quoted&quot;, a: b 100%\nsee docs\n</failure>',
    );
    // No raw ampersand that is not an entity.
    expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  });

  it('strips characters XML 1.0 forbids', () => {
    const xml = formatDiagnostics('junit', [{ ...diag('error', 'a\u0001.yaml'), message: "x\u0000y\u000Bz\u001F'" }], {
      ...options,
      files: [],
    });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('name="a.yaml"');
    expect(xml).toContain('message="1 error: xyz&apos;"');
  });

  it('lists passing files without diagnostics', () => {
    const xml = formatDiagnostics('junit', [], { ...options, files: ['a.yaml', 'b.yaml'] });
    expect(xml).toContain('tests="2" failures="0" errors="0"');
    expect((xml.match(/<testcase /g) ?? []).length).toBe(2);
    expect(xml).not.toContain('<failure');
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
        };
      }[];
    }[];
  }[];
}

describe('sarif', () => {
  const out = formatDiagnostics('sarif', diagnostics, options);
  const log = JSON.parse(out) as SarifLog;
  const run = log.runs[0]!;

  it('is SARIF 2.1.0 with the tool and its rules', () => {
    expect(out.endsWith('}\n')).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({
      name: 'personakit',
      version: '1.2.3',
      informationUri: 'https://github.com/personakit/personakit',
    });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(run.tool.driver.rules[5]).toEqual({
      id: 'touchpoint-missing',
      name: 'touchpoint-missing',
      shortDescription: { text: 'A buying stage with no touchpoint.' },
      fullDescription: { text: 'A buying stage with no touchpoint.' },
      help: { text: 'Add a touchpoint.' },
      defaultConfiguration: { level: 'warning' },
    });
  });

  it('has one result per diagnostic with ruleIndex, level and region', () => {
    expect(run.results).toHaveLength(4);
    const byRule = new Map(run.results.map((r) => [r.ruleId, r]));
    for (const r of run.results) {
      if (r.ruleIndex !== undefined) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    }
    expect(byRule.get('schema')!.ruleIndex).toBe(1);
    expect(byRule.get('unknown-reference')!.ruleIndex).toBe(4);
    expect(byRule.get('evidence-missing')).not.toHaveProperty('ruleIndex');
    expect(byRule.get('schema')!.level).toBe('error');
    expect(byRule.get('touchpoint-missing')!.level).toBe('warning');
    expect(byRule.get('schema')!.message.text).toBe(TRICKY);
    expect(byRule.get('schema')!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'personas/alice.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 15, endLine: 10, endColumn: 22 },
    });
    expect(byRule.get('unknown-reference')!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 7,
    });
  });

  it('writes URIs with forward slashes', () => {
    const sarifOf = (file: string) =>
      (JSON.parse(formatDiagnostics('sarif', [diag('error', file)], options)) as SarifLog).runs[0]!.results[0]!
        .locations[0]!.physicalLocation.artifactLocation;
    expect(sarifOf('personas\\my persona.yaml')).toEqual({ uri: 'personas/my%20persona.yaml', uriBaseId: '%SRCROOT%' });
    expect(sarifOf('./a#1.yaml')).toEqual({ uri: 'a%231.yaml', uriBaseId: '%SRCROOT%' });
    expect(sarifOf('/abs/a.yaml')).toEqual({ uri: 'file:///abs/a.yaml' });
    expect(sarifOf('C:\\work\\a.yaml')).toEqual({ uri: 'file:///C:/work/a.yaml' });
  });

  it('has no results without diagnostics', () => {
    const empty = JSON.parse(formatDiagnostics('sarif', [], options)) as SarifLog;
    expect(empty.runs[0]!.results).toEqual([]);
  });
});

describe('github', () => {
  it('prints one workflow command per diagnostic, escaped', () => {
    expect(formatDiagnostics('github', diagnostics, options)).toBe(
      [
        '::warning file=personas/alice.yaml,line=2,col=1,title=personakit (evidence-missing)::Persona "alice" has no evidence.',
        '::error file=personas/alice.yaml,line=10,col=15,endLine=10,endColumn=22,title=personakit (schema)::' +
          'must be <string> & "quoted", a: b 100%25%0Asee docs',
        '::error file=journeys/buy.yaml,line=3,col=7,title=personakit (unknown-reference)::Persona "bob" does not exist.',
        '::warning file=journeys/buy.yaml,line=12,col=3,title=personakit (touchpoint-missing)::' +
          'Buying stage "awareness" has no touchpoint.',
        '',
      ].join('\n'),
    );
  });

  it('escapes properties', () => {
    const out = formatDiagnostics('github', [{ ...diag('error', 'a,b:c%\r\n.yaml'), message: 'x\r\ny' }], options);
    expect(out).toBe('::error file=a%2Cb%3Ac%25%0D%0A.yaml,line=1,col=1,title=personakit (schema)::x%0D%0Ay\n');
  });

  it('is empty without diagnostics', () => {
    expect(formatDiagnostics('github', [], options)).toBe('');
  });
});
