import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { allRuleMeta } from '../../src/rules/registry.js';
import { FIXTURES, REPO_ROOT, runBin } from '../support/run-bin.js';
import { TODAY } from './helpers.js';

/** Market rules are tested with the market model; this fixture keeps the sample's market as it is. */
const MARKET_RULES = ['account-misfit', 'market-share'];

const EXPECTED = [
  'journeys/first-call.yaml:6:1 warning phase-missing',
  'journeys/multi-site-operator-buys-dock-scheduling.yaml:30:3 warning unused-disable',
  'journeys/multi-site-operator-buys-dock-scheduling.yaml:81:5 error stage-uncovered',
  'journeys/multi-site-operator-buys-dock-scheduling.yaml:260:19 error stage-order',
  'journeys/planner-adopts-at-her-site.yaml:65:12 error phase-order',
  'journeys/planner-adopts-at-her-site.yaml:79:5 warning touchpoint-missing',
  // personakit.yaml of the sample makes stage-message-missing an error.
  'journeys/planner-adopts-at-her-site.yaml:89:5 error stage-message-missing',
  'journeys/planner-adopts-at-her-site.yaml:112:5 warning milestone-unacknowledged',
  'markets/notes.yaml:2:1 error unknown-kind',
  'markets/uk-ie-midmarket-warehousing.yaml:35:39 error unknown-reference',
  'personas/broken.yaml:3:11 error yaml-syntax',
  'personas/finance-director-farid.yaml:4:5 error persona-completeness',
  'personas/finance-director-farid.yaml:7:11 error schema',
  'personas/finance-director-farid.yaml:115:11 warning evidence-future',
  'personas/finance-director-farid.yaml:116:11 warning placeholder-text',
  'personas/it-manager-gareth.yaml:5:5 warning evidence-missing',
  'personas/it-manager-gareth.yaml:5:5 warning persona-orphan',
  'personas/it-manager-gareth.yaml:54:9 error duplicate-id',
  'personas/ops-director-dana.yaml:125:11 warning evidence-stale',
  'personas/shift-planner-priya.yaml:8:10 warning picture-invalid',
  'personas/shift-planner-priya.yaml:40:9 warning value-unaddressed',
];

const rows = (diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string }>) =>
  diagnostics
    .filter((d) => !MARKET_RULES.includes(d.rule))
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

describe('a copy of examples/ with one deliberate fault per rule', () => {
  it('produces exactly one diagnostic per rule, each at its fault', async () => {
    const result = await lint({
      mode: 'check',
      cwd: path.join(FIXTURES, 'one-fault-per-rule'),
      paths: [],
      today: TODAY,
    });
    expect(rows(result.diagnostics)).toEqual(EXPECTED);
  });

  it('covers every rule except the market rules', () => {
    const covered = new Set(EXPECTED.map((e) => e.split(' ').at(-1)));
    expect(
      allRuleMeta()
        .map((r) => r.id)
        .filter((id) => !covered.has(id) && !MARKET_RULES.includes(id)),
    ).toEqual([]);
  });
});

describe('examples/', () => {
  it('passes check: no errors, and no warnings apart from the deliberate account misfits', async () => {
    const result = await lint({ mode: 'check', cwd: REPO_ROOT, paths: ['examples'], today: TODAY });
    expect(rows(result.diagnostics)).toEqual([]);
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('the built binary exits 0 on examples/ and 1 on the faulty copy (e2e)', async () => {
    const clean = await runBin(['check', 'examples', '--format', 'json']);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).summary.errors).toBe(0);
    const faulty = await runBin(['check', '--format', 'json'], { cwd: path.join(FIXTURES, 'one-fault-per-rule') });
    expect(faulty.code).toBe(1);
    const rules = new Set((JSON.parse(faulty.stdout).diagnostics as Array<{ rule: string }>).map((d) => d.rule));
    for (const rule of ['yaml-syntax', 'stage-order', 'unused-disable', 'picture-invalid', 'persona-orphan'])
      expect(rules.has(rule)).toBe(true);
  });
});
