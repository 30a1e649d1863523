import type { Diagnostic } from '../diagnostic.js';
import { KINDS } from '../schema/compile.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { diffJourney } from './diff-journey.js';
import { diffMarket } from './diff-market.js';
import { diffPersona } from './diff-persona.js';
import {
  DIFF_FORMAT_VERSION,
  type Change,
  type DiffRevision,
  type DocumentChange,
  type UnreadableFile,
  type WorkspaceDiff,
} from './diff-types.js';
import { deepEqual, similarity, textOf } from './diff-values.js';
import type { MarketModel } from './market-model.js';
import type { Placeholders } from './placeholders.js';

/** One revision as the diff sees it: its documents, what `check` says about them, its markets evaluated. */
export interface DiffSide {
  revision: DiffRevision;
  documents: readonly WorkspaceDocument[];
  diagnostics: readonly Diagnostic[];
  markets: ReadonlyMap<WorkspaceDocument, MarketModel>;
  /** The revision's placeholder texts (they fill no persona heading); the defaults when left out. */
  placeholders?: Placeholders;
}

export interface DiffOptions {
  /** Only documents and findings in files this accepts (`personakit diff main personas/`). */
  include?: (file: string) => boolean;
}

/** Shares of content above this make a removed and an added document "look renamed". */
const RENAMED_SIMILARITY = 0.6;

/**
 * The semantic diff of two revisions of a workspace. Documents are matched by kind and id, not by
 * file: a moved file is no change, and an id that changed is a removal and an addition flagged as
 * looking renamed when most of the content is the same.
 */
export function diffSides(base: DiffSide, head: DiffSide, options: DiffOptions = {}): WorkspaceDiff {
  const include = options.include ?? (() => true);
  const unreadable = [
    ...unreadableFiles(base.diagnostics, 'base'),
    ...unreadableFiles(head.diagnostics, 'head'),
  ].filter((u) => include(u.file));
  const unreadableAt = { base: filesOf(unreadable, 'base'), head: filesOf(unreadable, 'head') };
  const was = byIdentity(base.documents.filter((d) => include(d.file)));
  const now = byIdentity(head.documents.filter((d) => include(d.file)));

  const documents: DocumentChange[] = [];
  let unchanged = 0;
  for (const [key, doc] of now) {
    const earlier = was.get(key);
    // A document whose file does not parse at the other revision is reported as unreadable there.
    if (!earlier) {
      if (!unreadableAt.base.has(doc.file)) documents.push(entry(doc, 'added', null, doc.file, []));
      continue;
    }
    // Markets are always compared: an accounts_file may have changed under the same YAML.
    const same = doc.kind !== 'market' && (earlier.data === doc.data || deepEqual(earlier.data, doc.data));
    const changes = same ? [] : diffDocument(earlier, doc, base, head);
    if (changes.length === 0) unchanged++;
    else documents.push(entry(doc, 'changed', earlier.file, doc.file, changes));
  }
  for (const [key, doc] of was)
    if (!now.has(key) && !unreadableAt.head.has(doc.file)) documents.push(entry(doc, 'removed', doc.file, null, []));
  flagRenames(documents, was, now);
  documents.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const findings = compareFindings(
    base.diagnostics.filter((d) => include(d.file)),
    head.diagnostics.filter((d) => include(d.file)),
  );
  const count = (status: DocumentChange['status']) => documents.filter((d) => d.status === status).length;
  const severities = (list: Diagnostic[], severity: Diagnostic['severity']) =>
    list.filter((d) => d.severity === severity).length;
  return {
    version: DIFF_FORMAT_VERSION,
    base: base.revision,
    head: head.revision,
    summary: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      unchanged,
      newErrors: severities(findings.new, 'error'),
      newWarnings: severities(findings.new, 'warning'),
      fixedErrors: severities(findings.fixed, 'error'),
      fixedWarnings: severities(findings.fixed, 'warning'),
      unreadable: unreadable.length,
    },
    documents,
    findings,
    unreadable,
  };
}

function diffDocument(was: WorkspaceDocument, now: WorkspaceDocument, base: DiffSide, head: DiffSide): Change[] {
  switch (now.kind) {
    case 'persona':
      return diffPersona(was.data, now.data, {
        ...(base.placeholders ? { base: base.placeholders } : {}),
        ...(head.placeholders ? { head: head.placeholders } : {}),
      });
    case 'journey':
      return diffJourney(was.data, now.data);
    case 'market':
      return diffMarket(was.data, now.data, base.markets.get(was), head.markets.get(now));
  }
}

/** Documents by `kind/id`; those without a valid id by file and position, a repeated id numbered. */
function byIdentity(documents: readonly WorkspaceDocument[]): Map<string, WorkspaceDocument> {
  const map = new Map<string, WorkspaceDocument>();
  for (const doc of documents) {
    const id = doc.id ?? `(no id) ${doc.file}#${doc.docIndex + 1}`;
    let key = `${doc.kind}/${id}`;
    for (let n = 2; map.has(key); n++) key = `${doc.kind}/${id} #${n}`;
    map.set(key, doc);
  }
  return map;
}

function entry(
  doc: WorkspaceDocument,
  status: DocumentChange['status'],
  baseFile: string | null,
  headFile: string | null,
  changes: Change[],
): DocumentChange {
  const id = doc.id ?? `(no id) ${doc.file}#${doc.docIndex + 1}`;
  const name = typeof doc.data.name === 'string' && doc.data.name !== '' ? doc.data.name : id;
  return { kind: doc.kind, id, name, status, file: { base: baseFile, head: headFile }, changes };
}

/** Pair removed and added documents of one kind whose content (id aside) is mostly the same. */
function flagRenames(
  documents: DocumentChange[],
  was: Map<string, WorkspaceDocument>,
  now: Map<string, WorkspaceDocument>,
): void {
  const removed = documents.filter((d) => d.status === 'removed');
  const added = documents.filter((d) => d.status === 'added');
  if (removed.length === 0 || added.length === 0 || removed.length * added.length > 10_000) return;
  const text = (doc: WorkspaceDocument | undefined) => {
    const { id: _id, ...rest } = doc?.data ?? {};
    return leaves(rest).join(' ');
  };
  const taken = new Set<DocumentChange>();
  for (const r of removed) {
    const before = text(was.get(`${r.kind}/${r.id}`));
    let best: DocumentChange | undefined;
    let bestScore = RENAMED_SIMILARITY;
    for (const a of added) {
      if (a.kind !== r.kind || taken.has(a)) continue;
      const score = similarity(before, text(now.get(`${a.kind}/${a.id}`)));
      if (score >= bestScore) [best, bestScore] = [a, score];
    }
    if (!best) continue;
    taken.add(best);
    best.looksRenamedFrom = r.id;
    r.looksRenamedTo = best.id;
  }
}

/** Every scalar of a value as `path=value` words, so that similarity weighs content, not layout. */
function leaves(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, at));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, at === '' ? k : `${at}_${k}`));
  return [`${at} ${textOf(value)}`];
}

/**
 * Findings new at head and fixed since base. Matched by file, rule, place in the document and
 * message (lines move as documents are edited); then what is left by file, rule and place alone
 * (a pointer, or the line where there is none, as for a CSV row): the same problem worded anew,
 * say after a threshold changed, is neither new nor fixed.
 */
function compareFindings(base: readonly Diagnostic[], head: readonly Diagnostic[]): WorkspaceDiff['findings'] {
  const exact = (d: Diagnostic) => `${d.file}\0${d.rule}\0${d.path ?? ''}\0${d.message}`;
  const place = (d: Diagnostic) => `${d.file}\0${d.rule}\0${d.path ?? `line ${d.line}`}`;
  let fresh: readonly Diagnostic[] = head;
  let gone: readonly Diagnostic[] = base;
  for (const key of [exact, place]) [fresh, gone] = [unmatched(fresh, gone, key), unmatched(gone, fresh, key)];
  return { new: fresh.map(plain), fixed: gone.map(plain) };
}

/** The items of `list` that no item of `other` matches by `key`, counting repeats. */
function unmatched(
  list: readonly Diagnostic[],
  other: readonly Diagnostic[],
  key: (d: Diagnostic) => string,
): Diagnostic[] {
  const left = new Map<string, number>();
  for (const d of other) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  return list.filter((d) => {
    const n = left.get(key(d)) ?? 0;
    if (n === 0) return true;
    left.set(key(d), n - 1);
    return false;
  });
}

/** A diagnostic as plain data (positions worked out when read become values). */
function plain(d: Diagnostic): Diagnostic {
  return { ...d };
}

function unreadableFiles(diagnostics: readonly Diagnostic[], at: 'base' | 'head'): UnreadableFile[] {
  const seen = new Set<string>();
  const out: UnreadableFile[] = [];
  for (const d of diagnostics) {
    if (d.rule !== 'yaml-syntax' || seen.has(d.file)) continue;
    seen.add(d.file);
    out.push({ file: d.file, at, line: d.line, column: d.column, message: d.message });
  }
  return out;
}

function filesOf(list: readonly UnreadableFile[], at: 'base' | 'head'): Set<string> {
  return new Set(list.filter((u) => u.at === at).map((u) => u.file));
}
