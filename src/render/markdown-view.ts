import { escapeMarkdown } from './escape.js';

/**
 * A copy of a report's data with every string escaped for Markdown. Markdown templates are
 * compiled without HTML escaping, so this is the one place their data is made safe: a persona
 * text can neither break a table nor inject HTML, whatever the template does with it.
 */
export function escapeForMarkdown<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v);
    return out;
  }
  return value;
}
