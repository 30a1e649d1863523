import type { ErrorObject } from 'ajv';
import { pointerSegments } from '../load/positions.js';
import { suggestion } from './suggest.js';

export interface SchemaProblem {
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

/** "/goals/0/type" → "goals[0].type", the way a consultant reads a field. */
export function humanPath(pointer: string): string {
  let out = '';
  for (const segment of pointerSegments(pointer)) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += (out ? '.' : '') + segment;
  }
  return out;
}

/** The schemas' patterns in words; a regular expression means nothing to most readers. */
const PATTERN_WORDS: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$':
    'an id of lowercase letters, digits and hyphens, starting with a letter or digit (like "finance-fiona")',
  '^https://': 'an https:// address',
  '^\\d{1,3}\\s*-\\s*\\d{1,3}$': 'a whole number or an age range like "40-55"',
  '^[A-Z]{3}$': 'a three-letter ISO 4217 currency code in capitals (like "GBP")',
};

const COMPARISON_WORDS: Record<string, string> = {
  '<=': 'at most',
  '>=': 'at least',
  '<': 'less than',
  '>': 'more than',
};

/**
 * Turn ajv's errors into one message per real problem, in plain words. Combinator errors
 * (anyOf/oneOf/if) are noise when a more specific error at or below the same place exists.
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  schemaAt: (pointer: string) => Record<string, unknown> | undefined,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors) {
    if (['anyOf', 'oneOf', 'if', 'not', 'allOf'].includes(error.keyword)) {
      const specific = errors.some(
        (e) =>
          e !== error && e.instancePath.startsWith(error.instancePath) && !['anyOf', 'oneOf', 'if'].includes(e.keyword),
      );
      if (specific) continue;
    }
    // A value of the wrong type also fails its pattern/format/enum checks: say only the type.
    if (error.keyword !== 'type' && typeFailed.has(error.instancePath)) continue;
    const problem = describe(error, data, schemaAt);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(
  error: ErrorObject,
  data: unknown,
  schemaAt: (pointer: string) => Record<string, unknown> | undefined,
): SchemaProblem {
  const pointer = error.instancePath;
  const field = humanPath(pointer) || 'the document';
  const value = valueAt(data, pointer);
  const got = ` — got ${show(value)}`;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys((schemaAt(error.schemaPath)?.properties as object | undefined) ?? {});
      const where = pointer ? ` in ${field}` : '';
      return {
        pointer: `${pointer}/${escape(name)}`,
        at: 'key',
        message: `unknown property "${name}"${where}${suggestion(name, known)}; remove it, or prefix it with "x-" to keep your own data`,
      };
    }
    case 'required': {
      const name = String(p.missingProperty);
      const where = pointer ? ` in ${field}` : '';
      return { pointer, at: 'value', message: `missing required property "${name}"${where}` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? suggestion(value, allowed) : '';
      return { pointer, at: 'value', message: `${field} must be one of ${allowed.join(', ')}${got}${hint}` };
    }
    case 'const':
      return { pointer, at: 'value', message: `${field} must be ${show(p.allowedValue)}${got}` };
    case 'type': {
      const expected = String(p.type).split(',').map(article).join(' or ');
      return { pointer, at: 'value', message: `${field} must be ${expected}${got}` };
    }
    case 'pattern': {
      const words = PATTERN_WORDS[String(p.pattern)];
      return {
        pointer,
        at: 'value',
        message: words
          ? `${field} must be ${words}${got}`
          : `${field} does not have the expected form (${String(p.pattern)})${got}`,
      };
    }
    case 'format':
      if (p.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
        return { pointer, at: 'value', message: `${field} is ${value}, a date that does not exist${dayHint(value)}` };
      return { pointer, at: 'value', message: formatMessage(field, String(p.format)) + got };
    case 'minItems':
      return {
        pointer,
        at: 'value',
        message:
          Number(p.limit) === 1
            ? `${field} must list at least one item`
            : `${field} must list at least ${String(p.limit)} items`,
      };
    case 'maxItems':
      return { pointer, at: 'value', message: `${field} must list at most ${String(p.limit)} items` };
    case 'minLength':
      return { pointer, at: 'value', message: `${field} must not be empty` };
    case 'maxLength':
      return { pointer, at: 'value', message: `${field} must be at most ${String(p.limit)} characters long` };
    case 'uniqueItems': {
      // ajv names both indices of the pair; point at the later one, the repeat.
      const repeat = Math.max(Number(p.i), Number(p.j));
      return {
        pointer: `${pointer}/${repeat}`,
        at: 'value',
        message: `${field} lists ${show(Array.isArray(value) ? value[repeat] : undefined)} twice; remove the repeat`,
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        pointer,
        at: 'value',
        message: `${field} must be ${COMPARISON_WORDS[String(p.comparison)] ?? String(p.comparison)} ${String(p.limit)}${got}`,
      };
    default:
      return { pointer, at: 'value', message: `${field} ${error.message ?? 'is invalid'}` };
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why a well-formed YYYY-MM-DD is no date: the month, or how many days the month has. */
function dayHint(value: string): string {
  const [year, month] = [Number(value.slice(0, 4)), Number(value.slice(5, 7))];
  if (month < 1 || month > 12) return '; the month must be 01 to 12';
  // setUTCFullYear, not Date.UTC: that reads years 0-99 as 1900-1999.
  const days = new Date(new Date(0).setUTCFullYear(year, month, 0)).getUTCDate();
  return `; ${MONTHS[month - 1]} ${year} has ${days} days`;
}

function formatMessage(field: string, format: string): string {
  if (format === 'date') return `${field} must be a date written YYYY-MM-DD (like 2026-05-01)`;
  if (format === 'uri') return `${field} must be a full https:// address`;
  return `${field} must be a valid ${format}`;
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping (key: value pairs)';
  if (type === 'integer') return 'a whole number';
  if (type === 'null') return 'empty';
  return `a ${type}`;
}

/** Short, safe rendering of a YAML value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const text = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(text);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
