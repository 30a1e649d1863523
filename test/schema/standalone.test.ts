import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  createAjv,
  readSchema,
  readSchemaText,
  SCHEMA_NAMES,
  VALIDATOR_SETTINGS,
  type SchemaName,
} from '../../src/schema/compile.js';
import { standaloneSource } from '../../src/schema/generate-standalone.js';
import { loadStandalone, standaloneFingerprint } from '../../src/schema/standalone.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** Evaluate generated CommonJS as Node would load it from the package (its require()s resolve in node_modules). */
function instantiate(code: string): ValidateFunction & { fingerprint?: string } {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, requireFromRoot);
  return module.exports as ValidateFunction & { fingerprint?: string };
}

const EXAMPLES: Record<SchemaName, unknown[]> = { persona: [], journey: [], market: [], settings: [] };
for (const folder of ['personas', 'journeys', 'markets']) {
  const dir = path.join(ROOT, 'examples', folder);
  for (const name of requireFromRoot('node:fs')
    .readdirSync(dir)
    .filter((f: string) => f.endsWith('.yaml'))) {
    const data = jsYaml.load(readFileSync(path.join(dir, name), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as {
      kind: SchemaName;
    };
    EXAMPLES[data.kind].push(data);
  }
}
EXAMPLES.settings.push(
  jsYaml.load(readFileSync(path.join(ROOT, 'examples', 'personakit.yaml'), 'utf8'), { schema: jsYaml.CORE_SCHEMA }),
);

const REPLACEMENTS: unknown[] = [
  42,
  -1,
  1.5,
  'not-valid value',
  '',
  'https',
  '2026-13-45',
  true,
  null,
  [],
  ['x', 'x'],
  {},
  { 'bad key': 1 },
];

/**
 * Broken copies of a valid document: every value in turn replaced by each of REPLACEMENTS, every
 * property removed, an unknown property added to every mapping. Between them they trip every
 * keyword the schemas use (type, enum, pattern, format, required, additionalProperties, limits…).
 */
function* mutations(doc: unknown): Generator<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...at, i]));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
  };
  walk(doc, []);
  for (const at of paths) {
    if (at.length === 0) continue;
    for (const value of REPLACEMENTS)
      yield edit(doc, at, (parent, key) => ((parent as Record<string | number, unknown>)[key] = value));
    yield edit(doc, at, (parent, key) =>
      Array.isArray(parent) ? parent.splice(Number(key), 1) : delete (parent as Record<string, unknown>)[key],
    );
    yield edit(doc, at, (parent, key) => {
      const node = (parent as Record<string | number, unknown>)[key];
      if (node !== null && typeof node === 'object' && !Array.isArray(node))
        (node as Record<string, unknown>).unexpected = 1;
    });
  }
}

function edit(doc: unknown, at: (string | number)[], change: (parent: unknown, key: string | number) => void): unknown {
  const copy = structuredClone(doc);
  let parent: unknown = copy;
  for (const key of at.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  change(parent, at[at.length - 1]!);
  return copy;
}

function errorsOf(validate: ValidateFunction, data: unknown): unknown {
  return validate(data) ? [] : structuredClone(validate.errors);
}

describe('standalone validators (generated at build time) and validators compiled at run time', () => {
  it.each(SCHEMA_NAMES)(
    '%s: identical verdicts and error objects (keyword, paths, params, message) on broken documents',
    (name) => {
      const generated = instantiate(standaloneSource(name));
      // An Ajv instance of its own (compileSchema's shared one refuses a schema id it has seen).
      const runtime = createAjv().compile(readSchema(name));
      expect(EXAMPLES[name].length).toBeGreaterThan(0);
      let invalid = 0;
      for (const example of EXAMPLES[name]) {
        expect(errorsOf(generated, example)).toEqual([]);
        for (const broken of mutations(example)) {
          const expected = errorsOf(runtime, broken);
          if ((expected as unknown[]).length > 0) invalid++;
          expect(errorsOf(generated, broken)).toEqual(expected);
        }
      }
      expect(invalid).toBeGreaterThan(100);
    },
  );

  it('generated code is used only for the schema text, Ajv version and options it was made from', () => {
    const text = readSchemaText('persona');
    const code = instantiate(standaloneSource('persona'));
    expect(code.fingerprint).toBe(standaloneFingerprint(text, VALIDATOR_SETTINGS));
    expect(standaloneFingerprint(text.replace('"minLength": 1', '"minLength": 2'), VALIDATOR_SETTINGS)).not.toBe(
      code.fingerprint,
    );
    expect(
      standaloneFingerprint(text, {
        ...VALIDATOR_SETTINGS,
        options: { ...VALIDATOR_SETTINGS.options, allErrors: false },
      }),
    ).not.toBe(code.fingerprint);
    // From src/ there is no generated code: validators are compiled.
    expect(loadStandalone('persona', text, VALIDATOR_SETTINGS)).toBeUndefined();
  });

  it('the build (dist/) ships current generated code for every schema', () => {
    const built = path.join(ROOT, 'dist', 'schema', 'standalone');
    // npm test builds first; a bare `vitest run` after a partial build has nothing to check here.
    if (!existsSync(built)) return;
    for (const name of SCHEMA_NAMES) {
      const code = readFileSync(path.join(built, `${name}.cjs`), 'utf8');
      expect(instantiate(code).fingerprint, `dist/schema/standalone/${name}.cjs is stale: run npm run build`).toBe(
        standaloneFingerprint(readSchemaText(name), VALIDATOR_SETTINGS),
      );
    }
  });
});
