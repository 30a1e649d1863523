import type { AccountField } from '../model/market-accounts.js';

/**
 * Column headers CRM exports commonly use for account fields (HubSpot, Salesforce, Pipedrive and
 * Dynamics company exports), lower case. They are never read as such: a market maps its own
 * headers in `accounts_columns`; these only let an unknown column's message propose that line.
 */
export const CRM_HEADERS: Readonly<Record<string, AccountField>> = {
  'company name': 'name',
  'account name': 'name',
  company: 'name',
  organization: 'name',
  'organization - name': 'name',
  industry: 'sector',
  'number of employees': 'employees',
  employees: 'employees',
  'employee count': 'employees',
  'annual revenue': 'revenue',
  revenue: 'revenue',
  'country/region': 'region',
  country: 'region',
  region: 'region',
  'billing country': 'region',
  'lifecycle stage': 'growth_stage',
  'current supplier': 'incumbent',
  competitor: 'incumbent',
  'deal value': 'annual_spend',
  'annual spend': 'annual_spend',
};
