import { isRecord } from './completeness.js';
import { formatList, formatMoney, formatNumber } from './market-format.js';

/** The criteria an account is scored on, in the order reports list them (SPEC 3.3). */
export const SCORED_CRITERIA = ['sectors', 'employees', 'revenue', 'regions', 'growth_stages', 'buys_category', 'problems', 'incumbent'] as const;
export type CriterionName = (typeof SCORED_CRITERIA)[number];

/** Inclusive bounds; either end may be open. */
export interface Bounds {
  min?: number;
  max?: number;
}

/**
 * The criteria a market states, read defensively: a criterion with the wrong type is left out
 * (the schema reports it), so a half-edited market still scores what it can.
 */
export interface MarketCriteria {
  sectors?: string[];
  employees?: Bounds;
  revenue?: Bounds;
  regions?: string[];
  growth_stages?: string[];
  buys_category?: boolean;
  problems?: string[];
  /** `any` is kept for reports but never scored. */
  incumbent?: 'any' | 'none' | 'prefer';
  /** Persona ids; a reference checked by unknown-reference, never scored. */
  buyer_personas?: string[];
}

/** A candidate account, from the YAML list or a CSV row. Absent fields are "no data". */
export interface Account {
  name: string;
  sector?: string;
  employees?: number;
  revenue?: number;
  region?: string;
  growth_stage?: string;
  buys_category?: boolean;
  problems?: string[];
  incumbent?: string;
  annual_spend?: number;
}

export type Outcome = 'match' | 'mismatch' | 'unknown';

export interface CriterionResult {
  criterion: CriterionName;
  outcome: Outcome;
  /** In words, e.g. "employees 4,200 is above the maximum 2,500". */
  reason: string;
}

export function readCriteria(value: unknown): MarketCriteria {
  const raw = isRecord(value) ? value : {};
  const criteria: MarketCriteria = {};
  for (const key of ['sectors', 'regions', 'growth_stages', 'problems', 'buyer_personas'] as const) {
    const list = stringList(raw[key]);
    if (list) criteria[key] = list;
  }
  for (const key of ['employees', 'revenue'] as const) {
    const bounds = readBounds(raw[key]);
    if (bounds) criteria[key] = bounds;
  }
  if (typeof raw.buys_category === 'boolean') criteria.buys_category = raw.buys_category;
  if (raw.incumbent === 'any' || raw.incumbent === 'none' || raw.incumbent === 'prefer') criteria.incumbent = raw.incumbent;
  return criteria;
}

/** Criteria that the market states and that are scored (incumbent `any` is not). */
export function statedCriteria(criteria: MarketCriteria): CriterionName[] {
  return SCORED_CRITERIA.filter((name) => criteria[name] !== undefined && !(name === 'incumbent' && criteria.incumbent === 'any'));
}

/** Score one stated criterion for one account. */
export function scoreCriterion(name: CriterionName, criteria: MarketCriteria, account: Account, currency: string | null): CriterionResult {
  const result = (outcome: Outcome, reason: string): CriterionResult => ({ criterion: name, outcome, reason });
  switch (name) {
    case 'sectors':
      return oneOf(result, 'sector', account.sector, criteria.sectors!);
    case 'regions':
      return oneOf(result, 'region', account.region, criteria.regions!);
    case 'growth_stages':
      return oneOf(result, 'growth stage', account.growth_stage, criteria.growth_stages!);
    case 'employees':
      return within(result, 'employees', account.employees, criteria.employees!, formatNumber);
    case 'revenue':
      return within(result, 'revenue', account.revenue, criteria.revenue!, (n) => formatMoney(n, currency));
    case 'buys_category': {
      const wanted = criteria.buys_category!;
      if (account.buys_category === undefined) return result('unknown', 'not known whether it buys this kind of product');
      const says = account.buys_category ? 'normally buys this kind of product' : 'does not normally buy this kind of product';
      return account.buys_category === wanted ? result('match', says) : result('mismatch', `${says}, but the market wants companies that ${wanted ? 'do' : 'do not'}`);
    }
    case 'problems': {
      const own = account.problems ?? [];
      if (own.length === 0) return result('unknown', 'no problems given');
      const solved = new Set(criteria.problems!.map(fold));
      const shared = own.filter((p) => solved.has(fold(p)));
      if (shared.length > 0) return result('match', `has ${quoteList(shared, 'and')}, which we solve`);
      return result('mismatch', `none of its problems (${quoteList(own, 'and')}) is one we solve`);
    }
    case 'incumbent': {
      // SPEC 7: an absent or empty incumbent means "no competitor", so this is never unknown.
      const competitor = account.incumbent?.trim() ?? '';
      if (criteria.incumbent === 'prefer') {
        return competitor ? result('match', `served by ${competitor}, and the market prefers accounts with an incumbent`) : result('mismatch', 'no competitor serves it, and the market prefers accounts with one');
      }
      return competitor ? result('mismatch', `already served by ${competitor}`) : result('match', 'no competitor serves it');
    }
  }
}

type Make = (outcome: Outcome, reason: string) => CriterionResult;

function oneOf(result: Make, label: string, value: string | undefined, allowed: readonly string[]): CriterionResult {
  if (value === undefined || value.trim() === '') return result('unknown', `no ${label} given`);
  const hit = allowed.find((a) => fold(a) === fold(value));
  if (hit !== undefined) return result('match', `${label} "${value}" is one of the ${label === 'growth stage' ? 'growth stages' : `${label}s`}`);
  return result('mismatch', `${label} "${value}" is not one of ${formatList(allowed)}`);
}

function within(result: Make, label: string, value: number | undefined, bounds: Bounds, show: (n: number) => string): CriterionResult {
  if (value === undefined) return result('unknown', `no ${label} figure`);
  if (bounds.min !== undefined && value < bounds.min) return result('mismatch', `${label} ${show(value)} is below the minimum ${show(bounds.min)}`);
  if (bounds.max !== undefined && value > bounds.max) return result('mismatch', `${label} ${show(value)} is above the maximum ${show(bounds.max)}`);
  const range = bounds.min !== undefined && bounds.max !== undefined ? `${show(bounds.min)} to ${show(bounds.max)}`
    : bounds.min !== undefined ? `at least ${show(bounds.min)}` : `at most ${show(bounds.max!)}`;
  return result('match', `${label} ${show(value)} is within ${range}`);
}

/** Case-insensitive, whitespace-tolerant comparison key (SPEC 3.3: string comparisons ignore case). */
function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function quoteList(items: readonly string[], conjunction: 'and' | 'or'): string {
  return formatList(items.map((i) => `"${i}"`), conjunction);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return items.length > 0 ? items : undefined;
}

function readBounds(value: unknown): Bounds | undefined {
  if (!isRecord(value)) return undefined;
  const bounds: Bounds = {};
  if (typeof value.min === 'number' && Number.isFinite(value.min)) bounds.min = value.min;
  if (typeof value.max === 'number' && Number.isFinite(value.max)) bounds.max = value.max;
  return bounds.min === undefined && bounds.max === undefined ? undefined : bounds;
}
