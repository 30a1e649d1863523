import { isRecord } from './completeness.js';
import { formatList, formatMoney, formatNumber } from './market-format.js';

/** The criteria an account is scored on, in the order reports list them (SPEC 3.3). */
export const SCORED_CRITERIA = [
  'sectors',
  'employees',
  'revenue',
  'regions',
  'growth_stages',
  'buys_category',
  'problems',
  'incumbent',
] as const;
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
  /**
   * The user's own `x-` columns (or inline `x-` keys) as text, header → value; read only when a
   * caller asks for them (render --format csv), so scoring 100,000 rows holds no extra strings.
   */
  own?: Record<string, string>;
}

export type Outcome = 'match' | 'mismatch' | 'unknown';

export interface CriterionResult {
  criterion: CriterionName;
  outcome: Outcome;
  /** In words, e.g. "employees 4,200 is above the maximum 2,500". */
  reason: string;
  /** fit.weights of the criterion (default 1). */
  weight: number;
  /** Points it adds to the score (a match), takes off (a mismatch, negative) or 0 (unknown); out of 100. */
  points: number;
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
  if (raw.incumbent === 'any' || raw.incumbent === 'none' || raw.incumbent === 'prefer')
    criteria.incumbent = raw.incumbent;
  return criteria;
}

/** Criteria that the market states and that are scored (incumbent `any` is not). */
export function statedCriteria(criteria: MarketCriteria): CriterionName[] {
  return SCORED_CRITERIA.filter(
    (name) => criteria[name] !== undefined && !(name === 'incumbent' && criteria.incumbent === 'any'),
  );
}

/**
 * Score one stated criterion for one account. Cheap: no text is built, so 100,000 CSV rows can be
 * judged quickly; `explain` words the outcome only for the accounts a report or a finding shows.
 */
export function judge(name: CriterionName, criteria: MarketCriteria, account: Account): Outcome {
  switch (name) {
    case 'sectors':
      return oneOf(account.sector, criteria.sectors!);
    case 'regions':
      return oneOf(account.region, criteria.regions!);
    case 'growth_stages':
      return oneOf(account.growth_stage, criteria.growth_stages!);
    case 'employees':
      return within(account.employees, criteria.employees!);
    case 'revenue':
      return within(account.revenue, criteria.revenue!);
    case 'buys_category':
      return account.buys_category === undefined
        ? 'unknown'
        : account.buys_category === criteria.buys_category
          ? 'match'
          : 'mismatch';
    case 'problems': {
      if (!account.problems || account.problems.length === 0) return 'unknown';
      const solved = criteria.problems!;
      return account.problems.some((p) => isListed(solved, p)) ? 'match' : 'mismatch';
    }
    case 'incumbent': {
      // SPEC 7: an absent or empty incumbent means "no competitor", so this is never unknown.
      const named = (account.incumbent?.trim() ?? '') !== '';
      return named === (criteria.incumbent === 'prefer') ? 'match' : 'mismatch';
    }
  }
}

/** The outcome of `judge` in words, e.g. "employees 4,200 is above the maximum 2,500". */
export function explain(
  name: CriterionName,
  outcome: Outcome,
  criteria: MarketCriteria,
  account: Account,
  currency: string | null,
): string {
  switch (name) {
    case 'sectors':
      return oneOfReason('sector', 'sectors', account.sector, criteria.sectors!, outcome);
    case 'regions':
      return oneOfReason('region', 'regions', account.region, criteria.regions!, outcome);
    case 'growth_stages':
      return oneOfReason('growth stage', 'growth stages', account.growth_stage, criteria.growth_stages!, outcome);
    case 'employees':
      return withinReason('employees', account.employees, criteria.employees!, formatNumber);
    case 'revenue':
      return withinReason('revenue', account.revenue, criteria.revenue!, (n) => formatMoney(n, currency));
    case 'buys_category': {
      if (outcome === 'unknown') return 'not known whether it buys this kind of product';
      const says = account.buys_category
        ? 'normally buys this kind of product'
        : 'does not normally buy this kind of product';
      return outcome === 'match'
        ? says
        : `${says}, but the market wants companies that ${criteria.buys_category ? 'do' : 'do not'}`;
    }
    case 'problems': {
      if (outcome === 'unknown') return 'no problems given';
      const solved = criteria.problems!;
      const own = account.problems!;
      const shared = own.filter((p) => isListed(solved, p));
      return outcome === 'match'
        ? `has ${quoteList(shared, 'and')}, which we solve`
        : `none of its problems (${quoteList(own, 'and')}) is one we solve`;
    }
    case 'incumbent': {
      const competitor = account.incumbent?.trim() ?? '';
      if (criteria.incumbent === 'prefer') {
        return competitor
          ? `served by ${competitor}, and the market prefers accounts with an incumbent`
          : 'no competitor serves it, and the market prefers accounts with one';
      }
      return competitor ? `already served by ${competitor}` : 'no competitor serves it';
    }
  }
}

function oneOf(value: string | undefined, allowed: readonly string[]): Outcome {
  if (value === undefined || value.trim() === '') return 'unknown';
  return isListed(allowed, value) ? 'match' : 'mismatch';
}

function oneOfReason(
  label: string,
  plural: string,
  value: string | undefined,
  allowed: readonly string[],
  outcome: Outcome,
): string {
  if (outcome === 'unknown') return `no ${label} given`;
  return outcome === 'match'
    ? `${label} "${value}" is one of the ${plural}`
    : `${label} "${value}" is not one of ${formatList(allowed)}`;
}

function within(value: number | undefined, bounds: Bounds): Outcome {
  if (value === undefined) return 'unknown';
  return (bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)
    ? 'mismatch'
    : 'match';
}

function withinReason(label: string, value: number | undefined, bounds: Bounds, show: (n: number) => string): string {
  if (value === undefined) return `no ${label} figure`;
  if (bounds.min !== undefined && value < bounds.min)
    return `${label} ${show(value)} is below the minimum ${show(bounds.min)}`;
  if (bounds.max !== undefined && value > bounds.max)
    return `${label} ${show(value)} is above the maximum ${show(bounds.max)}`;
  const range =
    bounds.min !== undefined && bounds.max !== undefined
      ? `${show(bounds.min)} to ${show(bounds.max)}`
      : bounds.min !== undefined
        ? `at least ${show(bounds.min)}`
        : `at most ${show(bounds.max!)}`;
  return `${label} ${show(value)} is within ${range}`;
}

/** Case-insensitive, whitespace-tolerant comparison key (SPEC 3.3: string comparisons ignore case). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most values are tidy already: only then is the whitespace work skipped (a scan, no copies).
  return UNTIDY.test(lower) ? lower.trim().replace(/\s+/g, ' ') : lower;
}
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/**
 * A criterion list compiled once, rather than once per account: its folded values, and the answer
 * for each value the accounts have given so far (a CRM export repeats a few sectors and regions
 * over thousands of rows; a column of unique values stops being remembered at VALUES_KEPT).
 */
interface CompiledList {
  folded: Set<string>;
  seen: Map<string, boolean>;
}
const VALUES_KEPT = 1000;
const compiledLists = new WeakMap<readonly string[], CompiledList>();

/** Whether `value` is in `list`, compared as `fold` compares. */
function isListed(list: readonly string[], value: string): boolean {
  let compiled = compiledLists.get(list);
  if (!compiled) compiledLists.set(list, (compiled = { folded: new Set(list.map(fold)), seen: new Map() }));
  let listed = compiled.seen.get(value);
  if (listed === undefined) {
    listed = compiled.folded.has(fold(value));
    if (compiled.seen.size < VALUES_KEPT) compiled.seen.set(value, listed);
  }
  return listed;
}

function quoteList(items: readonly string[], conjunction: 'and' | 'or'): string {
  return formatList(
    items.map((i) => `"${i}"`),
    conjunction,
  );
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
