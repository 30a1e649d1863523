import { markdownCell } from '../escape/index.js';

/**
 * A text of a Markdown report's data: prints as Markdown table-cell text (safe in inline text
 * too), and keeps its plain text for the helpers of other contexts (render/helpers.ts). The
 * plain text sits in a private field, so a template cannot print it unescaped.
 */
export class MarkdownText extends String {
  readonly #plain: string;
  constructor(plain: string) {
    super(markdownCell(plain));
    this.#plain = plain;
  }
  static plainOf(value: MarkdownText): string {
    return value.#plain;
  }
}

/** The plain text of a value a helper receives: a report text, a template literal or a number. */
export function plainText(value: unknown): string {
  if (value instanceof MarkdownText) return MarkdownText.plainOf(value);
  return value == null ? '' : String(value);
}

/**
 * A copy of a report's data with every string a MarkdownText. Markdown templates are compiled
 * without HTML escaping, so this is the one place their data is made safe: a persona text can
 * neither break a table nor inject HTML, whatever the template does with it. Blank strings become
 * empty strings, so `{{#if}}` reads them as missing.
 */
export function escapeForMarkdown<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? '' : new MarkdownText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v);
    return out;
  }
  return value;
}
