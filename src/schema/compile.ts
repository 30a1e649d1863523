import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormatsType from 'ajv-formats';
import { KINDS, type Kind, type SchemaName } from './names.js';
import { loadStandalone } from './standalone.js';

export { KINDS, SCHEMA_NAMES, type Kind, type SchemaName } from './names.js';

/** The package's schemas/ folder, the same from src/ (tests) and dist/ (the built CLI). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/**
 * The Ajv options of every validator, compiled at run time or generated at build time (standalone).
 * allowUnionTypes: about.age is `integer | string`, written as a type list rather than oneOf so
 * that one mistake gives one message.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  messages: true,
} as const satisfies Options;
export const AJV_FORMATS = ['date', 'uri'] as const;
/** Everything besides the schema that shapes the generated code (part of its fingerprint). */
export const VALIDATOR_SETTINGS = { options: AJV_OPTIONS, formats: AJV_FORMATS };

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function readSchemaText(name: SchemaName): string {
  return readFileSync(`${SCHEMAS_DIR}${name}.schema.json`, 'utf8');
}

export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readSchemaText(name)) as Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * One validator per schema and process. The build generates them as standalone code
 * (generate-standalone.ts), which loads in a few milliseconds where compiling costs ~0.1 s in
 * every process and worker thread; when that code is missing or was made from other schemas or
 * another Ajv (tests run from src/, a schema edited since the build), they are compiled here.
 */
export function validatorFor(name: SchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const text = readSchemaText(name);
  const validate =
    loadStandalone(name, text, VALIDATOR_SETTINGS) ?? compileSchema(JSON.parse(text) as Record<string, unknown>);
  compiled.set(name, validate);
  return validate;
}

/** Compile a schema with the shared Ajv instance, bypassing any generated code (tests compare the two). */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  ajv ??= createAjv();
  return ajv.compile(schema);
}

/**
 * ajv is loaded on first compilation, not at import: commands that only need KINDS (new, init,
 * --version, --help) must not pay ~40 ms for it. require() keeps validatorFor synchronous.
 * `extra`: options of the build step (code.source for standalone code).
 */
export function createAjv(extra: Options = {}): Ajv2020 {
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof addFormatsType;
  const instance = new Ajv({ ...AJV_OPTIONS, ...extra });
  addFormats.default(instance, [...AJV_FORMATS]);
  return instance;
}
