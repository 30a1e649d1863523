import { isRecord } from './completeness.js';

/** A money figure with how it was obtained, so no report passes an estimate off as a sum. */
export interface MoneyFigure {
  value: number;
  /** `summed`: added up from listed accounts; `estimated`: fit rate × total companies × average spend. */
  basis: 'summed' | 'estimated';
  /** ISO 4217 code from the market, or null when it states none. */
  currency: string | null;
  /** What the figure is, in words: "summed annual spend of fitting accounts", "estimated addressable market". */
  label: string;
}

/**
 * Why market-share fires, or why it stays quiet:
 * `none-fit` (accounts listed, none fits), `no-target` (no revenue_target: no share check),
 * `no-spend` (a target but the addressable spend is 0), `exceeds` / `within` max_share.
 */
export type ShareVerdict = 'none-fit' | 'no-target' | 'no-spend' | 'exceeds' | 'within';

export interface Sizing {
  totalCompanies: number | null;
  averageAnnualSpend: number | null;
  revenueTarget: number | null;
  /** sizing.max_share, default 0.1. */
  maxShare: number;
  /** Sum of annual_spend over fitting accounts. */
  summedSpend: MoneyFigure;
  /** Fitting accounts without annual_spend: the sum leaves them out. */
  fittingWithoutSpend: number;
  /** fit rate × total_companies × average_annual_spend; null without those figures or without listed accounts. */
  estimatedMarket: MoneyFigure | null;
  /** The figure the share is computed on: the estimate where available, else the sum (SPEC 3.3). */
  addressableSpend: MoneyFigure;
  /** revenue_target ÷ addressable spend; null without a target or when the spend is 0 (never Infinity or NaN). */
  requiredShare: number | null;
  verdict: ShareVerdict;
}

/** Running totals folded while accounts stream by; all the sizing needs. */
export interface FitTotals {
  /** Accounts scored (rows with cell errors and invalid inline accounts are not). */
  accounts: number;
  fitting: number;
  fittingSpend: number;
  fittingWithoutSpend: number;
}

export function sizeMarket(data: Record<string, unknown>, totals: FitTotals, currency: string | null): Sizing {
  const raw = isRecord(data.sizing) ? data.sizing : {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  const totalCompanies = num(raw.total_companies);
  const averageAnnualSpend = num(raw.average_annual_spend);
  const revenueTarget = num(raw.revenue_target);
  const share = num(raw.max_share);
  const maxShare = share !== null && share > 0 && share <= 1 ? share : 0.1;

  const summedSpend: MoneyFigure = {
    value: totals.fittingSpend,
    basis: 'summed',
    currency,
    label: 'summed annual spend of fitting accounts',
  };
  let estimatedMarket: MoneyFigure | null = null;
  if (totalCompanies !== null && averageAnnualSpend !== null && totals.accounts > 0) {
    // Multiply before dividing: 19 × 2,100 × 36,000 ÷ 30 is exact where 0.6333… × … is not.
    const value = (totals.fitting * totalCompanies * averageAnnualSpend) / totals.accounts;
    estimatedMarket = { value, basis: 'estimated', currency, label: 'estimated addressable market' };
  }
  const addressableSpend = estimatedMarket ?? summedSpend;
  // A target of 0 needs no share of anything; any other target over 0 spend cannot be met.
  const requiredShare =
    revenueTarget === null
      ? null
      : revenueTarget === 0
        ? 0
        : addressableSpend.value > 0
          ? revenueTarget / addressableSpend.value
          : null;

  let verdict: ShareVerdict;
  if (totals.accounts > 0 && totals.fitting === 0) verdict = 'none-fit';
  else if (revenueTarget === null) verdict = 'no-target';
  else if (requiredShare === null) verdict = 'no-spend';
  else verdict = requiredShare > maxShare ? 'exceeds' : 'within';

  return {
    totalCompanies,
    averageAnnualSpend,
    revenueTarget,
    maxShare,
    summedSpend,
    fittingWithoutSpend: totals.fittingWithoutSpend,
    estimatedMarket,
    addressableSpend,
    requiredShare,
    verdict,
  };
}
