import { escapeForMarkdown } from './markdown-view.js';
import { tidyMarkdown } from './markdown-tidy.js';
import type { TemplateFormat, TemplateKind, TemplateSet } from './templates.js';
import type { ReportView } from './theme.js';

/** What every page's root holds besides its own view, as the run knows it (plain data). */
export interface PageCommon {
  workspace: { name: string };
  report: ReportView;
  team: boolean;
}

/**
 * The root every page shares, escaped for Markdown once in a Markdown run (a Markdown page shows
 * no logo). `index` is the link back to the index (absent on the index itself).
 */
export function pageRoot(format: TemplateFormat, common: PageCommon, index?: { href: string }): object {
  const { team, ...data } = common;
  const shared =
    format === 'md'
      ? { ...escapeForMarkdown({ ...data, report: { ...data.report, logo: undefined } }), team }
      : { ...data, team };
  return index === undefined ? shared : { ...shared, index };
}

/**
 * One page's text: its template drawn on the root merged with the page's own view. Markdown data
 * is escaped once, here; precomputed Markdown (the Mermaid block) is added after. The same function
 * draws a page on the main thread and on the drawing thread (draw-thread.ts).
 */
export function drawPage(
  templates: TemplateSet,
  kind: TemplateKind,
  format: TemplateFormat,
  root: object,
  view: object,
  markdown: Record<string, string> = {},
): string {
  return format === 'html'
    ? templates.render(kind, { ...root, ...view })
    : tidyMarkdown(templates.render(kind, { ...root, ...escapeForMarkdown(view), ...markdown }));
}
