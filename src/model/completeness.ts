/** Persona completeness: the share of the eight headings that are filled (SPEC 3.1). */

import { DEFAULT_PLACEHOLDERS, isPlaceholder, type Placeholders } from './placeholders.js';

export interface Heading {
  /** The persona field behind the heading. */
  key: 'about' | 'personality' | 'goals' | 'challenges' | 'hangouts' | 'value' | 'objections' | 'messages';
  /** How a consultant names the heading. */
  label: string;
}

export const HEADINGS: readonly Heading[] = [
  { key: 'about', label: 'about them' },
  { key: 'personality', label: 'personality' },
  { key: 'goals', label: 'goals' },
  { key: 'challenges', label: 'challenges' },
  { key: 'hangouts', label: 'hangouts' },
  { key: 'value', label: 'what we can do for them' },
  { key: 'objections', label: 'objections' },
  { key: 'messages', label: 'message' },
];

export interface Completeness {
  /** Filled headings ÷ 8, in percent, rounded down. */
  percent: number;
  filled: number;
  total: number;
  headings: Array<Heading & { filled: boolean }>;
  /** Labels of the headings still to fill, in heading order. */
  missing: string[];
}

/**
 * Works on any value: wrong types simply count as unfilled, so schema-invalid personas never crash it.
 * A heading is filled only by content that is not placeholder text ("TODO: …", "TBD").
 */
export function completenessOf(persona: unknown, placeholders: Placeholders = DEFAULT_PLACEHOLDERS): Completeness {
  const data = isRecord(persona) ? persona : {};
  // One plain loop: this runs for every persona of a check and again for every persona page.
  const headings: Completeness['headings'] = [];
  const missing: string[] = [];
  let filled = 0;
  for (const h of HEADINGS) {
    const isIn = isFilled(h.key, data[h.key], placeholders);
    headings.push({ key: h.key, label: h.label, filled: isIn });
    if (isIn) filled++;
    else missing.push(h.label);
  }
  return { percent: Math.floor((filled * 100) / HEADINGS.length), filled, total: HEADINGS.length, headings, missing };
}

/** The field that carries the content of a list heading's item; ids, types and themes are structure. */
const CONTENT_FIELD: Partial<Record<Heading['key'], string>> = {
  goals: 'text',
  challenges: 'text',
  hangouts: 'name',
  value: 'text',
  objections: 'text',
  messages: 'text',
};

function isFilled(key: Heading['key'], value: unknown, placeholders: Placeholders): boolean {
  const real = (v: unknown) => hasContent(v) && !isPlaceholder(v, placeholders);
  if (key === 'about') return isRecord(value) && Object.keys(value).some((k) => !k.startsWith('x-') && real(value[k]));
  if (key === 'personality') {
    return (
      isRecord(value) &&
      ((Array.isArray(value.traits) && value.traits.some(real)) ||
        (Array.isArray(value.communication) && value.communication.some(real)))
    );
  }
  if (!Array.isArray(value)) return false;
  const field = CONTENT_FIELD[key]!;
  return value.some((item) => (isRecord(item) ? real(item[field]) : real(item)));
}

function hasContent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
