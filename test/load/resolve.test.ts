import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostic.js';
import { PositionResolver } from '../../src/load/resolve.js';

const resolver = new PositionResolver(() => undefined);
const whole = (): Finding => ({
  file: 'markets/accounts.csv',
  line: 7,
  column: 1,
  severity: 'warning',
  rule: 'account-misfit',
  message: 'account "Acme" does not fit',
});

describe('PositionResolver.resolve', () => {
  it('takes a finding made whole as its own diagnostic (a CSV misfit is one object, not two)', () => {
    const finding = whole();
    const diagnostic = resolver.resolve(finding, 'warning');
    expect(diagnostic).toBe(finding);
    // The same keys and values as a fresh finding: nothing added, nothing lost.
    expect(diagnostic).toStrictEqual(whole());
  });

  it('copies it when the settings give another severity, and leaves the finding as it was', () => {
    const finding = whole();
    const diagnostic = resolver.resolve(finding, 'error');
    expect(diagnostic).not.toBe(finding);
    expect(diagnostic).toMatchObject({ line: 7, column: 1, severity: 'error', rule: 'account-misfit' });
    expect(finding.severity).toBe('warning');
  });

  it.each([
    ['an owner', { owner: 'markets/m.yaml' }],
    ['a document index', { docIndex: 0 }],
    ['no severity', { severity: undefined }],
  ])('copies a positioned finding with %s (keys a diagnostic has not)', (_, extra) => {
    const finding = { ...whole(), ...extra };
    const diagnostic = resolver.resolve(finding, 'warning');
    expect(diagnostic).not.toBe(finding);
    expect(Object.keys(diagnostic)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
  });
});
