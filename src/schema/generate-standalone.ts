import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, readSchemaText, SCHEMA_NAMES, VALIDATOR_SETTINGS, type SchemaName } from './compile.js';
import { STANDALONE_DIR, standaloneFingerprint, standalonePath } from './standalone.js';

/**
 * Build step (package.json `build`): write every schema's validator as standalone code into
 * dist/schema/standalone/, so that no run compiles a schema. Run as `node dist/schema/generate-standalone.js`.
 */
export function standaloneSource(name: SchemaName): string {
  const require = createRequire(import.meta.url);
  const standaloneCode = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js'))
    .default;
  // code.source keeps the generated source; ajv-formats names its formats module in the code
  // (require("ajv-formats/dist/formats").fullFormats), so the output needs no Ajv compiler at all.
  const ajv = createAjv({ code: { source: true } });
  const text = readSchemaText(name);
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(text) as Record<string, unknown>));
  return `${code}\nmodule.exports.fingerprint = ${JSON.stringify(standaloneFingerprint(text, VALIDATOR_SETTINGS))};\n`;
}

export function writeStandaloneValidators(): string[] {
  rmSync(STANDALONE_DIR, { recursive: true, force: true });
  mkdirSync(STANDALONE_DIR, { recursive: true });
  return SCHEMA_NAMES.map((name) => {
    writeFileSync(standalonePath(name), standaloneSource(name));
    return standalonePath(name);
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = writeStandaloneValidators();
  process.stdout.write(`standalone validators: ${written.map((f) => path.basename(f)).join(', ')}\n`);
}
