import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormatsType from 'ajv-formats';

export const KINDS = ['persona', 'journey', 'market'] as const;
export type Kind = (typeof KINDS)[number];
export type SchemaName = Kind | 'settings';

/** The package's schemas/ folder, the same from src/ (tests) and dist/ (the built CLI). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMAS_DIR}${name}.schema.json`, 'utf8')) as Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** Validators are compiled once per process, on first use, so commands that never validate never pay. */
export function validatorFor(name: SchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  ajv ??= createAjv();
  const validate = ajv.compile(readSchema(name));
  compiled.set(name, validate);
  return validate;
}

/**
 * ajv is loaded on first validation, not at import: commands that only need KINDS (new, init,
 * --version, --help) must not pay ~40 ms for it. require() keeps validatorFor synchronous.
 */
function createAjv(): Ajv2020 {
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof addFormatsType;
  // allowUnionTypes: about.age is `integer | string`, written as a type list rather than oneOf
  // so that one mistake gives one message.
  const instance = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, messages: true });
  addFormats.default(instance, ['date', 'uri']);
  return instance;
}
