/**
 * What the benchmark runs: the workspaces it generates, the commands (personakit and its
 * baselines), and the targets, each a ratio to a baseline of the same run or an absolute figure.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDiffRepo } from './diff-repo.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WORKSPACES_DIR = path.join(ROOT, 'bench', 'workspaces');
export const OUT_DIR = path.join(ROOT, 'bench', 'out');

export const WORKSPACES = {
  w10k: { personas: 10_000, journeys: 500, markets: 5 },
  'w10k-invalid': { personas: 10_000, journeys: 500, markets: 5, invalid: 100 },
  // Findings in most files (issue 21): half the personas in no journey, half naming a missing picture.
  'w10k-findings': { personas: 10_000, journeys: 500, markets: 5, findings: 1, invalid: 20 },
  w1k: { personas: 1000, journeys: 50, markets: 5 },
  // w10k in a git repository, its second commit changing a few hundred documents (diff-repo.mjs).
  'w10k-git': { personas: 10_000, journeys: 500, markets: 5 },
  'csv-100k': { personas: 20, journeys: 2, markets: 1, accountsRows: 100_000 },
  'csv-fit-100k': { personas: 20, journeys: 2, markets: 1, accountsRows: 100_000, accountsFit: 1 },
  'csv-scored-100k': { personas: 20, journeys: 2, markets: 1, accountsRows: 100_000, accountsScoring: 1 },
};

const ws = (name) => path.join(WORKSPACES_DIR, name);
const node = (script, args, cwd) => ({ cmd: process.execPath, args: [path.join(ROOT, script), ...args], cwd });
// PERSONAKIT_BENCH_ROOT: a snapshot of the package to measure (run.mjs --snapshot makes one).
const PACKAGE = process.env.PERSONAKIT_BENCH_ROOT ?? ROOT;
const personakit = (args, cwd) => ({
  cmd: process.execPath,
  args: [path.join(PACKAGE, 'bin/personakit.js'), ...args],
  cwd,
});

/** Every command, by id. `cwd` is where it runs; personakit finds the workspace from there. */
export const COMMANDS = {
  'node -e 0': { cmd: process.execPath, args: ['-e', '0'], cwd: ROOT },
  'personakit --version': personakit(['--version'], ROOT),
  'check examples': personakit(['check', 'examples'], ROOT),
  'check 10k': personakit(['check'], ws('w10k')),
  'check 10k (100 invalid)': personakit(['check'], ws('w10k-invalid')),
  'check 10k with findings': personakit(['check'], ws('w10k-findings')),
  'check 10k --cache (warm)': personakit(
    ['check', '--cache', '--cache-location', path.join(OUT_DIR, 'cache-w10k')],
    ws('w10k'),
  ),
  'check 10k (git)': personakit(['check'], ws('w10k-git')),
  'diff 10k': {
    ...personakit(['diff', 'HEAD~1', 'HEAD'], ws('w10k-git')),
    before: () => ensureDiffRepo(ws('w10k-git')),
  },
  'loop yaml 10k': node('bench/baselines/loop.mjs', ['yaml', '.'], ws('w10k')),
  'loop js-yaml 10k': node('bench/baselines/loop.mjs', ['js-yaml', '.'], ws('w10k')),
  'ajv-cli 10k personas': node(
    'node_modules/ajv-cli/dist/index.js',
    [
      'validate',
      '--spec=draft2020',
      '--allow-union-types',
      '-c',
      'ajv-formats',
      '-s',
      path.join(ROOT, 'schemas/persona.schema.json'),
      '-d',
      'personas/*.yaml',
      '--errors=text',
    ],
    ws('w10k'),
  ),
  'check 1k': personakit(['check'], ws('w1k')),
  // Into an empty folder: every report is drawn and written as a new file. The previous run's
  // folder is moved aside, and deleted only when the run is over: on an ext4 file system without
  // a journal (these machines), for minutes after many files are deleted the kernel skips every
  // recently deleted inode each time it allocates one (find_inode_bit and recently_deleted in a
  // perf profile), ~0.4 s of system time for 1,000 new files that no program can avoid, and
  // which would land on whichever command of the run creates files next (bench/README.md).
  'render html 1k': {
    ...personakit(
      ['render', '--format', 'html', '--force', '--out', path.join(OUT_DIR, 'render-w1k-fresh')],
      ws('w1k'),
    ),
    before: () => moveAside(path.join(OUT_DIR, 'render-w1k-fresh')),
  },
  // Again into the folder of the previous run: every report is drawn, none has changed, none is rewritten.
  'render html 1k again': personakit(
    ['render', '--format', 'html', '--force', '--out', path.join(OUT_DIR, 'render-w1k')],
    ws('w1k'),
  ),
  'check csv 100k rows': personakit(['check'], ws('csv-100k')),
  'check csv 100k rows, all fit': personakit(['check'], ws('csv-fit-100k')),
  'check csv 100k rows, weighted': personakit(['check'], ws('csv-scored-100k')),
  'csv-parse stream 100k rows': node('bench/baselines/csv.mjs', ['markets/market-0-accounts.csv'], ws('csv-100k')),
};

/**
 * The targets. `ratio`: subject ÷ baseline on `metric` must be ≤ max. `absolute`: the subject's
 * median alone (for targets the issue states in seconds or MiB). Ids are those of bench/README.md:
 * the engine issue's 1–4d, then issue 24's and issue 25's; `c…` rows have no goal (context).
 */
export const TARGETS = [
  // The engine issue (21). ajv-cli cannot read w10k-findings' duplicate keys: it validates w10k's
  // personas, the same number and size of files.
  {
    id: '1',
    what: 'check 10k with findings in most files vs ajv-cli (personas)',
    subject: 'check 10k with findings',
    baseline: 'ajv-cli 10k personas',
    metric: 'seconds',
    max: 1.0,
  },
  {
    id: '2a',
    what: 'check 10k clean vs ajv-cli (personas)',
    subject: 'check 10k',
    baseline: 'ajv-cli 10k personas',
    metric: 'seconds',
    max: 1.0,
  },
  {
    id: '2b',
    what: 'check 10k with findings vs check 10k clean',
    subject: 'check 10k with findings',
    baseline: 'check 10k',
    metric: 'seconds',
    max: 1.2,
  },
  {
    id: '3',
    what: 'peak memory of check 10k with findings (MiB)',
    subject: 'check 10k with findings',
    metric: 'peakMiB',
    absoluteMax: 250,
  },
  {
    id: '4a',
    what: 'warm cached check 10k (s)',
    subject: 'check 10k --cache (warm)',
    metric: 'seconds',
    absoluteMax: 0.5,
  },
  {
    id: '4b',
    what: 'personakit --version vs node -e 0',
    subject: 'personakit --version',
    baseline: 'node -e 0',
    metric: 'seconds',
    max: 2.0,
  },
  {
    id: '4c',
    what: 'check with a 100k-row accounts_file (s)',
    subject: 'check csv 100k rows',
    metric: 'seconds',
    absoluteMax: 2.0,
  },
  {
    id: '4d',
    what: 'peak memory of check with a 100k-row accounts_file (MiB)',
    subject: 'check csv 100k rows',
    metric: 'peakMiB',
    absoluteMax: 150,
  },
  // Issue 24: a pull request's diff of two revisions of 10k (a few hundred documents changed).
  {
    id: '24',
    what: 'diff of two revisions of 10k vs one check of it',
    subject: 'diff 10k',
    baseline: 'check 10k (git)',
    metric: 'seconds',
    max: 2.0,
  },
  // Issue 25: the same 100k rows scored with fit.weights, tiers, min_known and disqualify.
  {
    id: '25',
    what: 'check 100k rows with weights, tiers and disqualifiers vs without',
    subject: 'check csv 100k rows, weighted',
    baseline: 'check csv 100k rows',
    metric: 'seconds',
    max: 1.1,
  },
  // Issue 23: reports of 1,000 personas and 50 journeys, drawn into an empty folder.
  {
    id: '23',
    what: 'render html 1k (empty folder) vs check 1k',
    subject: 'render html 1k',
    baseline: 'check 1k',
    metric: 'seconds',
    max: 2.0,
  },
  // Context: no goal, read beside the targets.
  {
    id: 'c1',
    what: 'check 10k vs a bare js-yaml + Ajv loop',
    subject: 'check 10k',
    baseline: 'loop js-yaml 10k',
    metric: 'seconds',
  },
  {
    id: 'c2',
    what: 'check 10k vs a bare yaml + Ajv loop',
    subject: 'check 10k',
    baseline: 'loop yaml 10k',
    metric: 'seconds',
  },
  {
    id: 'c3',
    what: 'check 10k with 100 invalid vs ajv-cli (valid personas)',
    subject: 'check 10k (100 invalid)',
    baseline: 'ajv-cli 10k personas',
    metric: 'seconds',
  },
  { id: 'c4', what: 'peak memory of check 10k clean (MiB)', subject: 'check 10k', metric: 'peakMiB' },
  {
    id: 'c5',
    what: 'warm cached check 10k vs node -e 0',
    subject: 'check 10k --cache (warm)',
    baseline: 'node -e 0',
    metric: 'seconds',
  },
  { id: 'c6', what: 'check examples (s)', subject: 'check examples', metric: 'seconds' },

  {
    id: 'c8',
    what: 'render html 1k again (unchanged reports) vs check 1k',
    subject: 'render html 1k again',
    baseline: 'check 1k',
    metric: 'seconds',
  },
  {
    id: 'c9',
    what: 'check 100k rows vs csv-parse streaming them alone',
    subject: 'check csv 100k rows',
    baseline: 'csv-parse stream 100k rows',
    metric: 'seconds',
  },
  // 72 % of the rows of csv-100k are misfits, each a printed warning: all-fit is the rows alone.
  {
    id: 'c10',
    what: 'peak memory of check 100k rows that all fit (no findings, MiB)',
    subject: 'check csv 100k rows, all fit',
    metric: 'peakMiB',
  },
  {
    id: 'c11',
    what: 'peak memory, 100k rows with weights, tiers and disqualifiers vs without',
    subject: 'check csv 100k rows, weighted',
    baseline: 'check csv 100k rows',
    metric: 'peakMiB',
  },
];

/** Folders moved aside during a run (run.mjs deletes them when the run is over). */
export const SET_ASIDE_DIR = path.join(OUT_DIR, 'set-aside');
let setAside = 0;

/** Empty `dir` by renaming it into SET_ASIDE_DIR: a rename frees no inodes (see 'render html 1k'). */
function moveAside(dir) {
  if (!existsSync(dir)) return;
  mkdirSync(SET_ASIDE_DIR, { recursive: true });
  renameSync(dir, path.join(SET_ASIDE_DIR, `${path.basename(dir)}-${process.pid}-${++setAside}`));
}
