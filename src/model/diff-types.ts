/**
 * The semantic diff of two workspaces: the model `personakit diff --format json` prints and
 * `diffWorkspaces()` returns. Its shape is a public contract, documented in the README
 * ("personakit diff"); `version` changes when a field changes meaning or goes away.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Kind } from '../schema/compile.js';

export const DIFF_FORMAT_VERSION = 1;

export interface WorkspaceDiff {
  version: typeof DIFF_FORMAT_VERSION;
  base: DiffRevision;
  head: DiffRevision;
  summary: DiffSummary;
  /** Documents added, removed or changed, by kind then id. Unchanged (or only moved) documents are left out. */
  documents: DocumentChange[];
  /** Problems `check` reports at head that it did not at base, and those fixed since base. */
  findings: { new: Diagnostic[]; fixed: Diagnostic[] };
  /** Files that do not parse (or are not valid UTF-8) at one revision: their documents are not compared. */
  unreadable: UnreadableFile[];
}

export interface DiffRevision {
  /** As given ("main", "HEAD~1", "merge base of main and HEAD"), or "working tree". */
  revision: string;
  /** The commit, or null for the working tree (and for workspaces diffed without git). */
  commit: string | null;
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  /** Documents present at both revisions with no change (moved files included). */
  unchanged: number;
  newErrors: number;
  newWarnings: number;
  fixedErrors: number;
  fixedWarnings: number;
  unreadable: number;
}

export type DocumentStatus = 'added' | 'removed' | 'changed';

export interface DocumentChange {
  kind: Kind;
  /** The document's id; documents without a valid id are named `(no id) <file>#<n>`. */
  id: string;
  /** Its `name` (at head, or at base when removed). */
  name: string;
  status: DocumentStatus;
  /** Display paths; null on the side where the document does not exist. */
  file: { base: string | null; head: string | null };
  /** An added document whose content is mostly that of a removed one: the id that looks renamed (and the other way round). */
  looksRenamedFrom?: string;
  looksRenamedTo?: string;
  changes: Change[];
}

export type ChangeKind =
  | 'added'
  | 'removed'
  | 'changed'
  | 'reworded'
  | 'reordered'
  | 'filled'
  | 'emptied'
  | 'appeared'
  | 'resolved'
  | 'starts-fitting'
  | 'stops-fitting';

/** One semantic change inside a document. Values are short texts or numbers, ready to print. */
export interface Change {
  /** What changed: a field ("goals", "fit.threshold"), a derived fact ("completeness", "gaps"), or a list item's field ("stages[aware].phase"). */
  field: string;
  change: ChangeKind;
  /** The list item concerned (a goal's id, an objection's text, an account's name), when there is one. */
  item?: string;
  before?: string | number | null;
  after?: string | number | null;
  /** Why, in words: the criteria that made an account start or stop fitting. */
  note?: string;
}

export interface UnreadableFile {
  file: string;
  /** Where it does not parse. */
  at: 'base' | 'head';
  line: number;
  column: number;
  message: string;
}
