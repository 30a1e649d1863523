#!/usr/bin/env node
/**
 * Baseline: the plainest possible "validate persona files" program. Reads every YAML file under
 * a folder, parses it with one YAML library, validates each document with a compiled Ajv
 * validator for its kind, and counts the invalid ones. No positions, no rules, no output format.
 *
 *   node bench/baselines/loop.mjs yaml|js-yaml <dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [parserName, dir] = process.argv.slice(2);
if (!dir || !['yaml', 'js-yaml'].includes(parserName)) {
  process.stderr.write('usage: node bench/baselines/loop.mjs yaml|js-yaml <dir>\n');
  process.exit(2);
}

const parseAll = parserName === 'yaml' ? await yamlParser() : await jsYamlParser();
const schemas = fileURLToPath(new URL('../../schemas/', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv, ['date', 'uri']);
const validators = Object.fromEntries(
  ['persona', 'journey', 'market'].map((kind) => [
    kind,
    ajv.compile(JSON.parse(readFileSync(path.join(schemas, `${kind}.schema.json`), 'utf8'))),
  ]),
);

let files = 0;
let documents = 0;
let invalid = 0;
for (const file of readdirSync(dir, { recursive: true })) {
  if (!/\.ya?ml$/.test(file) || path.basename(file) === 'personakit.yaml') continue;
  files++;
  for (const doc of parseAll(readFileSync(path.join(dir, file), 'utf8'))) {
    documents++;
    const validate = validators[doc?.kind];
    if (!validate || !validate(doc)) invalid++;
  }
}
process.stdout.write(`${parserName}: ${files} files, ${documents} documents, ${invalid} invalid\n`);

async function yamlParser() {
  const { parseAllDocuments } = await import('yaml');
  return (text) => parseAllDocuments(text, { version: '1.2', schema: 'core' }).map((d) => d.toJS());
}

async function jsYamlParser() {
  const { default: jsYaml } = await import('js-yaml');
  return (text) => jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
}
