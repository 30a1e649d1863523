import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { decodeUtf8 } from '../../src/load/decode.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { isKind } from '../../src/schema/compile.js';
import { validateAgainst } from '../../src/schema/validate.js';
import { accountsCsv, hostileValue, settingsBytes, yamlFileBytes } from './generators.js';
import {
  expectDiagnostics,
  expectNoPollution,
  expectSafeReports,
  expectUnchangedExcept,
  makeSandbox,
  runChecked,
  snapshotPrototypes,
  snapshotTree,
} from './harness.js';

/**
 * The property-based layer (issue 8), shared by the normal test run (test/hardening) and the longer
 * `npm run fuzz` (test/fuzz): each property takes its number of runs and a seed, so any failure
 * replays exactly (fast-check prints the seed and path of the smallest failing case).
 */

export interface FuzzBudget {
  numRuns: number;
  seed: number;
}

/** A generated workspace: 1–3 YAML files, maybe a hostile personakit.yaml, maybe an accounts CSV. */
const workspaceCase = fc.record({
  files: fc.array(yamlFileBytes, { minLength: 1, maxLength: 3 }),
  settings: fc.option(settingsBytes, { freq: 3 }),
  csv: fc.option(accountsCsv, { freq: 2 }),
});
type WorkspaceCase = typeof workspaceCase extends fc.Arbitrary<infer T> ? T : never;

function filesOf(c: WorkspaceCase): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  c.files.forEach((bytes, i) => (files[`docs/doc-${i}.yaml`] = bytes));
  if (c.settings) files['personakit.yaml'] = c.settings;
  if (c.csv) files['docs/accounts.csv'] = c.csv;
  return files;
}

/** validate and check, in-process: exit 0/1/2, well-formed diagnostics, nothing written, nothing polluted. */
export function lintProperty(budget: FuzzBudget): Promise<void> {
  return fc.assert(
    fc.asyncProperty(workspaceCase, fc.constantFrom('validate', 'check'), fc.boolean(), async (c, command, named) => {
      const box = makeSandbox(filesOf(c));
      try {
        const prototypes = snapshotPrototypes();
        const before = snapshotTree(box.root);
        const outcome = await runChecked([command, '--format', 'json', ...(named ? ['docs'] : [])], box.ws);
        expectDiagnostics(outcome);
        expectUnchangedExcept(before, snapshotTree(box.root));
        expectNoPollution(prototypes);
      } finally {
        box.cleanup();
      }
    }),
    { numRuns: budget.numRuns, seed: budget.seed, endOnFailure: true },
  );
}

/** render, in-process: writes only into --out, report names only from ids, no script, no picture from outside. */
export function renderProperty(budget: FuzzBudget): Promise<void> {
  return fc.assert(
    fc.asyncProperty(
      workspaceCase,
      fc.constantFrom('html', 'md', 'json'),
      fc.constantFrom('out', 'out/deeper', 'docs/out'),
      async (c, format, out) => {
        const box = makeSandbox(filesOf(c));
        try {
          const prototypes = snapshotPrototypes();
          const before = snapshotTree(box.root);
          const outcome = await runChecked(['render', '--force', '--format', format, '--out', out], box.ws);
          expectUnchangedExcept(before, snapshotTree(box.root), [`ws/${out}`]);
          if (outcome.code === 0) expectSafeReports(path.join(box.ws, out), format);
          expectNoPollution(prototypes);
        } finally {
          box.cleanup();
        }
      },
    ),
    { numRuns: budget.numRuns, seed: budget.seed, endOnFailure: true },
  );
}

/** new --answers with a hostile answers file: exit 0/1/2, writes at most one file in --dir, never replaces one. */
export function newProperty(budget: FuzzBudget): Promise<void> {
  const answers = fc.oneof(
    fc
      .record(
        { name: hostileValue, id: hostileValue, tagline: hostileValue, roles: hostileValue },
        { requiredKeys: [] },
      )
      .map((a) => Buffer.from(stringify(a))),
    yamlFileBytes,
  );
  return fc.assert(
    fc.asyncProperty(answers, fc.constantFrom('persona', 'journey', 'market'), async (bytes, kind) => {
      const box = makeSandbox({ 'answers.yaml': bytes, 'new/existing.yaml': Buffer.from('kept: true\n') });
      try {
        const prototypes = snapshotPrototypes();
        const before = snapshotTree(box.root);
        const outcome = await runChecked(['new', kind, '--answers', 'answers.yaml', '--dir', 'new'], box.ws);
        const after = snapshotTree(box.root);
        expectUnchangedExcept(before, after, ['ws/new']);
        const added = [...after.keys()].filter((k) => !before.has(k));
        expect_(added.length <= (outcome.code === 0 ? 1 : 0), `unexpected files: ${added.join(', ')}`);
        expect_(
          added.every((f) => /^ws\/new\/[a-z0-9][a-z0-9-]*\.yaml$/.test(f)),
          `bad file name: ${added.join(', ')}`,
        );
        expect_(
          after.get('ws/new/existing.yaml') === before.get('ws/new/existing.yaml'),
          'an existing file was replaced',
        );
        expectNoPollution(prototypes);
      } finally {
        box.cleanup();
      }
    }),
    { numRuns: budget.numRuns, seed: budget.seed, endOnFailure: true },
  );
}

function expect_(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Runs per property: PERSONAKIT_FUZZ_RUNS scales them (npm run fuzz), PERSONAKIT_FUZZ_SEED replays. */
export function budget(runs: number): FuzzBudget {
  const scale = Number(process.env.PERSONAKIT_FUZZ_SCALE ?? 1);
  const seed = Number(process.env.PERSONAKIT_FUZZ_SEED ?? 20261123);
  return { numRuns: Math.max(1, Math.round(runs * (Number.isFinite(scale) ? scale : 1))), seed };
}

/**
 * The loader alone, without the file system (cheap, so many cases): decode → parse → schema never
 * throws, every yaml-syntax finding has a 1-based position, parsed documents keep ordinary prototypes.
 */
export function parseProperty(budget: FuzzBudget): void {
  fc.assert(
    fc.property(yamlFileBytes, (bytes) => {
      const prototypes = snapshotPrototypes();
      const decoded = decodeUtf8(bytes);
      if (!decoded.ok) {
        expect_(decoded.line >= 1 && decoded.column >= 1, `bad decode position ${decoded.line}:${decoded.column}`);
        return;
      }
      const parsed = parseYaml(decoded.text, DEFAULT_LIMITS);
      for (const e of parsed.errors)
        expect_(
          e.rule === 'yaml-syntax' && (e.line ?? 0) >= 1 && (e.column ?? 0) >= 1 && e.message.length > 0,
          `bad finding ${JSON.stringify(e)}`,
        );
      for (const doc of parsed.documents) {
        if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) continue;
        expect_(Object.getPrototypeOf(doc) === Object.prototype, 'a document lost its ordinary prototype');
        const kind = (doc as Record<string, unknown>).kind;
        if (isKind(kind))
          for (const p of validateAgainst(kind, doc))
            expect_(typeof p.pointer === 'string' && p.message.length > 0, `bad schema problem ${JSON.stringify(p)}`);
      }
      expectNoPollution(prototypes);
    }),
    { numRuns: budget.numRuns, seed: budget.seed, endOnFailure: true },
  );
}
