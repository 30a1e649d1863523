import { readCriteria, SCORED_CRITERIA, type Bounds, type MarketCriteria } from '../../model/market-criteria.js';
import { formatNumber } from '../../model/market-format.js';
import type { Workspace, WorkspaceDocument } from '../../workspace/workspace.js';
import { formatCurrency } from '../helpers.js';
import type { RenderPlan } from '../plan.js';
import { labelOf, record, text } from '../values.js';
import type { DocHeader, Ref } from './common.js';

const CRITERION_LABELS: Record<string, string> = {
  sectors: 'Sectors',
  employees: 'Employees',
  revenue: 'Revenue',
  regions: 'Regions',
  growth_stages: 'Growth stages',
  buys_category: 'Buys this category',
  problems: 'Problems we solve',
  incumbent: 'Incumbent competitor',
  buyer_personas: 'Buyer personas',
};

const INCUMBENT: Record<string, string> = {
  any: 'any — not scored',
  none: 'none — accounts already served by a competitor count against the fit',
  prefer: 'preferred — accounts served by a competitor are the target',
};

export interface CriterionView {
  name: string;
  label: string;
  value: string;
  required: boolean;
  scored: boolean;
  personas?: Ref[];
}

export async function marketView(header: DocHeader, doc: WorkspaceDocument, _workspace: Workspace, plan: RenderPlan) {
  const data = doc.data;
  const currency = text(data.currency) ?? null;
  const criteria = readCriteria(data.criteria);
  const fit = record(data.fit);
  const required = Array.isArray(fit.required) ? fit.required.filter((r): r is string => typeof r === 'string') : [];
  const view = {
    doc: header,
    name: header.name,
    offering: text(data.offering),
    currency,
    criteria: criteriaView(criteria, required, currency, plan),
    threshold: typeof fit.threshold === 'number' ? fit.threshold : 1,
    required: required.map((r) => CRITERION_LABELS[r] ?? labelOf(r)),
    fitAvailable: false,
  };
  return { view, model: { criteria }, summary: `${view.criteria.length} criteria` };
}

export type MarketView = Awaited<ReturnType<typeof marketView>>['view'];

function criteriaView(criteria: MarketCriteria, required: string[], currency: string | null, plan: RenderPlan): CriterionView[] {
  const list = (items: string[]) => items.join(', ');
  const bounds = (b: Bounds, f: (n: number) => string) => (b.min !== undefined && b.max !== undefined ? `${f(b.min)} – ${f(b.max)}` : b.min !== undefined ? `at least ${f(b.min)}` : `at most ${f(b.max!)}`);
  const out: CriterionView[] = [];
  const add = (name: string, value: string, extra: Partial<CriterionView> = {}) =>
    out.push({ name, label: CRITERION_LABELS[name] ?? labelOf(name), value, required: required.includes(name), scored: (SCORED_CRITERIA as readonly string[]).includes(name) && !(name === 'incumbent' && criteria.incumbent === 'any'), ...extra });
  if (criteria.sectors) add('sectors', list(criteria.sectors));
  if (criteria.employees) add('employees', bounds(criteria.employees, formatNumber));
  if (criteria.revenue) add('revenue', bounds(criteria.revenue, (n) => formatCurrency(n, currency)));
  if (criteria.regions) add('regions', list(criteria.regions));
  if (criteria.growth_stages) add('growth_stages', list(criteria.growth_stages));
  if (criteria.buys_category !== undefined) add('buys_category', criteria.buys_category ? 'yes — they normally buy this kind of product' : 'no — they do not buy it yet');
  if (criteria.problems) add('problems', list(criteria.problems));
  if (criteria.incumbent) add('incumbent', INCUMBENT[criteria.incumbent]!);
  if (criteria.buyer_personas) {
    const personas = criteria.buyer_personas.map((id) => plan.ref('persona', id));
    add('buyer_personas', personas.map((p) => p.name).join(', '), { personas });
  }
  return out;
}
