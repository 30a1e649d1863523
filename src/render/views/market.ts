import { SCORED_CRITERIA, type Bounds, type MarketCriteria } from '../../model/market-criteria.js';
import type { AccountFit } from '../../model/market-fit.js';
import { formatMoney, formatNumber, formatPercent } from '../../model/market-format.js';
import { FitBreakdown } from '../../model/market-breakdown.js';
import { readFitDefinition } from '../../model/market-fit.js';
import { evaluateMarket } from '../../model/market-model.js';
import { isNearMiss } from '../../model/market-rank.js';
import { formatPoints, formatShare } from '../../model/market-score.js';
import type { Sizing } from '../../model/market-sizing.js';
import type { Workspace, WorkspaceDocument } from '../../workspace/workspace.js';

import type { RenderPlan } from '../plan.js';
import { labelOf, text } from '../values.js';
import type { DocHeader, Ref } from './common.js';
import { formulaSafe } from '../../escape/index.js';
import { counted } from '../../util/plural.js';

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
  const definition = readFitDefinition(doc.data);
  const bySector = new FitBreakdown(definition.criteria.sectors);
  const byRegion = new FitBreakdown(definition.criteria.regions);
  const model = evaluateMarket(doc, workspace, {
    onScored(account, _source, score) {
      bySector.add(account.sector, score.fits);
      byRegion.add(account.region, score.fits);
    },
  });
  const { currency, sizing, totals } = model;
  const money = (n: number | null) => (n === null ? undefined : formatMoney(n, currency));
  const label = (c: string) => CRITERION_LABELS[c] ?? labelOf(c);
  const ranked = model.ranked.map((a, i) => accountView(a, i + 1, model.fit.extended, label));
  const near = model.ranked.map((a) => isNearMiss(a, model.fit.threshold));
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
    extended: model.fit.extended,
    hasTiers: model.fit.tiers.length > 0,
    // The ranking (market-rank.ts) of every market: fitting accounts best first, then the near
    // misses, then the other misfits, each group in rank order.
    targets: ranked.filter((a) => a.fits),
    nearMisses: ranked.filter((a, i) => !a.fits && near[i]),
    misfits: ranked.filter((a, i) => !a.fits && !near[i]),
    omittedAccounts: Math.max(0, totals.accounts - ranked.length),
    accountsFile: model.accountsFile?.path,
    scoring: model.fit.extended
      ? {
          tiers: model.fit.tiers,
          minKnown: formatShare(model.fit.minKnown),
          threshold: formatPoints(100 * model.fit.threshold),
        }
      : undefined,
    charts: {
      sectors: chartOf(bySector, 'not given'),
      regions: chartOf(byRegion, 'not given'),
    },
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
      funnel: funnelOf(sizing, money, share),
    },
  };
  const summary =
    totals.accounts > 0
      ? `${counted(totals.accounts, 'account')}, ${totals.fitting} fit · required share ${view.sizing.requiredShare ?? '—'}`
      : `${counted(view.criteria.length, 'criterion', 'criteria')}, no accounts listed`;
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

function accountView(a: AccountFit, rank: number, extended: boolean, label: (criterion: string) => string) {
  return {
    rank,
    // Account names come from CRM exports, and a report table may end up in a spreadsheet (Excel
    // opens HTML, cells get pasted): a name that starts like a formula is shown, never evaluated.
    // JSON keeps the raw name.
    name: formulaSafe(a.name),
    fits: a.fits,
    tier: a.tier ?? STANDING[a.standing],
    // Without weights the score reads as criteria matched of criteria scored; with them, as points.
    score: extended
      ? a.points === null
        ? '—'
        : formatPoints(a.points)
      : a.scored > 0
        ? `${a.matched}/${a.scored}`
        : '—',
    known: a.knownShare === null ? '—' : formatShare(a.knownShare),
    reasons: a.results
      .filter((r) => r.outcome === 'mismatch')
      .map((r) => ({
        criterion: label(r.criterion),
        reason: r.reason,
        required: a.failedRequired.includes(r.criterion),
      })),
    disqualifiedBy: a.disqualifiedBy.map((d) => ({ criterion: label(d.criterion), reason: d.reason })),
    // Every criterion with its weight and the points it added or cost (weighted markets).
    criteria: a.results.map((r) => ({
      label: label(r.criterion),
      weight: formatPoints(r.weight),
      points: r.outcome === 'unknown' ? 'unknown' : `${r.points >= 0 ? '+' : '−'}${formatPoints(Math.abs(r.points))}`,
      reason: r.outcome === 'unknown' ? 'no data' : r.reason,
    })),
    notes: a.mainReasons.filter((m) => m.startsWith('not enough data')),
    unknown: a.unknown.map(label),
    annualSpend: a.annualSpend,
    /** accepted_misfits: the reason this misfit is kept on purpose (partials/accepted-mark). */
    accepted: a.accepted ? { reason: a.accepted.reason } : undefined,
    source:
      a.source.in === 'csv' ? `${a.source.file.split('/').pop()}:${a.source.line}` : `inline #${a.source.index + 1}`,
  };
}

const STANDING: Record<AccountFit['standing'], string> = {
  tiered: '',
  untiered: 'no tier',
  'not-enough-data': 'not enough data',
  'fails-required': 'fails a required criterion',
  disqualified: 'disqualified',
};

/** A chart's bars, or undefined when it would say nothing (no account lists the field). */
function chartOf(breakdown: FitBreakdown, missing: string) {
  const { groups } = breakdown.result();
  if (groups.every((g) => g.label === null)) return undefined;
  return groups.map((g) => ({
    label: g.label ?? missing,
    fitting: g.fitting,
    total: g.total,
    misfits: g.total - g.fitting,
  }));
}

/** Total market → addressable → revenue target, with the figures the report shows beside them. */
function funnelOf(sizing: Sizing, money: (n: number | null) => string | undefined, share: number | null) {
  const steps: Array<{ label: string; amount: string; value: number; note: string }> = [];
  if (sizing.totalCompanies !== null && sizing.averageAnnualSpend !== null)
    steps.push({
      label: 'Total market',
      amount: money(sizing.totalCompanies * sizing.averageAnnualSpend)!,
      value: sizing.totalCompanies * sizing.averageAnnualSpend,
      note: `${formatNumber(sizing.totalCompanies)} companies × ${money(sizing.averageAnnualSpend)}`,
    });
  steps.push({
    label: 'Addressable',
    amount: money(sizing.addressableSpend.value)!,
    value: sizing.addressableSpend.value,
    note:
      sizing.addressableSpend.basis === 'estimated' ? 'estimated from the fit rate' : 'summed over fitting accounts',
  });
  if (sizing.revenueTarget !== null)
    steps.push({
      label: 'Revenue target',
      amount: money(sizing.revenueTarget)!,
      value: sizing.revenueTarget,
      note: 'stated',
    });
  return {
    steps,
    share:
      share === null
        ? undefined
        : {
            required: share,
            requiredText: formatPercent(share, sizing.maxShare),
            achievable: sizing.maxShare,
            achievableText: formatPercent(sizing.maxShare, share),
          },
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
      bounds(criteria.revenue, (n) => formatMoney(n, currency)),
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
