import { isRecord } from './completeness.js';
import type { Account } from './market-criteria.js';

/** The value type of each account field ($defs/account in market.schema.json); CSV columns use the same names. */
export const ACCOUNT_FIELD_TYPES = {
  name: 'text',
  sector: 'text',
  employees: 'integer',
  revenue: 'number',
  region: 'text',
  growth_stage: 'text',
  buys_category: 'boolean',
  problems: 'list',
  incumbent: 'text',
  annual_spend: 'number',
} as const;

export type AccountField = keyof typeof ACCOUNT_FIELD_TYPES;
export const ACCOUNT_FIELDS = Object.keys(ACCOUNT_FIELD_TYPES) as AccountField[];

/**
 * An inline account as scorable data, or null when it cannot be scored: not a mapping, no name,
 * or a field of the wrong type. The schema already reports why; the fit model leaves such an
 * account out (like a CSV row with a bad cell) rather than guess what the author meant.
 * Empty strings and empty lists count as "no data", as empty CSV cells do.
 */
export function accountFromData(value: unknown, keepOwn = false): Account | null {
  if (!isRecord(value) || typeof value.name !== 'string' || value.name.trim() === '') return null;
  const account: Record<string, unknown> = { name: value.name };
  if (keepOwn) {
    const own = ownKeys(value);
    if (own) account.own = own;
  }
  for (const field of ACCOUNT_FIELDS) {
    const v = value[field];
    if (field === 'name' || v === undefined) continue;
    if (!hasType(v, ACCOUNT_FIELD_TYPES[field])) return null;
    if (typeof v === 'string' && v.trim() === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    account[field] = v;
  }
  return account as unknown as Account;
}

function hasType(value: unknown, type: (typeof ACCOUNT_FIELD_TYPES)[AccountField]): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value) && value.every((p) => typeof p === 'string');
  }
}

/** An inline account's `x-` keys with a scalar value, as text (lists and maps have no one cell). */
function ownKeys(value: Record<string, unknown>): Record<string, string> | undefined {
  let own: Record<string, string> | undefined;
  for (const [key, v] of Object.entries(value)) {
    if (!key.startsWith('x-') || v === null || typeof v === 'object') continue;
    (own ??= {})[key] = String(v);
  }
  return own;
}
