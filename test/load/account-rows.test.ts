import { describe, expect, it } from 'vitest';
import { AccountRows } from '../../src/load/account-rows.js';
import type { Account } from '../../src/model/market-criteria.js';

describe('AccountRows', () => {
  it('gives every row back as the account it was, absent fields absent', () => {
    const accounts: Account[] = [
      {
        name: 'Acme Ltd',
        sector: 'logistics',
        employees: 250,
        revenue: 1.5e9,
        region: 'England',
        growth_stage: 'scale-up',
        buys_category: true,
        problems: ['dock congestion', 'manual booking'],
        incumbent: 'Slotterly',
        annual_spend: 0,
      },
      { name: 'Bare' },
      { name: 'Other', buys_category: false, problems: ['dock congestion', 'manual booking'], employees: 0 },
    ];
    const rows = new AccountRows();
    accounts.forEach((a, i) => rows.push(a, 10 + i));
    expect(rows.length).toBe(3);
    accounts.forEach((a, i) => {
      expect(rows.account(i)).toStrictEqual(a);
      expect(rows.line(i)).toBe(10 + i);
    });
    expect(Object.keys(rows.account(1))).toEqual(['name']);
  });

  it('keeps every name exactly as given, whatever characters it holds', () => {
    const names = [
      'Ünïcödé GmbH & Co. KG',
      'Quote "and" back\\slash',
      'emoji 🚚 Ltd',
      'lone \ud800 surrogate',
      ' ',
      'x',
    ];
    const rows = new AccountRows();
    // Cut out of a longer text, as the CSV reader's cells are.
    const text = `prefix,${names.join(',')}`;
    let at = 'prefix,'.length;
    names.forEach((n, i) => {
      rows.push({ name: text.slice(at, at + n.length) }, i + 2);
      at += n.length + 1;
    });
    names.forEach((n, i) => expect(rows.account(i).name).toBe(n));
  });

  it('shares repeated values between rows (lists frozen, so no row can change another)', () => {
    const rows = new AccountRows();
    rows.push({ name: 'a', sector: 'retail', problems: ['x', 'y'] }, 2);
    rows.push({ name: 'b', sector: 'retail', problems: ['x', 'y'] }, 3);
    rows.push({ name: 'c', problems: ['x\u0000y'] }, 4);
    expect(rows.account(0).problems).toBe(rows.account(1).problems);
    expect(rows.account(2).problems).toEqual(['x\u0000y']);
    expect(Object.isFrozen(rows.account(0).problems)).toBe(true);
    // A text and a boolean never share a code: "true" stays text.
    rows.push({ name: 'd', sector: 'true', buys_category: true }, 5);
    expect(rows.account(3)).toStrictEqual({ name: 'd', sector: 'true', buys_category: true });
  });

  it('grows past its first block, keeping every row', () => {
    const rows = new AccountRows();
    for (let i = 0; i < 5000; i++) rows.push({ name: `n${i}`, employees: i, region: `r${i % 7}` }, i + 2);
    expect(rows.length).toBe(5000);
    expect(rows.account(4999)).toStrictEqual({ name: 'n4999', employees: 4999, region: 'r1' });
    expect(rows.account(1024)).toStrictEqual({ name: 'n1024', employees: 1024, region: 'r2' });
    expect(rows.line(3000)).toBe(3002);
  });
});
