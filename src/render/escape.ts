/**
 * Escaping for the three languages reports are written in. Every value that comes from YAML goes
 * through one of these before it reaches output; templates never see raw markup-building input.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

/** HTML text and attribute values (same set as Handlebars' own escaping). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Markdown text that is safe in a paragraph, a list item and a table cell on the common forges:
 * no raw HTML (`<` → `&lt;`), no table break (`|` escaped, newlines → `<br>`), no code spans,
 * emphasis or links started by the data. `&` is only escaped where it would start an entity, so
 * "Crumb & Co" stays readable in the Markdown source.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~{}]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2')
    .replace(/\s*\n\s*/g, '<br>');
}

/**
 * Text inside a Mermaid `journey` diagram line. Mermaid's grammar ends a task name at `:`, a line at
 * `;` or `#` and a line break; it decodes `#<code>;` entity codes when it draws, so those characters
 * are written as codes. `%` (directives), `<`, `>`, `&` and backticks are coded too, so no text can
 * start a directive, inject markup into the drawn SVG, or close the surrounding code fence.
 */
export function escapeMermaid(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const coded = flat.replace(/[:;#%<>&`"{}]/g, (c) => `#${c.codePointAt(0)};`);
  // A name that starts with a keyword of the journey grammar would be read as that keyword.
  return /^(title|section|acc)/i.test(coded) ? `#${coded.codePointAt(0)};${coded.slice(1)}` : coded;
}
