import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, formatPercent, formatScore } from '../../src/model/market-format.js';
import { sizeMarket, type FitTotals } from '../../src/model/market-sizing.js';

const totals = (accounts: number, fitting: number, fittingSpend = 0, fittingWithoutSpend = 0): FitTotals => ({
  accounts,
  fitting,
  fittingSpend,
  fittingWithoutSpend,
});

describe('sizing', () => {
  it('estimates fit rate × total companies × average spend, and labels both figures', () => {
    const s = sizeMarket(
      { sizing: { total_companies: 2100, average_annual_spend: 36000, revenue_target: 3_800_000, max_share: 0.1 } },
      totals(30, 19, 782_000),
      'GBP',
    );
    expect(s.estimatedMarket).toEqual({
      value: 47_880_000,
      basis: 'estimated',
      currency: 'GBP',
      label: 'estimated addressable market',
    });
    expect(s.summedSpend).toEqual({
      value: 782_000,
      basis: 'summed',
      currency: 'GBP',
      label: 'summed annual spend of fitting accounts',
    });
    expect(s.addressableSpend.basis).toBe('estimated');
    expect(s.requiredShare).toBeCloseTo(3_800_000 / 47_880_000, 12);
    expect(formatPercent(s.requiredShare!)).toBe('7.9 %');
    expect(s.verdict).toBe('within');
  });

  it('uses the summed spend without total_companies or average_annual_spend', () => {
    const s = sizeMarket({ sizing: { total_companies: 100, revenue_target: 50_000 } }, totals(4, 2, 200_000, 1), null);
    expect(s.estimatedMarket).toBeNull();
    expect(s.addressableSpend).toMatchObject({ value: 200_000, basis: 'summed' });
    expect(s.fittingWithoutSpend).toBe(1);
    expect(s.requiredShare).toBe(0.25);
    expect(s.maxShare).toBe(0.1);
    expect(s.verdict).toBe('exceeds');
  });

  it('needs at least one listed account for the estimate', () => {
    const s = sizeMarket(
      { sizing: { total_companies: 100, average_annual_spend: 10, revenue_target: 1 } },
      totals(0, 0),
      null,
    );
    expect(s.estimatedMarket).toBeNull();
    expect(s.verdict).toBe('no-spend');
  });

  it('never divides by zero: no fitting spend with a target is its own verdict, not Infinity or NaN', () => {
    const s = sizeMarket({ sizing: { revenue_target: 1_000_000 } }, totals(3, 2, 0, 2), 'EUR');
    expect(s.requiredShare).toBeNull();
    expect(s.verdict).toBe('no-spend');
    const numbers = [s.summedSpend.value, s.addressableSpend.value, s.maxShare];
    expect(numbers.every(Number.isFinite)).toBe(true);
    const estimatedZero = sizeMarket(
      { sizing: { total_companies: 10, average_annual_spend: 0, revenue_target: 5 } },
      totals(3, 2),
      null,
    );
    expect(estimatedZero).toMatchObject({ requiredShare: null, verdict: 'no-spend' });
    expect(sizeMarket({ sizing: { revenue_target: 0 } }, totals(3, 2), null)).toMatchObject({
      requiredShare: 0,
      verdict: 'within',
    });
  });

  it('reports none-fit first, and no share check without a revenue target', () => {
    expect(sizeMarket({ sizing: { revenue_target: 10 } }, totals(5, 0), null).verdict).toBe('none-fit');
    expect(sizeMarket({}, totals(5, 0), null).verdict).toBe('none-fit');
    expect(sizeMarket({}, totals(5, 1, 10), null).verdict).toBe('no-target');
    expect(sizeMarket({}, totals(0, 0), null).verdict).toBe('no-target');
  });

  it('compares with max_share strictly: exactly the share is achievable', () => {
    expect(sizeMarket({ sizing: { revenue_target: 10, max_share: 0.5 } }, totals(1, 1, 20), null).verdict).toBe(
      'within',
    );
    expect(sizeMarket({ sizing: { revenue_target: 10.01, max_share: 0.5 } }, totals(1, 1, 20), null).verdict).toBe(
      'exceeds',
    );
  });
});

describe('figures in words', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(formatNumber(4200)).toBe('4,200');
    expect(formatNumber(1_150_000_000)).toBe('1,150,000,000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect([0, -0, 7, 12, 100, 1000, -1000, 123456, -1234567, 9_007_199_254_740_991].map(formatNumber)).toEqual([
      '0',
      '0',
      '7',
      '12',
      '100',
      '1,000',
      '-1,000',
      '123,456',
      '-1,234,567',
      '9,007,199,254,740,991',
    ]);
    expect(formatNumber(-0.004)).toBe('0');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatMoney(3_800_000, 'GBP')).toBe('£3,800,000');
    expect(formatMoney(5, null)).toBe('5');
  });

  it('writes fit scores with at most two decimals, the same words every time', () => {
    expect([0.875, 1, 0, 2 / 3, 0.6, 0.875].map(formatScore)).toEqual(['0.88', '1', '0', '0.67', '0.6', '0.88']);
  });

  it('adds decimals to a percentage until it differs from the one it is compared with', () => {
    expect(formatPercent(0.124)).toBe('12.4 %');
    expect(formatPercent(0.1)).toBe('10 %');
    expect(formatPercent(0.10004, 0.1)).toBe('10.004 %');
  });
});
