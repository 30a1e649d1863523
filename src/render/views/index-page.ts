import { labelOf } from '../values.js';
import type { DocHeader, DocStatus, ProblemView } from './common.js';

const ROLES = ['decision-maker', 'budget-holder', 'influencer', 'user', 'gatekeeper', 'other'];

const ROLE_HINTS: Record<string, string> = {
  'decision-maker': 'chooses',
  'budget-holder': 'pays',
  influencer: 'shapes the choice',
  user: 'uses the product',
  gatekeeper: 'can block the deal',
  other: 'other staff involved',
};

/** One line of the index: a document with its status and a kind-specific summary. */
export interface IndexEntry {
  doc: DocHeader;
  /** Personas only. */
  completeness?: number;
  roles?: string[];
  /** "11 stages · 7 sales stages", "30 accounts, 19 fit"… */
  summary: string;
}

/** `elsewhere`: problems of files that gave no report (the team audience lists them, so its totals equal check's). */
export function indexView(workspaceName: string, entries: IndexEntry[], elsewhere: ProblemView[] = []) {
  const ofKind = (kind: DocHeader['kind']) => entries.filter((e) => e.doc.kind === kind);
  const personas = ofKind('persona');
  const totals = entries.reduce(
    (t, e) => ({ errors: t.errors + e.doc.status.errors, warnings: t.warnings + e.doc.status.warnings }),
    {
      errors: elsewhere.filter((p) => p.severity === 'error').length,
      warnings: elsewhere.filter((p) => p.severity === 'warning').length,
    },
  );
  const roleIds = [...ROLES, ...new Set(personas.flatMap((p) => p.roles ?? []).filter((r) => !ROLES.includes(r)))];
  const decisionMakingUnit = roleIds.map((id) => ({
    id,
    label: labelOf(id),
    hint: ROLE_HINTS[id] ?? '',
    personas: personas.filter((p) => p.roles?.includes(id)).map((p) => p.doc),
  }));
  const withoutRole = personas.filter((p) => (p.roles ?? []).length === 0).map((p) => p.doc);
  return {
    name: workspaceName,
    documents: entries,
    groups: [
      { kind: 'persona', title: 'Personas', entries: personas },
      { kind: 'journey', title: 'Journeys', entries: ofKind('journey') },
      { kind: 'market', title: 'Markets', entries: ofKind('market') },
    ].filter((g) => g.entries.length > 0),
    counts: {
      personas: personas.length,
      journeys: ofKind('journey').length,
      markets: ofKind('market').length,
      documents: entries.length,
    },
    totals: {
      ...totals,
      level: (totals.errors > 0 ? 'error' : totals.warnings > 0 ? 'warning' : 'ok') as DocStatus['level'],
    },
    elsewhere,
    decisionMakingUnit,
    rolesMissing: decisionMakingUnit
      .filter((r) => r.personas.length === 0 && ROLES.includes(r.id) && r.id !== 'other')
      .map((r) => r.label),
    withoutRole,
  };
}

export type IndexView = ReturnType<typeof indexView>;
