import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { formatDiagnostics } from '../../src/report/index.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { findAll, parseXml } from '../e2e/xml.js';
import { FIXTURES, REPO_ROOT, runBin } from '../support/run-bin.js';

const XSD = readFileSync(path.join(REPO_ROOT, 'test', 'report', 'junit-10.xsd'), 'utf8');

/** Validate with libxml2 against the xunit plugin's JUnit format; the validator's own errors, or []. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit-10.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

const options = { color: false, files: ['a.yaml', 'b.yaml', 'c.yaml'], rules: [], version: '0.0.0' };
const at = (file: string, line: number, severity: Diagnostic['severity'], rule: string, message: string): Diagnostic => ({
  file,
  line,
  column: 3,
  severity,
  rule,
  message,
});

describe('junit structure', () => {
  const diagnostics = [
    at('a.yaml', 1, 'error', 'schema', 'goals must be a list & "more" <here>'),
    at('a.yaml', 4, 'warning', 'evidence-missing', 'no evidence'),
    at('a.yaml', 9, 'error', 'unknown-reference', 'names nothing'),
    at('b.yaml', 2, 'warning', 'placeholder-text', 'TODO is a placeholder'),
  ];
  const xml = formatDiagnostics('junit', diagnostics, options);
  const root = parseXml(xml);

  it('has one test case per file; all errors of a file in one <failure>, warnings in <system-out>', () => {
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    const [a, b, c] = cases;
    expect(a!.children.map((e) => e.name)).toEqual(['failure', 'system-out']);
    expect(a!.children[0]!.attributes.message).toBe('2 errors: goals must be a list & "more" <here>');
    expect(a!.children[0]!.text).toBe(
      'a.yaml:1:3 error schema goals must be a list & "more" <here>\na.yaml:9:3 error unknown-reference names nothing\n',
    );
    expect(a!.children[1]!.text).toBe('a.yaml:4:3 warning evidence-missing no evidence\n');
    // Warnings alone do not fail a file.
    expect(b!.children.map((e) => e.name)).toEqual(['system-out']);
    expect(c!.children).toEqual([]);
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1', errors: '0' });
  });

  it('validates against junit-10.xsd, and the schema really refuses what breaks it', async () => {
    expect(await schemaErrors(xml)).toEqual([]);
    expect(await schemaErrors(formatDiagnostics('junit', [], options))).toEqual([]);
    // The validator is not a yes-machine: a test case without a name, or an unknown element, fails.
    expect(await schemaErrors(xml.replace(' name="b.yaml"', ''))).not.toEqual([]);
    expect(await schemaErrors(xml.replace('<system-out>', '<warning>').replace('</system-out>', '</warning>'))).not.toEqual([]);
  });

  it('keeps a large file in pieces that still form one failure', async () => {
    const many = Array.from({ length: 60 }, (_, i) => at('a.yaml', i + 1, i % 3 === 0 ? 'warning' : 'error', 'schema', `m${i}`));
    const big = formatDiagnostics('junit', many, options);
    const failure = findAll(parseXml(big), 'failure');
    expect(failure).toHaveLength(1);
    expect(failure[0]!.text.trimEnd().split('\n')).toHaveLength(40);
    expect(findAll(parseXml(big), 'system-out')[0]!.text.trimEnd().split('\n')).toHaveLength(20);
    expect(await schemaErrors(big)).toEqual([]);
  });
});

describe('junit and --max-warnings', () => {
  const warnings = [at('a.yaml', 1, 'warning', 'evidence-missing', 'no evidence'), at('b.yaml', 2, 'warning', 'placeholder-text', 'TODO')];

  it('shows the exceeded limit as a failed test case of its own, and stays valid', async () => {
    const xml = formatDiagnostics('junit', warnings, { ...options, maxWarnings: 1 });
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ tests: '4', failures: '1' });
    const limit = findAll(root, 'testcase').find((c) => c.attributes.name === '--max-warnings 1')!;
    expect(limit.children.map((e) => e.name)).toEqual(['failure']);
    expect(limit.children[0]!.attributes.message).toBe('2 warnings, more than the 1 that --max-warnings allows');
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('keeps the limit passed while the warnings are within it, and adds no test case without it', () => {
    const within = parseXml(formatDiagnostics('junit', warnings, { ...options, maxWarnings: 2 }));
    expect(within.attributes).toMatchObject({ tests: '4', failures: '0' });
    expect(findAll(within, 'failure')).toEqual([]);
    const without = parseXml(formatDiagnostics('junit', warnings, options));
    expect(findAll(without, 'testcase').map((c) => c.attributes.name)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('check --max-warnings 0 on examples/ exits 1 and its JUnit shows that failure (built binary)', async () => {
    const { code, stdout } = await runBin(['check', 'examples', '--format', 'junit', '--max-warnings', '0']);
    expect(code).toBe(1);
    expect(await schemaErrors(stdout)).toEqual([]);
    const root = parseXml(stdout);
    expect(root.attributes.failures).toBe('1');
    expect(findAll(root, 'failure')[0]!.attributes.message).toMatch(/^\d+ warnings, more than the 0 that --max-warnings allows$/);
  });
});

describe('check --format junit (built binary)', () => {
  it('on examples/ exits 0 and its valid XML shows no failure, though there are warnings', async () => {
    const { code, stdout } = await runBin(['check', 'examples', '--format', 'junit']);
    expect(code).toBe(0);
    expect(await schemaErrors(stdout)).toEqual([]);
    const root = parseXml(stdout);
    expect(root.attributes.failures).toBe('0');
    expect(findAll(root, 'failure')).toEqual([]);
    expect(findAll(root, 'system-out').length).toBeGreaterThan(0);
  });

  it('on the faulty fixture exits 1 with one failure per file that has errors, and stays valid', async () => {
    const { code, stdout } = await runBin(['check', '--format', 'junit'], { cwd: path.join(FIXTURES, 'one-fault-per-rule') });
    expect(code).toBe(1);
    expect(await schemaErrors(stdout)).toEqual([]);
    const root = parseXml(stdout);
    for (const testcase of findAll(root, 'testcase'))
      expect(findAll(testcase, 'failure').length, testcase.attributes.name).toBeLessThanOrEqual(1);
    expect(Number(root.attributes.failures)).toBe(findAll(root, 'failure').length);
    expect(Number(root.attributes.failures)).toBeGreaterThan(3);
  });
});
