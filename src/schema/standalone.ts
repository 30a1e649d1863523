import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { SchemaName } from './names.js';

/**
 * Validators generated at build time (`npm run build` runs generate-standalone.js): CommonJS,
 * because Ajv's standalone code reaches its format checks with require(). They live in dist/ only.
 */
export const STANDALONE_DIR = fileURLToPath(new URL('./standalone/', import.meta.url));

const require = createRequire(import.meta.url);

/**
 * What generated code is valid for: the schema's exact text, the Ajv and ajv-formats versions and
 * the options. A schema edited after the build (or another Ajv installed) makes the code stale,
 * and stale code would check documents against the old schema.
 */
export function standaloneFingerprint(schemaText: string, options: unknown): string {
  const versions = ['ajv', 'ajv-formats'].map((pkg) => (require(`${pkg}/package.json`) as { version: string }).version);
  return createHash('sha1')
    .update(JSON.stringify([schemaText, versions, options]))
    .digest('hex');
}

export function standalonePath(name: SchemaName): string {
  return `${STANDALONE_DIR}${name}.cjs`;
}

/** The generated validator of `name` when there is one made from this schema text; otherwise undefined. */
export function loadStandalone(name: SchemaName, schemaText: string, options: unknown): ValidateFunction | undefined {
  const file = standalonePath(name);
  if (!existsSync(file)) return undefined;
  const loaded = require(file) as ValidateFunction & { fingerprint?: string };
  return loaded.fingerprint === standaloneFingerprint(schemaText, options) ? loaded : undefined;
}
