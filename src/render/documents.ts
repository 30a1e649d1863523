import path from 'node:path';
import { alignmentOf } from '../model/alignment.js';
import { completenessOf } from '../model/completeness.js';
import type { Workspace } from '../workspace/workspace.js';
import { mermaidJourney } from './mermaid.js';
import type { ReportSink } from './output.js';
import { resolvePicture } from './picture.js';
import type { PlannedDoc, RenderPlan } from './plan.js';
import type { TemplateKind } from './templates.js';
import { texts } from './values.js';
import { counted } from '../util/plural.js';
import type { IndexEntry } from './views/index-page.js';
import { journeyView } from './views/journey.js';
import { marketView } from './views/market.js';
import { personaCardView, personaView, type PersonaCardView, type PictureView } from './views/persona.js';

/** Everything needed to write one document's report, in any format. */
export interface BuiltDocument {
  kind: TemplateKind;
  /** The report's file name inside --out. */
  file: string;
  /** What the template receives (besides `workspace` and `index`). */
  view: object;
  /** Markdown computed by personakit itself, added after the view is escaped (the Mermaid block). */
  markdown?: Record<string, string>;
  /** What `--format json` writes: the computed models. */
  model: object;
  entry: IndexEntry;
  /** Personas (not for json): the card the cards page shows. */
  card?: PersonaCardView;
}

/**
 * A function that builds one document's view (and, for json, its model). Documents are built one
 * at a time as they are written, so a run over thousands of personas never holds them all.
 * Persona pictures are copied into images/ of the output folder here (not for json), because the
 * view must say where the picture ended up.
 */
export function documentBuilder(
  plan: RenderPlan,
  workspace: Workspace,
  out: ReportSink,
  format: 'html' | 'md' | 'json',
): (p: PlannedDoc) => Promise<BuiltDocument> {
  const root = workspace.settings.root ?? workspace.cwd;
  const journeysOf = new Map<string, PlannedDoc[]>();
  for (const p of plan.docs) {
    if (p.doc.kind !== 'journey') continue;
    for (const id of texts(p.doc.data.personas)) journeysOf.set(id, [...(journeysOf.get(id) ?? []), p]);
  }
  const json = format === 'json';
  return async (p): Promise<BuiltDocument> => {
    const { doc, header } = p;
    const base = {
      kind: doc.kind,
      id: doc.id,
      name: header.name,
      file: doc.file,
      report: header.href,
      status: { errors: header.status.errors, warnings: header.status.warnings },
    };
    if (doc.kind === 'persona') {
      const picture = json ? undefined : await pictureFor(p, root, out);
      const journeys = (doc.id === undefined ? [] : (journeysOf.get(doc.id) ?? [])).map((j) => ({
        id: j.doc.id ?? '',
        name: j.header.name,
        href: j.header.href,
      }));
      const view = personaView(header, doc.data, picture, journeys, workspace.settings.placeholders);
      const roles = texts(doc.data.roles);
      return {
        kind: 'persona',
        file: header.href,
        view,
        model: json ? { ...base, completeness: completenessOf(doc.data, workspace.settings.placeholders), roles } : {},
        ...(json ? {} : { card: personaCardView(view) }),
        entry: {
          doc: header,
          completeness: view.completeness.percent,
          roles,
          summary: [view.jobTitle, view.roles.map((r) => r.label).join(', ')].filter(Boolean).join(' · '),
        },
      };
    }
    if (doc.kind === 'journey') {
      const view = journeyView(
        header,
        doc.data,
        texts(doc.data.personas).map((id) => plan.ref('persona', id)),
      );
      const summary = [
        counted(view.stages.length, 'stage'),
        counted(view.alignment.columns.length, 'sales stage'),
        counted(view.milestones.length, 'milestone'),
      ];
      return {
        kind: 'journey',
        file: header.href,
        view,
        markdown: format === 'md' ? { mermaid: mermaidJourney(header.name, view.stages) } : {},
        model: json ? { ...base, personas: texts(doc.data.personas), alignment: alignmentOf(doc.data) } : {},
        entry: { doc: header, summary: summary.join(' · ') },
      };
    }
    const { view, model, summary } = await marketView(header, doc, workspace, plan);
    return { kind: 'market', file: header.href, view, model: { ...base, ...model }, entry: { doc: header, summary } };
  };
}

async function pictureFor(p: PlannedDoc, root: string, out: ReportSink): Promise<PictureView | undefined> {
  const alt = `Picture of ${p.header.name}`;
  const resolved = await resolvePicture(p.doc.data.picture, p.doc.absPath, root, alt);
  if (resolved === undefined) return undefined;
  if ('view' in resolved) return resolved.view;
  const name = path.posix.join('images', `${p.base}.${resolved.file.ext}`);
  out.write(name, resolved.file.bytes);
  return { src: name, alt };
}
