import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney as formatCurrency } from '../../src/model/market-format.js';

const intl = (value: number, currency: string) =>
  new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2,
  }).format(value);

describe('formatMoney', () => {
  // GBP, EUR and USD are formatted without Intl; they must read exactly as Intl writes them.
  it.each(['GBP', 'EUR', 'USD'])(
    'writes %s amounts exactly as Intl does, ties and negative zero included',
    (currency) => {
      const edges = [
        0,
        -0,
        1.005,
        2.675,
        0.125,
        -0.001,
        12.5,
        999.995,
        999.994,
        1000.5,
        -1500.5,
        123456789.5,
        1e20,
        1e21,
        0.000001,
        1e-7,
        -3.333,
        Number.MAX_SAFE_INTEGER,
        Number.NaN,
        Number.POSITIVE_INFINITY,
      ];
      for (const value of edges) expect(formatCurrency(value, currency), String(value)).toBe(intl(value, currency));
      fc.assert(
        fc.property(
          fc.oneof(
            fc.double({ noNaN: true, min: -1e16, max: 1e16 }),
            fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
          ),
          (value) => {
            expect(formatCurrency(value, currency)).toBe(intl(value, currency));
          },
        ),
        { numRuns: 3000, seed: 7 },
      );
    },
  );

  it('leaves other currencies to Intl, and unknown codes and none to plain numbers', () => {
    expect(formatCurrency(3_800_000, 'JPY')).toBe(intl(3_800_000, 'JPY'));
    expect(formatCurrency(12.5, 'CHF')).toBe(intl(12.5, 'CHF'));
    expect(formatCurrency(1000, 'gbp')).toBe('1,000');
    expect(formatCurrency(1000, null)).toBe('1,000');
  });
});
