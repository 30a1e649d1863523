import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/market-criteria.js';
import { readFitDefinition, summariseFit, scoreAccount } from '../../src/model/market-fit.js';
import { MisfitTable } from '../../src/model/misfit-table.js';

const definition = readFitDefinition({
  criteria: {
    sectors: ['retail'],
    regions: ['UK'],
    employees: { min: 10, max: 100 },
    revenue: { max: 5e6 },
    buys_category: true,
    problems: ['dock congestion'],
    incumbent: 'none',
    growth_stages: ['scale-up'],
  },
  fit: { threshold: 0.9 },
});

/** Accounts of every shape a CSV row can give: absent fields, fractions, empty and odd lists, long and non-Latin names. */
function accounts(count: number): Account[] {
  return Array.from({ length: count }, (_, i) => {
    const a: Account = { name: i % 7 === 0 ? `Škoda Dienst ${'x'.repeat(i % 300)} ${i} 😀` : `Company ${i}` };
    if (i % 3 !== 0) a.sector = ['retail', 'software', 'Food  distribution'][i % 3]!;
    if (i % 4 !== 1) a.region = i % 2 ? 'UK' : 'Ireland';
    if (i % 5 !== 2) a.growth_stage = 'start-up';
    if (i % 6 !== 3) a.incumbent = i % 2 ? `Rival ${i % 11}` : '';
    if (i % 2 === 0) a.employees = i * 3;
    if (i % 3 === 1) a.revenue = i * 1234.5;
    if (i % 4 !== 0) a.buys_category = i % 8 < 4;
    if (i % 5 === 0) a.problems = [];
    else if (i % 5 === 1) a.problems = ['dock congestion', `"quoted", ${i % 4}`, 'a\u0000b'];
    else if (i % 5 === 2) a.problems = ['manual booking'];
    return a;
  });
}

describe('MisfitTable', () => {
  it('gives back every account exactly as added, across chunks and text blocks, with its line', () => {
    const list = accounts(5000);
    const table = new MisfitTable('accounts.csv', 'market.yaml', definition);
    list.forEach((account, i) => table.add(10 + 2 * i, account));
    expect(table.size).toBe(5000);
    list.forEach((account, i) => {
      expect(table.account(i)).toStrictEqual(account);
      expect(table.line(i)).toBe(10 + 2 * i);
    });
  });

  it('gives back names of every kind: empty, non-Latin, astral, a lone surrogate, longer than a block of bytes', () => {
    const names = [
      '',
      'Ünïcödé GmbH',
      '東京物流',
      'Emoji 🚚 Ltd',
      'lone \uD800 half',
      'y'.repeat(70 * 1024),
      'after the long one',
      'z'.repeat(65536),
      'end',
    ];
    const table = new MisfitTable('accounts.csv', 'market.yaml', definition);
    // Enough ordinary names in between to fill several blocks, so names start near block ends too.
    const all = names.flatMap((name, i) => [
      name,
      ...Array.from({ length: 3000 }, (_, j) => `Filler ${i}-${j} ${'é'.repeat(j % 5)}`),
    ]);
    all.forEach((name, i) => table.add(i + 2, { name }));
    all.forEach((name, i) => expect(table.account(i).name).toBe(name));
  });

  it('words the message as the account itself would be worded, however often it is read', () => {
    const list = accounts(300);
    const table = new MisfitTable('accounts.csv', 'market.yaml', definition);
    list.forEach((account, i) => table.add(i + 2, account));
    list.forEach((account, i) => {
      const words = `account "${account.name}" does not fit: ${summariseFit(account, scoreAccount(account, definition), definition)}`;
      expect(table.message(i)).toBe(words);
      expect(table.message(i)).toBe(words);
    });
  });
});
