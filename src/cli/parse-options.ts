import { InvalidArgumentError } from 'commander';
import type { Concurrency } from '../lint/concurrency.js';
import { FORMATS, type Format } from '../report/types.js';
import { suggestion } from '../schema/suggest.js';

/** Commander argument parsers: a bad value is a usage error (exit 2) with what to do instead. */
export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new InvalidArgumentError(
    `"${value}" is not a format${suggestion(value, FORMATS)}; use one of ${FORMATS.join(', ')}.`,
  );
}

export function parsePercent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
    throw new InvalidArgumentError(`"${value}" is not a percentage; give a number from 0 to 100.`);
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError(`"${value}" is not a count; give a whole number of 0 or more.`);
  return n;
}

/** --concurrency: auto, off, or how many files are read at once (as ESLint 9 spells it). */
export function parseConcurrency(value: string): Concurrency {
  const word = value.trim().toLowerCase();
  if (word === 'auto' || word === 'off') return word;
  const n = Number(word);
  if (/^\d+$/.test(word) && Number.isSafeInteger(n) && n >= 1) return n;
  throw new InvalidArgumentError(
    `"${value}" is not a concurrency; use auto (the default), off (one file at a time) or a number of files from 1 up.`,
  );
}

export const CONCURRENCY_HELP =
  'how many files are read at once: auto, off (one at a time) or a number (default: auto)';
