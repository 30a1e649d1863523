import type { Diagnostic } from '../diagnostic.js';
import type { DiffRevision, WorkspaceDiff } from '../model/diff-types.js';
import { diffSides, type DiffOptions, type DiffSide } from '../model/diff-workspaces.js';
import { evaluateMarket, type MarketModel } from '../model/market-model.js';
import { lintWorkspace } from './lint.js';
import type { Workspace, WorkspaceDocument } from '../workspace/workspace.js';

/** A revision checked: its workspace (documents whole) and what `check` reports. */
export interface LintedSide {
  workspace: Workspace;
  diagnostics: Diagnostic[];
}

export interface DiffWorkspacesOptions {
  /** Today's date for evidence-stale on both sides; defaults to now. */
  today?: Date;
  /** How the two sides are named in the result (default "base" and "head"). */
  base?: DiffRevision;
  head?: DiffRevision;
}

/**
 * The library's diff: two workspaces loaded with loadWorkspace() (from two checkouts, two
 * folders…) checked as `personakit check` would and compared. Returns the model that
 * `personakit diff --format json` prints.
 */
export async function diffWorkspaces(
  base: Workspace,
  head: Workspace,
  options: DiffWorkspacesOptions = {},
): Promise<WorkspaceDiff> {
  const today = options.today ?? new Date();
  const check = async (workspace: Workspace): Promise<LintedSide> => ({
    workspace,
    diagnostics: (await lintWorkspace(workspace, { mode: 'check', today })).diagnostics,
  });
  return diffLinted(
    await check(base),
    await check(head),
    options.base ?? { revision: 'base', commit: null },
    options.head ?? { revision: 'head', commit: null },
  );
}

/** Compare two checked sides: markets are evaluated here, from the rows loading read. */
export function diffLinted(
  base: LintedSide,
  head: LintedSide,
  baseRevision: DiffRevision,
  headRevision: DiffRevision,
  options: DiffOptions = {},
): WorkspaceDiff {
  return diffSides(side(base, baseRevision), side(head, headRevision), options);
}

function side(linted: LintedSide, revision: DiffRevision): DiffSide {
  const markets = new Map<WorkspaceDocument, MarketModel>();
  for (const doc of linted.workspace.documents)
    if (doc.kind === 'market' && doc.schemaValid) markets.set(doc, evaluateMarket(doc, linted.workspace));
  return {
    revision,
    documents: linted.workspace.documents,
    diagnostics: linted.diagnostics,
    markets,
    placeholders: linted.workspace.settings.placeholders,
  };
}
