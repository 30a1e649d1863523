import { SCORED_CRITERIA, type Bounds, type MarketCriteria } from '../../model/market-criteria.js';
import type { AccountFit } from '../../model/market-fit.js';
import { formatNumber, formatPercent } from '../../model/market-format.js';
import { evaluateMarket } from '../../model/market-model.js';
import type { Workspace, WorkspaceDocument } from '../../workspace/workspace.js';
import { formatCurrency } from '../helpers.js';
import type { RenderPlan } from '../plan.js';
import { labelOf, text } from '../values.js';
import type { DocHeader, Ref } from './common.js';
import { rankingView } from './market-ranking.js';
import { formulaSafe } from '../../escape/index.js';

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

export async function marketView(header: DocHeader, doc: WorkspaceDocument, workspace: Workspace, plan: RenderPlan) {
  const model = await evaluateMarket(doc, workspace);
  const { currency, sizing, totals } = model;
  const money = (n: number | null) => (n === null ? undefined : formatCurrency(n, currency));
  const accounts = model.accounts.map((a) => accountView(a));
  const required = model.fit.required.map((r) => CRITERION_LABELS[r] ?? labelOf(r));
  const share = sizing.requiredShare;
  const view = {
    doc: header,
    name: header.name,
    offering: text(doc.data.offering),
    currency,
    criteria: criteriaView(model.criteria, model.fit.required, currency, plan),
    threshold: model.fit.threshold,
    required,
    totals: { ...totals, fitRateText: totals.fitRate === null ? '—' : formatPercent(totals.fitRate) },
    fitting: accounts.filter((a) => a.fits),
    misfits: accounts.filter((a) => !a.fits),
    omittedAccounts: model.omittedAccounts,
    accountsFile: model.accountsFile?.path,
    ranking: rankingView(model, (c) => CRITERION_LABELS[c] ?? labelOf(c), formulaSafe),
    sizing: {
      rows: [
        sizingRow(
          'Companies in the total target market',
          sizing.totalCompanies === null ? undefined : formatNumber(sizing.totalCompanies),
          'stated',
          'sizing.total_companies',
        ),
        sizingRow(
          'Average annual spend per company',
          money(sizing.averageAnnualSpend),
          'stated',
          'sizing.average_annual_spend',
        ),
        sizingRow(
          'Fit rate of the listed accounts',
          totals.fitRate === null
            ? undefined
            : `${formatPercent(totals.fitRate)} (${totals.fitting} of ${totals.accounts})`,
          'accounts that fit ÷ accounts listed',
        ),
        sizingRow(
          'Estimated addressable market',
          money(sizing.estimatedMarket?.value ?? null),
          'estimated: fit rate × companies × average spend',
        ),
        sizingRow(
          'Annual spend of the fitting accounts listed',
          money(sizing.summedSpend.value),
          `summed${sizing.fittingWithoutSpend > 0 ? `; ${sizing.fittingWithoutSpend} fitting without a known annual spend` : ''}`,
        ),
        sizingRow('Revenue target', money(sizing.revenueTarget), 'stated', 'sizing.revenue_target'),
      ],
      basis: sizing.addressableSpend.basis,
      basisLabel: sizing.addressableSpend.label,
      addressable: money(sizing.addressableSpend.value),
      requiredShare: share === null ? undefined : formatPercent(share, sizing.maxShare),
      maxShare: formatPercent(sizing.maxShare, share ?? undefined),
      verdict: sizing.verdict,
      verdictLevel: sizing.verdict === 'within' ? 'ok' : sizing.verdict === 'no-target' ? 'info' : 'error',
      verdictText: VERDICTS[sizing.verdict],
      // The bar's scale leaves room past whichever is larger, the required or the achievable share.
      bar: share === null ? undefined : shareBar(share, sizing.maxShare),
    },
  };
  const summary =
    totals.accounts > 0
      ? `${totals.accounts} accounts, ${totals.fitting} fit · required share ${view.sizing.requiredShare ?? '—'}`
      : `${view.criteria.length} criteria, no accounts listed`;
  return { view, model: { market: model }, summary };
}

const VERDICTS: Record<string, string> = {
  within: 'The required share is within the share we believe achievable.',
  exceeds: 'The required share is more than the share we believe achievable: the market is too small for the target.',
  'none-fit': 'No listed account fits the market.',
  'no-spend': 'The addressable spend is 0, so the revenue target cannot be met.',
  'no-target': 'No revenue target is set, so there is no share to check.',
};

/** `key`: the YAML key the figure comes from, shown to the team only. */
function sizingRow(label: string, value: string | undefined, note: string, key?: string) {
  return { label, value: value ?? '—', note, key };
}

function shareBar(required: number, achievable: number) {
  const scale = Math.max(required, achievable) * 1.25;
  const pct = (x: number) => Math.round((x / scale) * 1000) / 10;
  return { fill: pct(required), limit: pct(achievable), over: required > achievable };
}

function accountView(a: AccountFit) {
  return {
    // Account names come from CRM exports, and a report table may end up in a spreadsheet (Excel
    // opens HTML, cells get pasted): a name that starts like a formula is shown, never evaluated.
    // JSON keeps the raw name.
    name: formulaSafe(a.name),
    fits: a.fits,
    score: a.scored > 0 ? `${a.matched}/${a.scored}` : '—',
    reasons: a.results
      .filter((r) => r.outcome === 'mismatch')
      .map((r) => ({
        criterion: CRITERION_LABELS[r.criterion] ?? r.criterion,
        reason: r.reason,
        required: a.failedRequired.includes(r.criterion),
      })),
    unknown: a.unknown.map((c) => CRITERION_LABELS[c] ?? c),
    annualSpend: a.annualSpend,
    /** accepted_misfits: the reason this misfit is kept on purpose (partials/accepted-mark). */
    accepted: a.accepted ? { reason: a.accepted.reason } : undefined,
    source:
      a.source.in === 'csv' ? `${a.source.file.split('/').pop()}:${a.source.line}` : `inline #${a.source.index + 1}`,
  };
}

export type MarketView = Awaited<ReturnType<typeof marketView>>['view'];

function criteriaView(
  criteria: MarketCriteria,
  required: readonly string[],
  currency: string | null,
  plan: RenderPlan,
): CriterionView[] {
  const list = (items: string[]) => items.join(', ');
  const bounds = (b: Bounds, f: (n: number) => string) =>
    b.min !== undefined && b.max !== undefined
      ? `${f(b.min)} – ${f(b.max)}`
      : b.min !== undefined
        ? `at least ${f(b.min)}`
        : `at most ${f(b.max!)}`;
  const out: CriterionView[] = [];
  const add = (name: string, value: string, extra: Partial<CriterionView> = {}) =>
    out.push({
      name,
      label: CRITERION_LABELS[name] ?? labelOf(name),
      value,
      required: required.includes(name),
      scored:
        (SCORED_CRITERIA as readonly string[]).includes(name) &&
        !(name === 'incumbent' && criteria.incumbent === 'any'),
      ...extra,
    });
  if (criteria.sectors) add('sectors', list(criteria.sectors));
  if (criteria.employees) add('employees', bounds(criteria.employees, formatNumber));
  if (criteria.revenue)
    add(
      'revenue',
      bounds(criteria.revenue, (n) => formatCurrency(n, currency)),
    );
  if (criteria.regions) add('regions', list(criteria.regions));
  if (criteria.growth_stages) add('growth_stages', list(criteria.growth_stages));
  if (criteria.buys_category !== undefined)
    add(
      'buys_category',
      criteria.buys_category ? 'yes — they normally buy this kind of product' : 'no — they do not buy it yet',
    );
  if (criteria.problems) add('problems', list(criteria.problems));
  if (criteria.incumbent) add('incumbent', INCUMBENT[criteria.incumbent]!);
  if (criteria.buyer_personas) {
    const personas = criteria.buyer_personas.map((id) => plan.ref('persona', id));
    add('buyer_personas', personas.map((p) => p.name).join(', '), { personas });
  }
  return out;
}
