import { ID_PATTERN } from '../workspace/workspace.js';
import { slugify } from './ids.js';
import type { Validate } from './questions.js';

/**
 * Answer validators with the same limits as the JSON Schemas, worded for someone typing at a
 * prompt. The generated document is validated against the schema as well before it is written.
 */

export const isId: Validate = (text) => {
  if (ID_PATTERN.test(text)) return true;
  const offer = slugify(text, Infinity);
  return offer !== ''
    ? `"${text}" is not an id (lower-case letters, digits and hyphens); use "${offer}"`
    : `"${text}" is not an id: use lower-case letters, digits and hyphens, starting with a letter or digit (e.g. close-faster)`;
};

/** An id that must also differ from those already taken (`what` names their owners). */
export function freshId(taken: ReadonlySet<string>, what: string): Validate {
  return (text) => {
    const format = isId(text);
    if (format !== true) return format;
    return !taken.has(text) || `"${text}" is already used by ${what}; choose another id`;
  };
}

export const isHttpsUrl: Validate = (text) => {
  if (!/^https:\/\//.test(text)) return `"${text}" is not an https:// address; give one starting with https://`;
  try {
    new URL(text);
    return true;
  } catch {
    return `"${text}" is not a valid web address`;
  }
};

/** A persona picture: an https:// address, or a path relative to the persona file (picture-invalid checks the file). */
export const isPicture: Validate = (text) => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text)) return isHttpsUrl(text);
  if (/^([\\/]|[a-z]:)/i.test(text))
    return `"${text}" is an absolute path; give the picture's path relative to the persona file (e.g. images/fiona.jpg)`;
  return true;
};

export const isIsoDate: Validate = (text) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const valid = match !== null && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  return valid || `"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2026-05-01`;
};

/** about.age: whole years, or a range written `from-to`. */
export const isAge: Validate = (text) => {
  if (/^\d+$/.test(text)) return Number(text) <= 150 || `${text} is not an age; give 0 to 150`;
  return (
    /^\d{1,3}\s*-\s*\d{1,3}$/.test(text) || `"${text}" is not an age; give years (e.g. 45) or a range (e.g. 40-55)`
  );
};

export function isInteger(min: number, max = Number.MAX_SAFE_INTEGER): Validate {
  return (text) => {
    const n = Number(text);
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) return `"${text}" is not a whole number`;
    if (n < min || n > max)
      return max === Number.MAX_SAFE_INTEGER
        ? `${text} is too small; give ${min} or more`
        : `${text} is out of range; give ${min} to ${max}`;
    return true;
  };
}

/** A decimal number in [min, max]; `aboveMin` excludes min itself (max_share must be above 0). */
export function isNumber(min: number, max = Infinity, aboveMin = false): Validate {
  return (text) => {
    const n = Number(text.replace(/_/g, ''));
    if (text.trim() === '' || !Number.isFinite(n)) return `"${text}" is not a number`;
    if (aboveMin ? n <= min : n < min)
      return `${text} is too small; give ${aboveMin ? 'more than' : 'at least'} ${min}`;
    if (n > max) return `${text} is too large; give at most ${max}`;
    return true;
  };
}

export const isCurrency: Validate = (text) =>
  /^[A-Za-z]{3}$/.test(text) || `"${text}" is not a currency code; give three letters (ISO 4217), e.g. GBP, EUR, USD`;

/** Both checks, in order. */
export function both(first: Validate, second: Validate): Validate {
  return (text) => {
    const result = first(text);
    return result === true ? second(text) : result;
  };
}

/** The number a validated numeric answer stands for ("1_000" and "1000" alike). */
export function toNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text.replace(/_/g, ''));
}
