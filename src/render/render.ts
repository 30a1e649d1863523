import path from 'node:path';
import type { Concurrency } from '../lint/concurrency.js';
import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { lint, type LintResult } from '../lint/lint.js';
import { type WorkspaceDocument } from '../workspace/workspace.js';
import { mapLimited } from '../util/map-limited.js';
import { documentBuilder, type BuiltDocument } from './documents.js';
import { writeMarketCsvs } from './market-csv.js';
import { escapeForMarkdown } from './markdown-view.js';
import { OutputFolder, type ReportSink } from './output.js';
import { findBrowser } from './pdf/browser.js';
import { planRender } from './plan.js';
import { reportStamp } from './stamp.js';
import { problemView } from './status.js';
import { reportView, type ReportView } from './theme.js';
import { loadTemplates, type TemplateKind, type TemplateSet } from './templates.js';
import { tidyMarkdown } from './markdown-tidy.js';
import { indexView } from './views/index-page.js';

export type RenderFormat = 'html' | 'md' | 'json' | 'csv' | 'pdf';
export const RENDER_FORMATS: readonly RenderFormat[] = ['html', 'md', 'json', 'csv', 'pdf'];
/** Who reads the reports: the client (no quality-check artefacts) or the team (every problem, with its position). */
export type Audience = 'client' | 'team';
export const AUDIENCES: readonly Audience[] = ['client', 'team'];

export interface RenderOptions {
  cwd: string;
  paths: readonly string[];
  format: RenderFormat;
  /** The --out folder as given (resolved against cwd). */
  out: string;
  /** --templates; overrides `templates` of personakit.yaml. */
  templates?: string;
  /** Render even when the documents have errors. */
  force: boolean;
  /** Default client. */
  audience?: Audience;
  /** Ask git for the commit the reports show (default true; false for output that must not change). */
  git?: boolean;
  today?: Date;
  /** For pdf: --browser, PERSONAKIT_BROWSER and PATH, searched in that order (pdf/browser.ts). */
  browser?: { flag?: string; env?: string; pathVar?: string };
  /** Files read at once while checking them (default auto). */
  concurrency?: Concurrency;
  /** Called after each report is drawn and handed to be written (the CLI shows progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export type RenderResult =
  | { refused: true; diagnostics: Diagnostic[]; lint: LintResult }
  | { refused: false; diagnostics: Diagnostic[]; lint: LintResult; outDir: string; written: string[] };

/**
 * `personakit render`: lint the documents (check mode), refuse when they have errors unless forced,
 * then write one report per document plus an index into the output folder, and nothing elsewhere.
 * Returns data; printing is the CLI's job.
 */
export async function renderReports(options: RenderOptions): Promise<RenderResult> {
  return lintAndWrite(options, new OutputFolder(path.resolve(options.cwd, options.out)));
}

async function lintAndWrite(options: RenderOptions, out: OutputFolder): Promise<RenderResult> {
  // No browser for a PDF is a usage error: said at once, before the documents are read.
  const browser = options.format === 'pdf' ? findBrowser({ ...options.browser, cwd: options.cwd }) : undefined;
  const lintOptions: Parameters<typeof lint>[0] = { cwd: options.cwd, paths: options.paths, mode: 'check' };
  if (options.today) lintOptions.today = options.today;
  // The market CSVs carry the accounts' own x- columns; other formats need not hold them.
  if (options.format === 'csv') lintOptions.ownColumns = true;
  if (options.concurrency !== undefined) lintOptions.concurrency = options.concurrency;
  const result = await lint(lintOptions);
  const { workspace, diagnostics } = result;
  const documents = workspace.documents.filter((d) => d.reported);
  if (documents.length === 0 && diagnostics.length === 0) {
    const where = options.paths.length > 0 ? options.paths.join(', ') : 'the workspace';
    throw new UsageError(
      `nothing to render: no persona, journey or market documents found in ${where}`,
      'point personakit at YAML files with a `kind:` field, or run `personakit init` to start a workspace',
    );
  }
  if (countBySeverity(diagnostics).errors > 0 && !options.force) return { refused: true, diagnostics, lint: result };
  if (documents.length === 0)
    throw new UsageError('nothing to render: no document could be read', 'fix the errors shown above');
  if (options.format === 'csv' && !documents.some((d) => d.kind === 'market'))
    throw new UsageError(
      'nothing to render as CSV: --format csv writes the ranked accounts of markets, and no market document was found',
      'point personakit at a market file, or use --format html, md or json',
    );

  const settings = workspace.settings;
  // Git is asked for the stamp while the templates load (it runs in processes of its own).
  const stamp = reportStamp({
    root: settings.root ?? workspace.cwd,
    outDir: out.root,
    today: options.today ?? new Date(),
    date: settings.theme.date,
    git: options.git,
  });
  // Templates first: a broken override stops the run before anything is written.
  const templateDir =
    options.templates !== undefined ? path.resolve(options.cwd, options.templates) : settings.templates;
  const templates =
    options.format === 'json' || options.format === 'csv'
      ? undefined
      : await loadTemplates(options.format === 'md' ? 'md' : 'html', templateDir, options.cwd);
  // The theme's logo is checked before the output folder is made: a bad one stops the run first.
  const name = settings.name ?? (settings.root ? path.basename(settings.root) : 'personakit reports');
  const report = await reportView(settings, await stamp, name);
  await out.prepare();
  const common = { workspace: { name }, report };
  if (browser === undefined) await writeReports(options, templates, out, documents, result, common);
  else {
    // The HTML pages (named as their PDFs) and their pictures, kept in memory for the browser.
    const pages = new Map<string, string | Uint8Array>();
    await writeReports(options, templates, { write: (n, c) => pages.set(n, c) }, documents, result, common);
    const { printPdfs } = await import('./pdf/print.js');
    await printPdfs(browser, pages, (n, pdf) => out.write(n, pdf));
  }
  return { refused: false, diagnostics, lint: result, outDir: out.root, written: out.written };
}

/** One report per document, then the index. */
async function writeReports(
  options: RenderOptions,
  templates: TemplateSet | undefined,
  out: ReportSink,
  documents: readonly WorkspaceDocument[],
  result: LintResult,
  common: { workspace: { name: string }; report: ReportView },
): Promise<void> {
  const { workspace, diagnostics } = result;
  const ext = options.format === 'md' ? 'md' : options.format;
  const team = options.audience === 'team';
  const plan = planRender(documents, workspace.documents, diagnostics, options.cwd, ext, team);
  const format = options.format;
  if (format === 'csv') return writeMarketCsvs(plan, workspace, out, options.onProgress);
  const build = documentBuilder(plan, workspace, out, format === 'pdf' ? 'html' : format);
  const name = common.workspace.name;
  // What every page's root holds besides its own view, escaped for Markdown once.
  const shared =
    format === 'md'
      ? { ...escapeForMarkdown({ ...common, report: { ...common.report, logo: undefined } }), team }
      : { ...common, team };

  const withCards = format !== 'json' && plan.docs.some((p) => p.doc.kind === 'persona');
  const total = plan.docs.length + (withCards ? 2 : 1);
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);
  // Several documents in flight let persona pictures be read meanwhile.
  const results = await mapLimited(plan.docs, 64, async (p) => {
    const b = await build(p);
    out.write(b.file, contentOf(format, templates, b, shared));
    progress();
    return { entry: b.entry, model: b.model, card: b.card };
  });
  const templateFormat = format === 'md' ? 'md' : 'html';
  // Every persona's card on one page (one card per printed page), linked from the index.
  const cards = withCards ? { href: `cards.${ext}` } : undefined;
  if (cards !== undefined) {
    const cardList = results.flatMap((r) => (r.card === undefined ? [] : [r.card]));
    const root = { ...shared, index: { href: `index.${ext}` } };
    out.write(cards.href, page(templates!, 'cards', templateFormat, root, { cards: cardList }));
    progress();
  }
  const index = {
    ...indexView(
      name,
      results.map((r) => r.entry),
      team ? plan.elsewhere.map(problemView) : [],
    ),
    cards,
  };
  const indexContent =
    format === 'json'
      ? json({ workspace: name, documents: results.map((r) => r.model) })
      : page(templates!, 'index', templateFormat, shared, index);
  out.write(`index.${ext}`, indexContent);
  progress();
}

function contentOf(
  format: Exclude<RenderFormat, 'csv'>,
  templates: TemplateSet | undefined,
  b: BuiltDocument,
  shared: object,
): string {
  if (format === 'json') return json(b.model);
  const root = { ...shared, index: { href: `index.${format}` } };
  return page(templates!, b.kind, format === 'md' ? 'md' : 'html', root, b.view, b.markdown);
}

/**
 * A page's root: `shared` (already escaped) and the page's own view. Markdown data is escaped
 * once, here; precomputed Markdown (the Mermaid block) is added after.
 */
function page(
  templates: TemplateSet,
  kind: TemplateKind,
  format: 'html' | 'md',
  shared: object,
  view: object,
  markdown: Record<string, string> = {},
): string {
  return format === 'html'
    ? templates.render(kind, { ...shared, ...view })
    : tidyMarkdown(templates.render(kind, { ...shared, ...escapeForMarkdown(view), ...markdown }));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
