import type { Finding } from '../diagnostic.js';
import { isRecord } from '../model/completeness.js';
import { formatMoney, formatPercent } from '../model/market-format.js';
import type { MarketModel } from '../model/market-model.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt, idPointer, nameOf } from './facts.js';
import { marketEvaluations } from './market-evaluation.js';
import { defineRule, type RuleContext } from './rule.js';

/**
 * Is there enough market for the revenue we need (SPEC 3.3, 7)? Fires once per market when the
 * required share exceeds max_share, when accounts are listed and none fits, or when there is a
 * revenue target but no addressable spend to win it from. Figures say whether they are summed or estimated.
 */
export const marketShare = defineRule({
  id: 'market-share',
  severity: 'warning',
  description:
    'The share of the addressable market needed for the revenue target exceeds sizing.max_share, or no listed account fits.',
  help: 'Lower sizing.revenue_target, widen the criteria so more of the market fits, or raise sizing.max_share if evidence supports it. With sizing.total_companies and average_annual_spend the addressable market is estimated rather than summed from listed accounts.',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const { doc, model } of marketEvaluations(context)) {
      const message = messageFor(model, doc);
      if (message) findings.push(findingAt('market-share', doc, pointerFor(model, doc), message));
    }
    return findings;
  },
});

function messageFor(model: MarketModel, doc: WorkspaceDocument): string | undefined {
  const { sizing, totals, currency } = model;
  const money = (value: number) => formatMoney(value, currency);
  const target = sizing.revenueTarget;
  switch (sizing.verdict) {
    case 'none-fit': {
      const listed = totals.accounts === 1 ? 'the one listed account' : `any of the ${totals.accounts} listed accounts`;
      const goal = target !== null ? `, so nothing supports the revenue target ${money(target)}` : '';
      return `no account fits ${nameOf(doc)}: not ${listed} (see account-misfit)${goal}; widen the criteria, lower fit.threshold, or list accounts that are real prospects`;
    }
    case 'no-spend': {
      const why =
        totals.accounts === 0
          ? noAccountScored(totals.excluded)
          : `the ${sizing.addressableSpend.label} is ${money(0)}${sizing.fittingWithoutSpend > 0 ? ` (${sizing.fittingWithoutSpend} fitting account${sizing.fittingWithoutSpend === 1 ? ' has' : 's have'} no annual_spend)` : ''}`;
      return `the revenue target ${money(target!)} has no addressable spend to come from: ${why}; give annual_spend for fitting accounts, or sizing.total_companies and average_annual_spend for an estimate`;
    }
    case 'exceeds': {
      const share = sizing.requiredShare!;
      return `required share ${formatPercent(share, sizing.maxShare)} (revenue target ${money(target!)} ÷ ${sizing.addressableSpend.label} ${money(sizing.addressableSpend.value)}) exceeds the achievable ${formatPercent(sizing.maxShare, share)} (sizing.max_share); lower the target, widen the criteria, or raise max_share if evidence supports it`;
    }
    default:
      return undefined;
  }
}

/** Why no account counts: none listed, or every listed one excluded for its bad cells or shape. */
function noAccountScored(excluded: number): string {
  if (excluded === 0) return 'no accounts are listed';
  const all = excluded === 1 ? 'the one listed account is' : `all ${excluded} listed accounts are`;
  return `${all} left out of the sizing because of schema errors in their rows (fix those first)`;
}

/** At the revenue target when the problem is the target; at the accounts when none fits. */
function pointerFor(model: MarketModel, doc: WorkspaceDocument): string {
  if (model.sizing.verdict === 'none-fit') {
    return Array.isArray(doc.data.accounts) && doc.data.accounts.length > 0
      ? '/accounts'
      : doc.data.accounts_file !== undefined
        ? '/accounts_file'
        : idPointer(doc);
  }
  if (isRecord(doc.data.sizing))
    return doc.data.sizing.revenue_target !== undefined ? '/sizing/revenue_target' : '/sizing';
  return idPointer(doc);
}
