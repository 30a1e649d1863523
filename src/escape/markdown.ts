/**
 * Escapers for the contexts of Markdown reports, as GitHub, GitLab and editors render them
 * (CommonMark with GFM tables and raw HTML allowed).
 */

/**
 * Markdown inline text (a heading, a paragraph, a list item): no raw HTML (`<` → `&lt;`), no code
 * spans, emphasis, links or template braces started by the data, no block started at its
 * beginning, line breaks as `<br>` so the text stays on its line. Surrounding white space is
 * dropped: Markdown would either ignore it or read it as indentation or a hard break. `&` is only
 * escaped where it would start an entity, so "Crumb & Co" stays readable in the source.
 */
export function markdownText(value: string): string {
  return inline(value, /[\\`*_[\]~{}]/g);
}

/** A GFM table cell: inline text whose `|` cannot end the cell. */
export function markdownCell(value: string): string {
  return inline(value, /[\\`*_[\]|~{}]/g);
}

function inline(value: string, punctuation: RegExp): string {
  return value
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(punctuation, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2')
    .replace(/\s*\n\s*/g, '<br>');
}

/**
 * Characters that mean something to HTML, or to Markdown around and inside raw HTML (a `|` ends a
 * table cell even inside a tag; a blank line ends an HTML block), written as numeric references.
 * Browsers decode them, so the reader sees the plain text; Markdown leaves them alone.
 */
const MARKDOWN_HTML = /[&<>"'`=|\\*_[\]~{}#\t\n\r]/g;

function references(value: string): string {
  return value.replace(MARKDOWN_HTML, (c) => `&#${c.codePointAt(0)};`);
}

/** Text inside an HTML element that a Markdown template writes (an HTML block or inline HTML). */
export function markdownHtmlText(value: string): string {
  return references(value);
}

/**
 * An attribute value of an HTML tag that a Markdown template writes, always quoted: plain text
 * (no Markdown backslash escapes, which HTML would show), every special character as a reference.
 */
export function markdownHtmlAttr(value: string): string {
  return references(value);
}

/**
 * The destination of a Markdown link `[text](url)`, already checked by safeUrl (no space, no
 * bracket, no backslash): only an `&` could still start an entity reference.
 */
export function markdownUrl(safe: string): string {
  return safe.replace(/&/g, '&amp;');
}

/**
 * Text inside a Mermaid `journey` diagram line. Mermaid's grammar ends a task name at `:`, a line at
 * `;` or `#` and a line break; it decodes `#<code>;` entity codes when it draws, so those characters
 * are written as codes. `%` (directives), `<`, `>`, `&` and backticks are coded too, so no text can
 * start a directive, inject markup into the drawn SVG, or close the surrounding code fence.
 */
export function mermaidLabel(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const coded = flat.replace(/[:;#%<>&`"{}]/g, (c) => `#${c.codePointAt(0)};`);
  // A name that starts with a keyword of the journey grammar would be read as that keyword.
  return /^(title|section|acc)/i.test(coded) ? `#${coded.codePointAt(0)};${coded.slice(1)}` : coded;
}
