import type { Diagnostic } from '../diagnostic.js';
import type { Kind } from '../schema/compile.js';
import { ID_PATTERN, type WorkspaceDocument } from '../workspace/workspace.js';
import { statusByDocument } from './status.js';
import { text } from './values.js';
import type { DocHeader, LinkTo, Ref } from './views/common.js';

const MAX_ID_IN_NAME = 160;
const KIND_ORDER: Record<Kind, number> = { persona: 0, journey: 1, market: 2 };

/** One document to render, with the file name its report gets. */
export interface PlannedDoc {
  doc: WorkspaceDocument;
  header: DocHeader;
  /** File name without extension: `<kind>-<id>`, or `<kind>--<n>` without a usable id. */
  base: string;
}

export interface RenderPlan {
  docs: PlannedDoc[];
  linkTo: LinkTo;
  /** A reference by id to a document of a kind: its name and, when rendered, its link. */
  ref(kind: Kind, id: string): Ref;
  /** Diagnostics of files that gave no rendered document (YAML syntax, unknown kind…). */
  elsewhere: Diagnostic[];
}

/**
 * Decide what gets rendered and under which names. Names are derived from ids only (which match
 * ^[a-z0-9][a-z0-9-]*$), so no text from a YAML file can steer a write; the double dash of the
 * fallback name cannot come from an id, so the two never collide.
 */
export function planRender(
  documents: readonly WorkspaceDocument[],
  all: readonly WorkspaceDocument[],
  diagnostics: readonly Diagnostic[],
  cwd: string,
  ext: string,
  problems = false,
): RenderPlan {
  const { byDocument: statuses, elsewhere } = statusByDocument(documents, diagnostics, cwd, problems);
  const ordered = [...documents].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const taken = new Set<string>();
  const counters: Record<Kind, number> = { persona: 0, journey: 0, market: 0 };
  const docs = ordered.map((doc): PlannedDoc => {
    counters[doc.kind]++;
    // A valid id can still be too long for a file name (255 bytes, with room for the temporary suffix).
    let base =
      doc.id !== undefined && ID_PATTERN.test(doc.id) && doc.id.length <= MAX_ID_IN_NAME
        ? `${doc.kind}-${doc.id}`
        : `${doc.kind}--${counters[doc.kind]}`;
    if (taken.has(base)) base = `${doc.kind}--${counters[doc.kind]}`;
    taken.add(base);
    const header: DocHeader = {
      kind: doc.kind,
      name: text(doc.data.name) ?? doc.id ?? `Unnamed ${doc.kind} ${counters[doc.kind]}`,
      file: doc.file,
      href: `${base}.${ext}`,
      status: statuses.get(doc)!,
    };
    if (doc.id !== undefined) header.id = doc.id;
    return { doc, header, base };
  });
  const byKey = new Map<string, PlannedDoc>();
  for (const p of docs)
    if (p.doc.id !== undefined && !byKey.has(`${p.doc.kind}:${p.doc.id}`)) byKey.set(`${p.doc.kind}:${p.doc.id}`, p);
  // Documents not rendered in this run still lend their names to references.
  const names = new Map<string, string>();
  for (const d of all)
    if (d.id !== undefined && !names.has(`${d.kind}:${d.id}`))
      names.set(`${d.kind}:${d.id}`, text(d.data.name) ?? d.id);
  const linkTo: LinkTo = (kind, id) => byKey.get(`${kind}:${id}`)?.header.href;
  return {
    docs,
    elsewhere,
    linkTo,
    ref(kind, id) {
      const ref: Ref = { id, name: byKey.get(`${kind}:${id}`)?.header.name ?? names.get(`${kind}:${id}`) ?? id };
      const href = linkTo(kind, id);
      if (href !== undefined) ref.href = href;
      return ref;
    },
  };
}
