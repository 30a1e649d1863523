#!/usr/bin/env node
/**
 * Deterministic workspace generator for the benchmark: personas, journeys and markets that look
 * like real ones (comments, flow lists, cross-references) so that parse and rule costs are real.
 * The same options always give the same bytes (seeded PRNG, no clock, no Math.random).
 *
 *   node bench/generate.mjs <dir> [--personas 10000] [--journeys 500] [--markets 5]
 *                                 [--accounts-rows 0] [--accounts-fit 0|1] [--invalid 0] [--findings 0|1]
 *                                 [--seed 1]
 *
 * --findings 1 gives most files a finding, as a workspace in progress has: every other persona is
 * in no journey (persona-orphan), the others name a picture that is not there (picture-invalid).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountsCsv, inlineAccounts } from './generate-accounts.mjs';
import { createRandom, sentence, words } from './random.mjs';

// accountsFit 1: the first market's criteria fit every CSV row (employees ≥ 0), so a run has no
// account-misfit findings and measures the rows alone.
// accountsScoring 1: the first market also weighs its criteria, tiers accounts and disqualifies
// some (fit.weights, min_known, tiers, disqualify); the rows and other criteria stay the same.
export const DEFAULTS = Object.freeze({
  personas: 10_000,
  journeys: 500,
  markets: 5,
  accountsRows: 0,
  accountsFit: 0,
  accountsScoring: 0,
  invalid: 0,
  findings: 0,
  seed: 1,
});

const FIRST = [
  'fiona',
  'farid',
  'dana',
  'gareth',
  'priya',
  'omar',
  'lena',
  'tom',
  'aisha',
  'kenji',
  'marta',
  'sean',
  'ines',
  'raj',
  'ruth',
  'ola',
];
const ROLE_WORDS = [
  'finance',
  'ops',
  'it',
  'planner',
  'buyer',
  'hr',
  'legal',
  'sales',
  'site',
  'fleet',
  'quality',
  'risk',
];
const ROLES = ['decision-maker', 'budget-holder', 'influencer', 'user', 'gatekeeper', 'other'];
const GOAL_TYPES = ['commercial', 'personal', 'emotional'];
const CHALLENGE_TYPES = ['resources', 'politics', 'regulation', 'competition', 'other'];
const HANGOUT_TYPES = ['website', 'social', 'event', 'publication', 'community', 'other'];
const OBJECTION_TYPES = ['time', 'supplier-lock-in', 'budget', 'risk', 'priority', 'other'];
const THEMES = ['productivity', 'growth', 'compliance', 'morale', 'cost', 'risk', 'other'];
const CHANNELS = ['web', 'email', 'social', 'store', 'service-centre', 'call-centre', 'events', 'partner'];
const SOURCES = ['interview', 'survey', 'sales-team', 'crm', 'analytics', 'desk-research', 'workshop'];
const PHASES = ['exposure', 'adoption', 'retention'];

/** Generate a workspace into `dir` (emptied first). Returns what was written. */
export function generateWorkspace(dir, options = {}) {
  const o = { ...DEFAULTS, ...options };
  const random = createRandom(o.seed);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['personas', 'journeys', 'markets']) mkdirSync(path.join(dir, sub), { recursive: true });
  let bytes = 0;
  const write = (rel, text) => {
    writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
  };
  write('personakit.yaml', settingsYaml(o));

  const ids = Array.from(
    { length: o.personas },
    (_, i) => `${random.pick(ROLE_WORDS)}-${random.pick(FIRST)}-${String(i).padStart(5, '0')}`,
  );
  const broken = pickBroken(random, o.personas, o.invalid);
  // With --findings, odd personas are left out of the journeys and even ones name a missing picture.
  const inJourney = (i) => o.findings !== 1 || i % 2 === 1;
  ids.forEach((id, i) => write(`personas/${id}.yaml`, corrupt(personaYaml(random, id, !inJourney(i)), broken.get(i))));
  for (let j = 0; j < o.journeys; j++) {
    const id = `journey-${String(j).padStart(4, '0')}`;
    // Every persona belongs to a journey (a well-kept workspace has no orphans): round-robin by index.
    const personas = ids.filter((_, i) => i % o.journeys === j && inJourney(i));
    if (personas.length === 0) personas.push(random.pick(ids));
    // With --invalid, one journey in ten of the broken count also names a persona that does not exist.
    if (o.invalid > 0 && j < Math.ceil(o.invalid / 10)) personas.push('nobody-at-all');
    write(`journeys/${id}.yaml`, journeyYaml(random, id, personas));
  }
  for (let m = 0; m < o.markets; m++) {
    const id = `market-${m}`;
    const csv = m === 0 && o.accountsRows > 0;
    const market = marketYaml(random, id, random.sample(ids, 2), csv, csv && o.accountsFit === 1);
    write(`markets/${id}.yaml`, csv && o.accountsScoring === 1 ? withScoring(market) : market);
    if (csv) write(`markets/${id}-accounts.csv`, accountsCsv(random, o.accountsRows));
  }
  return {
    dir,
    files: 1 + o.personas + o.journeys + o.markets + (o.accountsRows > 0 && o.markets > 0 ? 1 : 0),
    bytes,
    personaIds: ids,
    broken: [...broken.keys()].map((i) => ids[i]),
  };
}

function settingsYaml(o) {
  return `# Generated by bench/generate.mjs (seed ${o.seed}); do not edit by hand.\nname: Benchmark workspace\npaths: [personas, journeys, markets]\ncompleteness:\n  min: 75\nevidence:\n  maxAgeDays: 3650\n`;
}

function personaYaml(r, id, missingPicture = false) {
  const name = `${cap(id.split('-')[1])} the ${cap(id.split('-')[0])} lead`;
  const goals = Array.from({ length: 2 + r.int(3) }, (_, i) => ({
    id: `goal-${i}`,
    type: r.pick(GOAL_TYPES),
    text: sentence(r, 6, 12),
  }));
  const challenges = Array.from({ length: 2 + r.int(3) }, (_, i) => ({
    id: `challenge-${i}`,
    type: r.pick(CHALLENGE_TYPES),
    text: sentence(r, 6, 12),
  }));
  const targets = [...goals, ...challenges].map((g) => g.id);
  const lines = [
    '# yaml-language-server: $schema=../../schemas/persona.schema.json',
    `# ${sentence(r, 8, 14)}`,
    'kind: persona',
    `id: ${id}`,
    `name: ${name}`,
    `tagline: ${sentence(r, 4, 8)}`,
    ...(missingPicture ? [`picture: pictures/${id}.png`] : []),
    `audience: ${r.chance(0.9) ? 'external' : 'internal'}`,
    `roles: [${r.sample(ROLES, 1 + r.int(2)).join(', ')}]`,
    '',
    'about:',
    `  age: ${r.chance(0.5) ? `${30 + r.int(10)}-${45 + r.int(15)}` : 30 + r.int(30)}`,
    `  education: ${sentence(r, 3, 6)}`,
    `  location: ${sentence(r, 2, 5)}`,
    `  job_title: ${cap(words(r, 2))}`,
    `  experience: ${sentence(r, 5, 10)}`,
    '',
    'personality:',
    '  traits:',
    ...Array.from({ length: 2 + r.int(2) }, () => `    - ${sentence(r, 3, 7)}`),
    '  communication:',
    ...Array.from({ length: 1 + r.int(3) }, () => `    - ${sentence(r, 5, 10)}`),
    '',
    'goals:',
    ...goals.flatMap((g) => [`  - id: ${g.id}`, `    type: ${g.type}`, `    text: ${g.text}`]),
    '',
    'challenges:',
    ...challenges.flatMap((c) => [`  - id: ${c.id}`, `    type: ${c.type}`, `    text: ${c.text}`]),
    '',
    'hangouts:',
    ...Array.from({ length: 1 + r.int(3) }, (_, i) => [
      `  - name: ${sentence(r, 3, 6)}`,
      `    type: ${r.pick(HANGOUT_TYPES)}`,
      `    url: https://site-${i}.example.org/${words(r, 1)}`,
    ]).flat(),
    '',
    'value:',
    // Every goal and challenge is addressed by some value entry, as a finished persona's are.
    ...chunks(r.sample(targets, targets.length), 2 + r.int(2)).flatMap((addresses) => [
      `  - text: ${sentence(r, 6, 12)}`,
      `    addresses: [${addresses.join(', ')}]`,
    ]),
    '',
    'objections:',
    ...Array.from({ length: 1 + r.int(3) }, () => [
      `  - text: ${sentence(r, 5, 10)}`,
      `    type: ${r.pick(OBJECTION_TYPES)}`,
      `    response: ${sentence(r, 8, 16)}`,
    ]).flat(),
    '',
    'messages:',
    ...Array.from({ length: 1 + r.int(3) }, () => [
      `  - theme: ${r.pick(THEMES)}`,
      `    text: ${sentence(r, 8, 14)}`,
      `    channels: [${r.sample(CHANNELS, 1 + r.int(2)).join(', ')}]`,
    ]).flat(),
    '',
    'behaviour:',
    `  frequency: ${r.pick(['first-time', 'occasional', 'frequent'])}`,
    `  intent: [${r.sample(['research', 'purchase', 'service', 'support'], 1 + r.int(2)).join(', ')}]`,
    `  channels: [${r.sample(CHANNELS, 2 + r.int(2)).join(', ')}]`,
    '',
    'evidence:',
    ...Array.from({ length: 1 + r.int(2) }, () => [
      `  - source: ${r.pick(SOURCES)}`,
      `    date: ${2024 + r.int(3)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`,
      `    note: ${sentence(r, 5, 12)}`,
    ]).flat(),
  ];
  return lines.join('\n') + '\n';
}

function journeyYaml(r, id, personas) {
  const stages = [];
  PHASES.forEach((phase) => {
    for (let k = 0; k < 2 + r.int(2); k++) stages.push({ id: `${phase}-${k}`, phase });
  });
  const lines = [
    '# yaml-language-server: $schema=../../schemas/journey.schema.json',
    'kind: journey',
    `id: ${id}`,
    `name: ${sentence(r, 4, 8)}`,
    `personas: [${personas.join(', ')}]`,
    '',
    'stages:',
    ...stages.flatMap((s) => [
      `  - id: ${s.id}`,
      `    name: ${sentence(r, 3, 6)}`,
      `    phase: ${s.phase}`,
      `    goal: ${sentence(r, 5, 10)}`,
      '    questions:',
      `      - ${sentence(r, 5, 9)}`,
      `    emotion: ${r.int(5) - 2}`,
      `    message: ${sentence(r, 6, 12)}`,
      '    touchpoints:',
      `      - channel: ${r.pick(CHANNELS)}`,
      `        description: ${sentence(r, 4, 8)}`,
      `        owner: ${r.pick(['marketing', 'sales', 'service'])}`,
    ]),
    '',
    'sales_stages:',
    // One sales stage per pair of buying stages, in order, so alignment is complete and never crosses.
    ...Array.from({ length: Math.ceil(stages.length / 2) }, (_, k) => [
      `  - id: sales-${k}`,
      `    name: ${sentence(r, 2, 4)}`,
      `    aligns_with: [${stages
        .slice(2 * k, 2 * k + 2)
        .map((s) => s.id)
        .join(', ')}]`,
      `    owner: ${r.pick(['sdr', 'account-executive', 'customer-success'])}`,
    ]).flat(),
    '',
    'milestones:',
    `  - id: first-win`,
    `    stage: ${stages.find((s) => s.phase === 'adoption').id}`,
    `    trigger: ${sentence(r, 5, 9)}`,
    '    celebrate:',
    `      channel: email`,
    `      message: ${sentence(r, 5, 9)}`,
  ];
  return lines.join('\n') + '\n';
}

function marketYaml(r, id, buyers, withCsv, everyRowFits = false) {
  const criteria = everyRowFits
    ? ['  employees: { min: 0 }', `  buyer_personas: [${buyers.join(', ')}]`]
    : [
        '  sectors: [logistics, food distribution, retail distribution]',
        '  employees: { min: 150, max: 2500 }',
        '  regions: [England, Scotland, Wales]',
        '  buys_category: true',
        '  problems: [dock congestion, manual booking]',
        `  buyer_personas: [${buyers.join(', ')}]`,
        '  incumbent: none',
        'fit:',
        '  threshold: 0.8',
        '  required: [sectors]',
      ];
  const lines = [
    '# yaml-language-server: $schema=../../schemas/market.schema.json',
    'kind: market',
    `id: ${id}`,
    `name: ${sentence(r, 3, 6)}`,
    'currency: GBP',
    'criteria:',
    ...criteria,
    'accounts:',
    ...inlineAccounts(r, 12),
    ...(withCsv ? [`accounts_file: ${id}-accounts.csv`] : []),
    'sizing:',
    '  total_companies: 2100',
    '  average_annual_spend: 36000',
    '  revenue_target: 3800000',
  ];
  return lines.join('\n') + '\n';
}

/** The weighted-scoring settings, added after fit.required (no random numbers: the rows stay the same). */
function withScoring(yaml) {
  return yaml.replace(
    '  required: [sectors]\n',
    [
      '  required: [sectors]',
      '  weights: { sectors: 3, problems: 2, regions: 2, incumbent: 0.5 }',
      '  min_known: 0.6',
      '  tiers: { A: 85, B: 70, C: 50 }',
      '  disqualify:',
      '    growth_stages: [declining]',
      '    revenue: { max: 10000000 }',
      '',
    ].join('\n'),
  );
}

/** Which personas to break, and how: a spread of the mistakes people make, each at a known place. */
function pickBroken(random, count, invalid) {
  const broken = new Map();
  const order = random.sample(
    Array.from({ length: count }, (_, i) => i),
    Math.min(invalid, count),
  );
  order.forEach((index, k) => broken.set(index, CORRUPTIONS[k % CORRUPTIONS.length]));
  return broken;
}

const CORRUPTIONS = ['enum', 'unknown-property', 'missing-name', 'duplicate-key', 'bad-date', 'dangling-address'];

function corrupt(text, how) {
  switch (how) {
    case undefined:
      return text;
    case 'enum':
      return text.replace(/\n {4}type: \w+/, '\n    type: financial');
    case 'unknown-property':
      return text.replace('\nabout:\n', '\nabout:\n  shoe_size: 42\n');
    case 'missing-name':
      return text.replace(/\nname: [^\n]*/, '');
    case 'duplicate-key':
      return text.replace(/\ntagline: ([^\n]*)/, '\ntagline: $1\ntagline: again');
    case 'bad-date':
      return text.replace(/\n {4}date: [^\n]*/, '\n    date: last spring');
    case 'dangling-address':
      return text.replace(/addresses: \[/, 'addresses: [no-such-goal, ');
    default:
      throw new Error(`unknown corruption ${how}`);
  }
}

/** Split a list into `n` non-empty runs (fewer when the list is shorter). */
function chunks(list, n) {
  const size = Math.ceil(list.length / Math.min(n, list.length));
  return Array.from({ length: Math.ceil(list.length / size) }, (_, k) => list.slice(k * size, k * size + size));
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const pad = (n) => String(n).padStart(2, '0');

const USAGE =
  'usage: node bench/generate.mjs <dir> [--personas N] [--journeys N] [--markets N] [--accounts-rows N] [--accounts-fit 0|1] [--accounts-scoring 0|1] [--invalid K] [--findings 0|1] [--seed S]\n' +
  'Writes a benchmark workspace into <dir>, replacing what is there.';

function parseArgs(argv) {
  const [dir, ...rest] = argv;
  if (dir === '--help' || dir === '-h') return { help: true };
  // An option where the folder belongs would become a folder named like it (and be emptied).
  if (!dir || dir.startsWith('-')) throw new Error(`the first argument is the folder to write\n${USAGE}`);
  const options = {};
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '--help' || rest[i] === '-h') return { help: true };
    const key = rest[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in DEFAULTS)) throw new Error(`unknown option ${rest[i]}\n${USAGE}`);
    const value = Number(rest[i + 1]);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${rest[i]} takes a whole number, not ${rest[i + 1] ?? 'nothing'}`);
    options[key] = value;
  }
  return { dir, options };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`generate.mjs: ${e.message}\n`);
    process.exit(2);
  }
  const { help, dir, options } = parsed;
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const result = generateWorkspace(path.resolve(dir), options);
  process.stdout.write(
    `wrote ${result.files} files (${(result.bytes / 1024 / 1024).toFixed(1)} MiB) to ${result.dir}\n`,
  );
}
