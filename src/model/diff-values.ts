import { isRecord } from './completeness.js';
import type { Change } from './diff-types.js';

/**
 * The field-by-field part of the semantic diff, shared by every kind: mappings are compared key by
 * key, lists item by item where items are matched by identity (their `id`, else their name or
 * text), never by position, so a goal moved up the list is no change and a reworded goal is one
 * change, not a removal and an addition.
 */
export interface ValueDiffOptions {
  /** Fields (dotted names such as `sales_stages[won].aligns_with`) left to the kind's own diff. */
  skip?: (field: string) => boolean;
}

export function diffValue(
  field: string,
  before: unknown,
  after: unknown,
  out: Change[],
  options: ValueDiffOptions = {},
): void {
  if (options.skip?.(field) || deepEqual(before, after)) return;
  if (Array.isArray(before) || Array.isArray(after)) {
    diffList(field, asArray(before), asArray(after), out, options);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) diffValue(join(field, key), before[key], after[key], out, options);
    return;
  }
  if (before === undefined) out.push({ field, change: 'added', after: valueOf(after) });
  else if (after === undefined) out.push({ field, change: 'removed', before: valueOf(before) });
  else
    out.push({
      field,
      change: /(^|\.)text$/.test(field) ? 'reworded' : 'changed',
      before: valueOf(before),
      after: valueOf(after),
    });
}

/** How list items are matched across revisions: by id, else by the field that names them. */
export function itemKey(item: unknown): string {
  if (!isRecord(item)) return textOf(item);
  for (const k of ['id', 'name', 'text', 'theme', 'channel']) {
    const v = item[k];
    if (typeof v === 'string' && v !== '') return k === 'theme' && typeof item.text === 'string' ? item.text : v;
  }
  if (typeof item.source === 'string') return `${item.source} ${textOf(item.date)}`.trim();
  return textOf(item);
}

function diffList(field: string, before: unknown[], after: unknown[], out: Change[], options: ValueDiffOptions): void {
  const b = keyed(before);
  const a = keyed(after);
  const byId = [...before, ...after].every((item) => isRecord(item) && typeof item.id === 'string');
  const removed = [...b.keys()].filter((k) => !a.has(k));
  const added = [...a.keys()].filter((k) => !b.has(k));
  // Items without ids matched by their text: a text edited a little is the same item reworded.
  const reworded = byId ? [] : pairSimilar(removed, added);
  const paired = new Set(reworded.flat());
  for (const k of removed) if (!paired.has(k)) out.push({ field, change: 'removed', item: k });
  for (const k of added) if (!paired.has(k)) out.push({ field, change: 'added', item: k });
  for (const [from, to] of reworded) out.push({ field, change: 'reworded', item: to, before: from, after: to });
  for (const [k, item] of a) if (b.has(k)) diffValue(`${field}[${k}]`, b.get(k), item, out, options);
  if (byId) {
    const order = (keys: Iterable<string>, other: Map<string, unknown>) => [...keys].filter((k) => other.has(k));
    const was = order(b.keys(), a);
    const now = order(a.keys(), b);
    if (was.join('\0') !== now.join('\0'))
      out.push({ field, change: 'reordered', before: was.join(' → '), after: now.join(' → ') });
  }
}

/** Items by key, a repeated key numbered (#2, #3…) so that nothing is lost. */
function keyed(items: readonly unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const item of items) {
    const key = itemKey(item);
    let unique = key;
    for (let n = 2; map.has(unique); n++) unique = `${key} #${n}`;
    map.set(unique, item);
  }
  return map;
}

/** Removed and added texts paired when most of their words are shared, best pairs first. */
function pairSimilar(removed: readonly string[], added: readonly string[]): Array<[string, string]> {
  if (removed.length === 0 || added.length === 0 || removed.length * added.length > 10_000) return [];
  const candidates: Array<[number, string, string]> = [];
  for (const r of removed)
    for (const a of added) {
      const s = similarity(r, a);
      if (s >= 0.5) candidates.push([s, r, a]);
    }
  candidates.sort((x, y) => y[0] - x[0]);
  const used = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const [, r, a] of candidates) {
    if (used.has(`r:${r}`) || used.has(`a:${a}`)) continue;
    used.add(`r:${r}`);
    used.add(`a:${a}`);
    pairs.push([r, a]);
  }
  return pairs;
}

/** Shared words ÷ all words (Jaccard), case and punctuation ignored. */
export function similarity(x: string, y: string): number {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    );
  const a = words(x);
  const b = words(y);
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Numbers stay numbers in the model (JSON readers compare them); anything else becomes text. */
function valueOf(value: unknown): string | number {
  return typeof value === 'number' ? value : textOf(value);
}

/** A value as one short line of text: lists joined by commas, mappings as `key: value; …`. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${textOf(v)}`)
      .join('; ');
  return String(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) keys.push(k);
  return keys;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function join(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}
