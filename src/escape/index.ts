import { htmlAttr, htmlText, safeUrl, svgAttr, svgText, urlAttr, xmlAttr, xmlText } from './html.js';
import {
  markdownCell,
  markdownHtmlAttr,
  markdownHtmlText,
  markdownText,
  markdownUrl,
  mermaidLabel,
} from './markdown.js';
import { csvCell, workflowData, workflowProperty } from './text-formats.js';

export { htmlAttr, htmlText, safeUrl, svgAttr, svgText, UNSAFE_URL, urlAttr, xmlAttr, xmlText } from './html.js';
export {
  markdownCell,
  markdownHtmlAttr,
  markdownHtmlText,
  markdownText,
  markdownUrl,
  mermaidLabel,
} from './markdown.js';
export { csvCell, formulaSafe, workflowData, workflowProperty } from './text-formats.js';

/**
 * Every place personakit writes a value that came from a document, and the one escaper for it.
 * A value is escaped once, by the escaper of the context it lands in, at the moment it is put
 * there: reporters and report views call these functions; templates reach them through the
 * helpers named after the context (render/helpers.ts, README "Security and limits").
 */
export const ESCAPERS = {
  /** Text between HTML tags. */
  'html-text': htmlText,
  /** A quoted HTML attribute value. */
  'html-attr': htmlAttr,
  /** An href or src: only relative paths personakit wrote, or https addresses. */
  'url-attr': urlAttr,
  /** Markdown inline text: headings, paragraphs, list items. */
  'md-text': markdownText,
  /** A cell of a GFM table. */
  'md-cell': markdownCell,
  /** Text inside HTML that a Markdown template writes. */
  'md-html-text': markdownHtmlText,
  /** A quoted attribute value of HTML that a Markdown template writes (e.g. an `<img>` alt). */
  'md-html-attr': markdownHtmlAttr,
  /** The destination of a Markdown link: only safe URLs, as for url-attr. */
  'md-url': (value: string) => markdownUrl(safeUrl(value)),
  /** A name or title in a Mermaid diagram of a Markdown report. */
  'mermaid-label': mermaidLabel,
  /** Text of inline SVG (the emotion curve). */
  'svg-text': svgText,
  /** A quoted attribute value of inline SVG. */
  'svg-attr': svgAttr,
  /** XML text content (JUnit). */
  'xml-text': xmlText,
  /** A quoted XML attribute value (JUnit). */
  'xml-attr': xmlAttr,
  /** The message of a GitHub workflow command. */
  'workflow-data': workflowData,
  /** A property value of a GitHub workflow command. */
  'workflow-property': workflowProperty,
  /** A CSV cell (RFC 4180 quoting, no spreadsheet formula). */
  'csv-cell': (value: string) => csvCell(value),
} as const satisfies Record<string, (value: string) => string>;

/** The name of an output context. */
export type OutputContext = keyof typeof ESCAPERS;
