#!/usr/bin/env node
/**
 * `npm run bench`: generate the workspaces (once per generator version), then run personakit and
 * its baselines interleaved — round after round, every command once per round — so a slow moment
 * of the machine hits all of them alike. Prints medians, ratios and peak memory; writes JSON.
 *
 *   node bench/run.mjs [--runs 3] [--only 1,4a,...] [--snapshot] [--out bench/results]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.mjs';
import { measure } from './measure.mjs';
import { printReport, resultsDocument, summarise } from './report.mjs';
import { snapshotPackage } from './snapshot.mjs';

const args = parseArgs(process.argv.slice(2));
// --snapshot: measure a private copy of the build, so a rebuild of dist/ meanwhile (a watcher,
// another terminal) cannot change what is measured halfway through.
if (args.snapshot) process.env.PERSONAKIT_BENCH_ROOT = snapshotPackage();
const { COMMANDS, OUT_DIR, SET_ASIDE_DIR, TARGETS, WORKSPACES, WORKSPACES_DIR } = await import('./scenarios.mjs');
const targets = args.only
  ? TARGETS.filter((t) => args.only.includes(t.id) || args.only.includes(t.id.replace(/[a-z]$/, '')))
  : TARGETS;
const commandIds = [...new Set(targets.flatMap((t) => [t.subject, t.baseline]).filter(Boolean))];

mkdirSync(OUT_DIR, { recursive: true });
for (const name of new Set(commandIds.map(workspaceOf).filter(Boolean))) ensureWorkspace(name);

// One unmeasured run per command: warms the file cache and the personakit cache, and finds
// commands that cannot run yet (a feature not built), which are reported rather than fatal.
const unavailable = new Map();
for (const id of commandIds) {
  try {
    measure(COMMANDS[id]);
  } catch (e) {
    unavailable.set(id, String(e.message).split('\n').slice(0, 3).join(' '));
  }
}
const runnable = commandIds.filter((id) => !unavailable.has(id));

const samples = Object.fromEntries(runnable.map((id) => [id, []]));
for (let round = 0; round < args.runs; round++) {
  // Rotate the order each round so no command always runs right after the same neighbour.
  const order = runnable.map((_, i) => runnable[(i + round) % runnable.length]);
  for (const id of order) {
    try {
      samples[id].push(measure(COMMANDS[id]));
    } catch (e) {
      process.stderr.write(
        `${id}: this run failed and is left out: ${String(e.message).split('\n').slice(0, 2).join(' ')}\n`,
      );
    }
  }
  process.stderr.write(`round ${round + 1}/${args.runs} done\n`);
}

rmSync(SET_ASIDE_DIR, { recursive: true, force: true });

const summary = summarise(samples, targets, unavailable);
printReport(summary, args.runs);
const doc = resultsDocument(summary, samples, args.runs);
mkdirSync(args.out, { recursive: true });
const file = path.join(args.out, `${doc.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
process.stdout.write(`\nresults written to ${path.relative(process.cwd(), file)}\n`);

function workspaceOf(commandId) {
  const cwd = COMMANDS[commandId].cwd;
  return path.dirname(cwd) === WORKSPACES_DIR ? path.basename(cwd) : undefined;
}

/** Generate a workspace unless one made by this generator version with these options exists. */
function ensureWorkspace(name) {
  const dir = path.join(WORKSPACES_DIR, name);
  const options = WORKSPACES[name];
  const stamp = JSON.stringify({ options, generator: generatorHash() });
  const stampFile = path.join(dir, '.generated.json');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  rmSync(dir, { recursive: true, force: true });
  const result = generateWorkspace(dir, options);
  writeFileSync(stampFile, stamp);
  process.stderr.write(`generated ${name}: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB\n`);
}

function generatorHash() {
  const hash = createHash('sha256');
  for (const f of ['generate.mjs', 'generate-accounts.mjs', 'random.mjs'])
    hash.update(readFileSync(new URL(f, import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

function parseArgs(argv) {
  const out = { runs: 3, only: undefined, snapshot: false, out: fileURLToPath(new URL('results/', import.meta.url)) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') out.runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--only') out.only = argv[++i].split(',');
    else if (argv[i] === '--out') out.out = path.resolve(argv[++i]);
    else if (argv[i] === '--snapshot') out.snapshot = true;
    else throw new Error(`unknown option ${argv[i]}; use --runs N, --only ID,ID, --snapshot or --out DIR`);
  }
  return out;
}
