import { InvalidArgumentError } from 'commander';
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
