import { isRecord } from '../model/completeness.js';

/**
 * Defensive readers for document data. With --force, schema-invalid documents are rendered too,
 * so every field may hold the wrong type: these return undefined or [] instead of throwing.
 */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return undefined;
}

export function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return text(value) === undefined ? [] : [text(value)!];
  return value.map(text).filter((t): t is string => t !== undefined);
}

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Only plain https links are ever put in an href: anything else (javascript:, data:, file:) and any
 * URL with quotes, brackets or spaces (which could break out of a Markdown link) is dropped.
 */
export function httpsUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https:\/\/[^\s<>"'`\\(){}|^[\]]+$/i.test(value) ? value : undefined;
}

const labels = new Map<string, string>();

/** "budget-holder" → "Budget holder": enum values as a consultant would write them. */
export function labelOf(value: string): string {
  let label = labels.get(value);
  if (label === undefined) {
    const spaced = value.replace(/[-_]+/g, ' ').trim();
    label = spaced.charAt(0).toUpperCase() + spaced.slice(1);
    // The same few enum values come up in every document; free text is not kept.
    if (labels.size < 1000) labels.set(value, label);
  }
  return label;
}
