import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

// ajv and ajv-formats are CommonJS. Under NodeNext, TypeScript types the default import as the
// whole `module.exports` namespace; both packages also export the class/plugin as `.default`.
const Ajv2020 = Ajv2020Import.default;
const addFormats = addFormatsImport.default;
type Ajv = InstanceType<typeof Ajv2020>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const KINDS = ['persona', 'journey', 'market', 'settings'] as const;
type SchemaName = (typeof KINDS)[number];

function loadSchema(name: SchemaName): JsonObject {
  const url = new URL(`../schemas/${name}.schema.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as JsonObject;
}

const schemas = Object.fromEntries(KINDS.map((k) => [k, loadSchema(k)])) as Record<SchemaName, JsonObject>;

/** The options the schemas need: strict everything, plus union types for `about.age`. */
function makeAjv(extra: Record<string, unknown> = {}): Ajv {
  const logger = {
    log: () => undefined,
    warn: (...args: unknown[]) => {
      throw new Error(`ajv warning: ${args.join(' ')}`);
    },
    error: (...args: unknown[]) => {
      throw new Error(`ajv error: ${args.join(' ')}`);
    },
  };
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: true,
    strictTuples: true,
    strictRequired: true,
    allowUnionTypes: true,
    logger,
    ...extra,
  });
  addFormats(ajv);
  return ajv;
}

const ajv = makeAjv();
for (const k of KINDS) ajv.addSchema(schemas[k]);
const validators = Object.fromEntries(
  KINDS.map((k) => {
    const v = ajv.getSchema(schemaId(k));
    if (!v) throw new Error(`schema ${k} did not compile`);
    return [k, v];
  }),
) as Record<SchemaName, ValidateFunction>;

function schemaId(name: SchemaName): string {
  return `https://personakit.dev/schemas/${name}.schema.json`;
}

// ---------------------------------------------------------------------------------------------
// helpers

function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function encode(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function getAt(doc: Json, pointer: string): Json {
  let cur: Json = doc;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)] as Json;
    else if (isObject(cur)) cur = cur[seg] as Json;
    else throw new Error(`no ${pointer}`);
    if (cur === undefined) throw new Error(`no ${pointer}`);
  }
  return cur;
}

/** A copy of doc with the value at pointer replaced (or removed when value is undefined). */
function withValue(doc: JsonObject, pointer: string, value: Json | undefined): JsonObject {
  const copy = clone(doc);
  const segs = parsePointer(pointer);
  const last = segs.pop();
  if (last === undefined) throw new Error('cannot replace the root');
  const parent = getAt(copy, segs.length ? '/' + segs.map(encode).join('/') : '');
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(Number(last), 1);
    else parent[Number(last)] = value;
  } else if (isObject(parent)) {
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  } else {
    throw new Error(`parent of ${pointer} is not a container`);
  }
  return copy;
}

const without = (doc: JsonObject, pointer: string): JsonObject => withValue(doc, pointer, undefined);

/** JSON pointers of every object (mapping) inside doc, the root included. */
function objectPointers(doc: Json, base = ''): string[] {
  const out: string[] = [];
  if (isObject(doc)) {
    out.push(base);
    for (const [k, v] of Object.entries(doc)) out.push(...objectPointers(v, `${base}/${encode(k)}`));
  } else if (Array.isArray(doc)) {
    doc.forEach((v, i) => out.push(...objectPointers(v, `${base}/${i}`)));
  }
  return out;
}

/** A copy of doc with an `x-` key (holding arbitrary junk) added to every object. */
function withXKeysEverywhere(doc: JsonObject): JsonObject {
  let copy = clone(doc);
  for (const p of objectPointers(doc)) {
    copy = withValue(copy, `${p}/x-extra`, { anything: [1, 'two', null, { deep: true }], Weird_Key: 'ok' });
  }
  return copy;
}

function check(name: SchemaName, doc: Json): { valid: boolean; errors: ErrorObject[] } {
  const v = validators[name];
  const valid = v(doc) as boolean;
  return { valid, errors: v.errors ? [...v.errors] : [] };
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''}`).join('\n');
}

function expectValid(name: SchemaName, doc: Json): void {
  const { valid, errors } = check(name, doc);
  expect(valid, describeErrors(errors)).toBe(true);
}

/** Expect failure, with (at least) one error of the given keyword at the given instance path. */
function expectInvalid(name: SchemaName, doc: Json, keyword: string, instancePath: string): void {
  const { valid, errors } = check(name, doc);
  expect(valid).toBe(false);
  const hit = errors.some((e) => e.keyword === keyword && e.instancePath === instancePath);
  expect(hit, `expected ${keyword} at ${instancePath || '/'}, got:\n${describeErrors(errors)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// fixtures: a full document of every kind uses every field

const fullPersona: JsonObject = {
  kind: 'persona',
  id: 'finance-fiona',
  name: 'Finance Fiona',
  tagline: 'Keeps the numbers honest',
  picture: 'images/fiona.jpg',
  audience: 'external',
  roles: ['budget-holder', 'decision-maker', 'influencer', 'user', 'gatekeeper', 'other'],
  about: {
    age: '40-55',
    gender: 'female',
    education: 'ACA',
    family: 'Two children',
    location: 'Leeds',
    job_title: 'Finance Director',
    experience: '15 years',
    occupation: 'Manufacturing finance',
  },
  personality: {
    traits: ['approachable', 'cautious'],
    communication: ['prefers email to calls'],
  },
  goals: [
    { id: 'close-faster', type: 'commercial', text: 'Close the books in three days' },
    { id: 'get-promoted', type: 'personal', text: 'Become CFO' },
    { id: 'sleep-well', type: 'emotional', text: 'Stop worrying at month-end' },
  ],
  challenges: [
    { id: 'audit-risk', type: 'regulation', text: 'Auditors found errors' },
    { id: 'small-team', type: 'resources', text: 'Three people do everything' },
    { id: 'it-says-no', type: 'politics', text: 'IT blocks new tools' },
    { id: 'rivals', type: 'competition', text: 'Competitors report faster' },
    { id: 'misc', type: 'other', text: 'Something else' },
  ],
  hangouts: [
    { name: 'ICAEW website', type: 'website', url: 'https://www.icaew.com/insights' },
    { name: 'LinkedIn', type: 'social' },
    { name: 'Finance summit', type: 'event' },
    { name: 'Accountancy Age', type: 'publication' },
    { name: 'FD forum', type: 'community' },
    { name: 'The pub', type: 'other' },
  ],
  value: [{ text: 'Automate reconciliations', addresses: ['close-faster', 'audit-risk'] }],
  objections: [
    { text: 'Locked in to a three-year ERP contract', type: 'supplier-lock-in', response: 'Works alongside it' },
    { text: 'No time', type: 'time' },
    { text: 'No budget', type: 'budget' },
    { text: 'Too risky', type: 'risk' },
    { text: 'Not now', type: 'priority' },
    { text: 'Other', type: 'other' },
  ],
  messages: [
    { theme: 'productivity', text: 'Analysis, not ticking', channels: ['email', 'events'] },
    { theme: 'growth', text: 'g' },
    { theme: 'compliance', text: 'c' },
    { theme: 'morale', text: 'm' },
    { theme: 'cost', text: 'c' },
    { theme: 'risk', text: 'r' },
    { theme: 'other', text: 'o' },
  ],
  behaviour: {
    frequency: 'first-time',
    intent: ['research', 'purchase', 'service', 'support'],
    channels: ['web', 'email', 'social', 'store', 'service-centre', 'call-centre', 'events', 'partner', 'other'],
    motivations: ['recognition from the board'],
    emotions: ['anxious about audits'],
  },
  evidence: [
    { source: 'interview', date: '2026-05-01', note: 'Six FDs' },
    { source: 'survey', date: '2024-02-29' },
    { source: 'sales-team', date: '2026-01-01' },
    { source: 'crm', date: '2026-01-01' },
    { source: 'analytics', date: '2026-01-01' },
    { source: 'desk-research', date: '2026-01-01' },
    { source: 'workshop', date: '2026-01-01' },
    { source: 'other', date: '2026-12-31' },
  ],
};

const minimalPersona: JsonObject = { kind: 'persona', id: 'p', name: 'P' };

const fullJourney: JsonObject = {
  kind: 'journey',
  id: 'cfo-buys-automation',
  name: 'A CFO buys finance automation',
  personas: ['finance-fiona', 'it-ian'],
  stages: [
    {
      id: 'aware',
      name: 'Becomes aware of a problem',
      phase: 'exposure',
      goal: 'Understand the problem',
      questions: ['Is this normal?'],
      emotion: -2,
      message: 'Month-end can take three days',
      touchpoints: [
        { channel: 'web', description: 'Blog post', owner: 'marketing' },
        { channel: 'sales-meeting' },
        { channel: 'phone' },
        { channel: 'letter' },
        { channel: 'call-centre' },
      ],
    },
    { id: 'choose', name: 'Chooses', phase: 'adoption', emotion: 0 },
    { id: 'advocate', name: 'Stops thinking twice', phase: 'retention', emotion: 2 },
  ],
  sales_stages: [
    {
      id: 'addressable-market',
      name: 'Addressable market',
      aligns_with: ['aware'],
      activities: ['Build the list'],
      exit_criteria: ['List approved'],
      owner: 'sales',
    },
    { id: 'close', name: 'Close', aligns_with: ['choose', 'advocate'] },
  ],
  milestones: [
    {
      id: 'first-close',
      stage: 'choose',
      trigger: 'First month-end closed in three days',
      celebrate: { channel: 'letter from the CEO', message: 'Congratulations!' },
    },
    { id: 'renewal', stage: 'advocate', trigger: 'Renews' },
  ],
};

const minimalJourney: JsonObject = {
  kind: 'journey',
  id: 'j',
  name: 'J',
  personas: ['p'],
  stages: [{ id: 's', name: 'S', phase: 'exposure' }],
};

const fullMarket: JsonObject = {
  kind: 'market',
  id: 'uk-midmarket-finance',
  name: 'UK mid-market finance teams',
  offering: 'Finance automation',
  currency: 'GBP',
  criteria: {
    sectors: ['manufacturing', 'wholesale'],
    employees: { min: 50, max: 500 },
    revenue: { min: 10000000, max: 200000000.5 },
    regions: ['UK'],
    growth_stages: ['scale-up', 'mature'],
    buys_category: true,
    problems: ['slow month-end'],
    buyer_personas: ['finance-fiona'],
    incumbent: 'prefer',
  },
  fit: {
    threshold: 0.75,
    required: ['sectors', 'employees', 'revenue', 'regions', 'growth_stages', 'buys_category', 'problems', 'incumbent'],
    weights: {
      sectors: 3,
      employees: 1,
      revenue: 0.5,
      regions: 2,
      growth_stages: 1,
      buys_category: 1,
      problems: 2,
      incumbent: 0,
    },
    min_known: 0.6,
    tiers: { A: 85, B: 70, C: 50 },
    disqualify: {
      sectors: ['gambling'],
      employees: { min: 5000, max: 900000 },
      revenue: { min: 0, max: 100000 },
      regions: ['Antarctica'],
      growth_stages: ['declining'],
      buys_category: false,
      problems: ['none'],
      incumbent: 'prefer',
    },
  },
  accounts: [
    {
      name: 'Northwind Ltd',
      sector: 'manufacturing',
      employees: 220,
      revenue: 45000000,
      region: 'UK',
      growth_stage: 'scale-up',
      buys_category: false,
      problems: ['slow month-end', 'manual reconciliations'],
      incumbent: 'Contoso Finance',
      annual_spend: 30000.5,
    },
    { name: 'Fabrikam', incumbent: '' },
  ],
  accounts_file: 'accounts.csv',
  accounts_columns: { 'Company name': 'name', 'Number of Employees': 'employees' },
  accepted_misfits: [{ account: 'Fabrikam', reason: 'Existing customer' }],
  sizing: { total_companies: 12000, average_annual_spend: 25000, revenue_target: 2000000, max_share: 0.1 },
};

const minimalMarket: JsonObject = { kind: 'market', id: 'm', name: 'M', criteria: {} };

const fullSettings: JsonObject = {
  name: 'Acme Ltd personas',
  paths: ['personas', 'journeys', 'markets/**/*.yaml'],
  completeness: { min: 87.5 },
  evidence: { maxAgeDays: 365 },
  placeholders: { values: ['n/a'], prefixes: ['draft:'] },
  rules: { 'evidence-stale': 'warning', 'stage-message-missing': 'off', 'market-share': 'error', schema: 'warning' },
  templates: 'templates',
  theme: {
    logo: 'branding/logo.png',
    colors: { accent: '#1f4e79', text: '#222' },
    prepared_for: 'Acme Ltd',
    prepared_by: 'Jo Bloggs',
    date: '2026-12-07',
    confidentiality: 'Confidential',
  },
  limits: { maxFileBytes: 1024, maxAliasCount: 0, maxDepth: 64, maxCsvBytes: 1048576 },
};

const full: Record<SchemaName, JsonObject> = {
  persona: fullPersona,
  journey: fullJourney,
  market: fullMarket,
  settings: fullSettings,
};
const minimal: Record<SchemaName, JsonObject> = {
  persona: minimalPersona,
  journey: minimalJourney,
  market: minimalMarket,
  settings: {},
};

const BAD_IDS = ['Finance-Fiona', '-fiona', 'fiona_f', 'fiona fiona', 'fiöna', ''];

// ---------------------------------------------------------------------------------------------
// walking the schemas

interface Visit {
  schema: JsonObject;
  /** JSON pointer of this subschema inside its schema file. */
  at: string;
  /** How we got here: 'root' | 'property' | 'items' | '$defs' | 'patternProperty' | 'x-pattern'. */
  via: string;
}

function walk(schema: JsonObject, at = '', via = 'root', out: Visit[] = []): Visit[] {
  out.push({ schema, at, via });
  const props = schema['properties'];
  if (isObject(props)) {
    for (const [k, v] of Object.entries(props)) {
      if (isObject(v)) walk(v, `${at}/properties/${encode(k)}`, 'property', out);
    }
  }
  const pattern = schema['patternProperties'];
  if (isObject(pattern)) {
    for (const [k, v] of Object.entries(pattern)) {
      if (isObject(v))
        walk(v, `${at}/patternProperties/${encode(k)}`, k === '^x-' ? 'x-pattern' : 'patternProperty', out);
    }
  }
  const items = schema['items'];
  if (isObject(items)) walk(items, `${at}/items`, 'items', out);
  const defs = schema['$defs'];
  if (isObject(defs)) {
    for (const [k, v] of Object.entries(defs)) {
      if (isObject(v)) walk(v, `${at}/$defs/${encode(k)}`, '$defs', out);
    }
  }
  return out;
}

/** Every key used anywhere in a JSON value (for forbidden-keyword checks). */
function allKeys(v: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => allKeys(x, out));
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      allKeys(x, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('schema files', () => {
  it.each(KINDS)('%s compiles with strict ajv (strictTypes, union types allowed)', (k) => {
    const fresh = makeAjv();
    expect(() => fresh.compile(schemas[k])).not.toThrow();
  });

  it.each(['journey', 'market', 'settings'] as const)('%s compiles even without allowUnionTypes', (k) => {
    const fresh = makeAjv({ allowUnionTypes: false });
    expect(() => fresh.compile(schemas[k])).not.toThrow();
  });

  it('persona needs allowUnionTypes only for about.age', () => {
    const fresh = makeAjv({ allowUnionTypes: false });
    expect(() => fresh.compile(schemas.persona)).toThrow(/allowUnionTypes.*about\/properties\/age/);
  });

  it.each(KINDS)('%s has the draft 2020-12 header, $id, title and description', (k) => {
    const s = schemas[k];
    expect(s['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s['$id']).toBe(schemaId(k));
    expect(typeof s['title']).toBe('string');
    expect((s['title'] as string).length).toBeGreaterThan(0);
    expect(typeof s['description']).toBe('string');
    expect((s['description'] as string).length).toBeGreaterThan(20);
  });

  it.each(KINDS)('%s: every property (and item, definition, pattern) has a description', (k) => {
    const missing = walk(schemas[k])
      .filter((v) => v.via !== 'x-pattern')
      .filter(
        (v) => typeof v.schema['description'] !== 'string' || (v.schema['description'] as string).trim().length < 5,
      )
      .map((v) => v.at);
    expect(missing).toEqual([]);
    // and there is a lot to check, i.e. the walk really went down the tree
    expect(walk(schemas[k]).filter((v) => v.via === 'property').length).toBeGreaterThan(8);
  });

  it.each(KINDS)('%s: every object is closed but allows x- keys', (k) => {
    const objects = walk(schemas[k]).filter((v) => v.schema['type'] === 'object');
    expect(objects.length).toBeGreaterThan(0);
    for (const { schema, at } of objects) {
      expect(schema['additionalProperties'], at).toBe(false);
      const pattern = schema['patternProperties'];
      expect(isObject(pattern) && pattern['^x-'], at).toEqual({});
    }
  });

  it.each(KINDS)('%s: every subschema states its type or is a local $ref', (k) => {
    for (const { schema, at, via } of walk(schemas[k])) {
      if (via === 'x-pattern') continue;
      const ref = schema['$ref'];
      if (ref !== undefined) expect(String(ref), at).toMatch(/^#\//);
      else expect(schema['type'], at).toBeDefined();
    }
  });

  it.each(KINDS)('%s avoids keywords editors do not understand, and oneOf/anyOf noise', (k) => {
    const keys = allKeys(schemas[k]);
    for (const bad of [
      'unevaluatedProperties',
      'unevaluatedItems',
      '$dynamicRef',
      '$dynamicAnchor',
      'oneOf',
      'anyOf',
    ]) {
      expect(keys.has(bad), bad).toBe(false);
    }
  });

  it.each(KINDS)('%s: every default and example is itself valid', (k) => {
    let checked = 0;
    for (const { schema, at, via } of walk(schemas[k])) {
      if (via === 'x-pattern') continue;
      const samples: Json[] = [];
      if ('default' in schema) samples.push(schema['default'] as Json);
      if (Array.isArray(schema['examples'])) samples.push(...(schema['examples'] as Json[]));
      if (samples.length === 0) continue;
      const v = ajv.getSchema(`${schemaId(k)}#${at}`);
      expect(v, at).toBeDefined();
      for (const sample of samples) {
        expect(v!(sample), `${at}: ${JSON.stringify(sample)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('states the SPEC defaults', () => {
    expect(getAt(schemas.market, '/properties/fit/properties/threshold/default')).toBe(1);
    expect(getAt(schemas.market, '/properties/sizing/properties/max_share/default')).toBe(0.1);
    expect(getAt(schemas.settings, '/properties/completeness/properties/min/default')).toBe(100);
    expect(getAt(schemas.settings, '/properties/evidence/properties/maxAgeDays/default')).toBe(365);
  });
});

describe.each(KINDS)('%s documents: shared behaviour', (k) => {
  it('a full document using every field is valid', () => {
    expectValid(k, full[k]);
  });

  it('the full fixture really uses every property of the schema', () => {
    // every property path declared in the schema appears somewhere in the full fixture
    const used = new Set<string>();
    const collect = (v: Json, path: string): void => {
      if (Array.isArray(v)) v.forEach((x) => collect(x, `${path}/*`));
      else if (isObject(v))
        for (const [key, x] of Object.entries(v)) {
          used.add(`${path}/${key}`);
          collect(x, `${path}/${key}`);
        }
    };
    collect(full[k], '');
    const declared: string[] = [];
    const gather = (s: JsonObject, path: string): void => {
      const target =
        typeof s['$ref'] === 'string' ? (getAt(schemas[k], (s['$ref'] as string).slice(1)) as JsonObject) : s;
      const props = target['properties'];
      if (isObject(props))
        for (const [key, sub] of Object.entries(props)) {
          declared.push(`${path}/${key}`);
          gather(sub as JsonObject, `${path}/${key}`);
        }
      if (isObject(target['items'])) gather(target['items'] as JsonObject, `${path}/*`);
    };
    gather(schemas[k], '');
    expect(declared.filter((p) => !used.has(p))).toEqual([]);
  });

  it('a minimal document is valid', () => {
    expectValid(k, minimal[k]);
  });

  it('x- keys are allowed on every object, with any value', () => {
    const doc = withXKeysEverywhere(full[k]);
    expect(objectPointers(doc).length).toBeGreaterThan(3);
    expectValid(k, doc);
    expectValid(k, withXKeysEverywhere(minimal[k]));
    expectValid(k, { ...minimal[k], 'x-': 1, 'x-list': [1, 2], 'x-null': null });
  });

  it('an unknown property is rejected on every object', () => {
    // (market fit.tiers takes any tier name; tested with the market's ranges)
    const pointers = objectPointers(full[k]).filter((p) => !(k === 'market' && p === '/fit/tiers'));
    for (const p of pointers) {
      // (market `accounts_columns` maps any CSV header; a value that is no account field is its error)
      if (k === 'market' && p === '/accounts_columns') {
        expectInvalid(k, withValue(full[k], `${p}/Bogus_Key`, 'emplyees'), 'enum', `${p}/Bogus_Key`);
        continue;
      }
      expectInvalid(k, withValue(full[k], `${p}/Bogus_Key`, 1), 'additionalProperties', p);
      // (settings `rules` takes any rule-id-shaped key; it is tested separately)
      if (!(k === 'settings' && p === '/rules')) {
        expectInvalid(k, withValue(full[k], `${p}/bogus`, 1), 'additionalProperties', p);
      }
    }
    // keys that merely look like extensions are still unknown
    expectInvalid(k, { ...minimal[k], X_note: 1 }, 'additionalProperties', '');
    expectInvalid(k, { ...minimal[k], 'X-note': 1 }, 'additionalProperties', '');
    expectInvalid(k, { ...minimal[k], xnote: 1 }, 'additionalProperties', '');
  });

  it('a document that is not a mapping is rejected', () => {
    for (const bad of [null, [], 'persona', 42, true]) expect(check(k, bad).valid).toBe(false);
  });
});

describe.each(['persona', 'journey', 'market'] as const)('%s documents: kind, id, name', (k) => {
  it('requires kind, id and name', () => {
    for (const key of ['kind', 'id', 'name']) expectInvalid(k, without(minimal[k], `/${key}`), 'required', '');
  });

  it('kind must be exactly its own kind', () => {
    const others = ['persona', 'journey', 'market'].filter((x) => x !== k);
    for (const kind of [...others, k.toUpperCase(), `${k}s`, '', 1]) {
      expectInvalid(k, { ...minimal[k], kind }, 'const', '/kind');
    }
  });

  it('id must match ^[a-z0-9][a-z0-9-]*$', () => {
    for (const id of BAD_IDS) expectInvalid(k, { ...minimal[k], id }, 'pattern', '/id');
    expectInvalid(k, { ...minimal[k], id: 7 }, 'type', '/id');
    for (const id of ['a', '1', '0-a', 'a--b', 'trailing-']) expectValid(k, { ...minimal[k], id });
  });

  it('name must be a non-empty string', () => {
    expectInvalid(k, { ...minimal[k], name: '' }, 'minLength', '/name');
    expectInvalid(k, { ...minimal[k], name: 3 }, 'type', '/name');
    expectInvalid(k, { ...minimal[k], name: null }, 'type', '/name');
  });
});

describe('persona', () => {
  it('rejects values outside the enums', () => {
    const cases: [string, Json][] = [
      ['/audience', 'everyone'],
      ['/roles/0', 'buyer'],
      ['/goals/0/type', 'financial'],
      ['/challenges/0/type', 'money'],
      ['/hangouts/0/type', 'podcast'],
      ['/objections/0/type', 'lock-in'],
      ['/messages/0/theme', 'Productivity'],
      ['/behaviour/frequency', 'rare'],
      ['/behaviour/intent/0', 'browse'],
      ['/behaviour/channels/0', 'sales-meeting'], // touchpoint-only channel
      ['/evidence/0/source', 'gut-feeling'],
    ];
    for (const [p, v] of cases) expectInvalid('persona', withValue(fullPersona, p, v), 'enum', p);
  });

  it('rejects bad goal, challenge and addresses ids', () => {
    for (const id of BAD_IDS) {
      for (const p of ['/goals/0/id', '/challenges/0/id', '/value/0/addresses/0']) {
        expectInvalid('persona', withValue(fullPersona, p, id), 'pattern', p);
      }
    }
  });

  it('rejects bad evidence dates', () => {
    for (const date of [
      '2026-13-01',
      '01/05/2026',
      '2026-02-30',
      '2025-02-29',
      '2026-5-1',
      '2026-05-01T00:00:00Z',
      '',
    ]) {
      expectInvalid('persona', withValue(fullPersona, '/evidence/0/date', date), 'format', '/evidence/0/date');
    }
    expectInvalid('persona', withValue(fullPersona, '/evidence/0/date', 20260501), 'type', '/evidence/0/date');
  });

  it('hangout urls must be https', () => {
    const p = '/hangouts/0/url';
    expectInvalid('persona', withValue(fullPersona, p, 'http://www.icaew.com'), 'pattern', p);
    expectInvalid('persona', withValue(fullPersona, p, 'ftp://example.com/x'), 'pattern', p);
    expectInvalid('persona', withValue(fullPersona, p, 'www.icaew.com'), 'pattern', p);
    expectInvalid('persona', withValue(fullPersona, p, 'https://exa mple.com'), 'format', p);
    expectValid('persona', withValue(fullPersona, p, 'https://example.com/a?b=c#d'));
  });

  it('picture is any non-empty string (a rule checks the file)', () => {
    for (const picture of ['images/fiona.jpg', '../shared/x.png', 'https://example.com/f.webp']) {
      expectValid('persona', { ...minimalPersona, picture });
    }
    expectInvalid('persona', { ...minimalPersona, picture: '' }, 'minLength', '/picture');
    expectInvalid('persona', { ...minimalPersona, picture: { path: 'x' } }, 'type', '/picture');
  });

  it('about.age is an integer 0..150 or a range string like 40-55', () => {
    for (const age of [0, 45, 150, '40-55', '40 - 55', '9-99']) {
      expectValid('persona', { ...minimalPersona, about: { age } });
    }
    const p = '/about/age';
    expectInvalid('persona', { ...minimalPersona, about: { age: 151 } }, 'maximum', p);
    expectInvalid('persona', { ...minimalPersona, about: { age: -1 } }, 'minimum', p);
    expectInvalid('persona', { ...minimalPersona, about: { age: 45.5 } }, 'type', p);
    for (const age of ['forty', '40-', '45', '40 to 55', '1000-2000', '']) {
      expectInvalid('persona', { ...minimalPersona, about: { age } }, 'pattern', p);
    }
    expectInvalid('persona', { ...minimalPersona, about: { age: true } }, 'type', p);
  });

  it('value entries need at least one unique addressed id', () => {
    expectInvalid('persona', withValue(fullPersona, '/value/0/addresses', []), 'minItems', '/value/0/addresses');
    expectInvalid(
      'persona',
      withValue(fullPersona, '/value/0/addresses', ['close-faster', 'close-faster']),
      'uniqueItems',
      '/value/0/addresses',
    );
  });

  it('roles and behaviour lists may not repeat', () => {
    expectInvalid('persona', { ...minimalPersona, roles: ['user', 'user'] }, 'uniqueItems', '/roles');
    expectInvalid(
      'persona',
      { ...minimalPersona, behaviour: { channels: ['web', 'web'] } },
      'uniqueItems',
      '/behaviour/channels',
    );
  });

  it('reports missing required fields of list items', () => {
    const cases: [string, string][] = [
      ['/goals/0/id', '/goals/0'],
      ['/goals/0/type', '/goals/0'],
      ['/goals/0/text', '/goals/0'],
      ['/challenges/0/id', '/challenges/0'],
      ['/challenges/0/type', '/challenges/0'],
      ['/challenges/0/text', '/challenges/0'],
      ['/hangouts/0/name', '/hangouts/0'],
      ['/hangouts/0/type', '/hangouts/0'],
      ['/value/0/text', '/value/0'],
      ['/value/0/addresses', '/value/0'],
      ['/objections/0/text', '/objections/0'],
      ['/messages/0/theme', '/messages/0'],
      ['/messages/0/text', '/messages/0'],
      ['/evidence/0/source', '/evidence/0'],
      ['/evidence/0/date', '/evidence/0'],
    ];
    for (const [p, parent] of cases) expectInvalid('persona', without(fullPersona, p), 'required', parent);
  });

  it('rejects empty texts and wrong container types', () => {
    expectInvalid('persona', withValue(fullPersona, '/goals/0/text', ''), 'minLength', '/goals/0/text');
    expectInvalid('persona', withValue(fullPersona, '/personality/traits/0', ''), 'minLength', '/personality/traits/0');
    expectInvalid('persona', { ...minimalPersona, goals: { id: 'g' } }, 'type', '/goals');
    expectInvalid('persona', { ...minimalPersona, roles: 'user' }, 'type', '/roles');
  });

  it('empty headings are schema-valid (completeness is a separate rule)', () => {
    expectValid('persona', {
      ...minimalPersona,
      about: {},
      personality: { traits: [], communication: [] },
      goals: [],
      challenges: [],
      hangouts: [],
      value: [],
      objections: [],
      messages: [],
      evidence: [],
    });
  });
});

describe('journey', () => {
  it('rejects values outside the enums', () => {
    expectInvalid('journey', withValue(fullJourney, '/stages/0/phase', 'acquisition'), 'enum', '/stages/0/phase');
    for (const channel of ['fax', 'Web', 'meeting']) {
      const p = '/stages/0/touchpoints/0/channel';
      expectInvalid('journey', withValue(fullJourney, p, channel), 'enum', p);
    }
  });

  it('touchpoint channels are the behaviour channels plus sales-meeting, phone and letter', () => {
    const behaviourChannels = getAt(schemas.persona, '/$defs/channel/enum') as string[];
    const touchpointChannels = getAt(
      schemas.journey,
      '/properties/stages/items/properties/touchpoints/items/properties/channel/enum',
    ) as string[];
    expect([...touchpointChannels].sort()).toEqual([...behaviourChannels, 'sales-meeting', 'phone', 'letter'].sort());
    for (const channel of touchpointChannels) {
      expectValid('journey', withValue(fullJourney, '/stages/0/touchpoints/0/channel', channel));
    }
  });

  it('emotion is an integer from -2 to 2', () => {
    const p = '/stages/0/emotion';
    for (const e of [-2, -1, 0, 1, 2]) expectValid('journey', withValue(fullJourney, p, e));
    expectInvalid('journey', withValue(fullJourney, p, 3), 'maximum', p);
    expectInvalid('journey', withValue(fullJourney, p, -3), 'minimum', p);
    expectInvalid('journey', withValue(fullJourney, p, 1.5), 'type', p);
    expectInvalid('journey', withValue(fullJourney, p, '1'), 'type', p);
  });

  it('rejects bad stage, sales stage, milestone and reference ids', () => {
    const pointers = [
      '/personas/0',
      '/stages/0/id',
      '/sales_stages/0/id',
      '/sales_stages/0/aligns_with/0',
      '/milestones/0/id',
      '/milestones/0/stage',
    ];
    for (const id of BAD_IDS)
      for (const p of pointers) expectInvalid('journey', withValue(fullJourney, p, id), 'pattern', p);
  });

  it('needs at least one persona and one stage, without repeats', () => {
    expectInvalid('journey', withValue(fullJourney, '/personas', []), 'minItems', '/personas');
    expectInvalid('journey', withValue(fullJourney, '/stages', []), 'minItems', '/stages');
    expectInvalid('journey', withValue(fullJourney, '/personas', ['a', 'a']), 'uniqueItems', '/personas');
    expectInvalid('journey', withValue(fullJourney, '/personas', 'finance-fiona'), 'type', '/personas');
    expectInvalid(
      'journey',
      withValue(fullJourney, '/sales_stages/0/aligns_with', []),
      'minItems',
      '/sales_stages/0/aligns_with',
    );
    expectInvalid(
      'journey',
      withValue(fullJourney, '/sales_stages/0/aligns_with', ['aware', 'aware']),
      'uniqueItems',
      '/sales_stages/0/aligns_with',
    );
  });

  it('reports missing required fields', () => {
    const cases: [string, string][] = [
      ['/personas', ''],
      ['/stages', ''],
      ['/stages/0/id', '/stages/0'],
      ['/stages/0/name', '/stages/0'],
      ['/stages/0/phase', '/stages/0'],
      ['/stages/0/touchpoints/0/channel', '/stages/0/touchpoints/0'],
      ['/sales_stages/0/id', '/sales_stages/0'],
      ['/sales_stages/0/name', '/sales_stages/0'],
      ['/sales_stages/0/aligns_with', '/sales_stages/0'],
      ['/milestones/0/id', '/milestones/0'],
      ['/milestones/0/stage', '/milestones/0'],
      ['/milestones/0/trigger', '/milestones/0'],
      ['/milestones/0/celebrate/channel', '/milestones/0/celebrate'],
      ['/milestones/0/celebrate/message', '/milestones/0/celebrate'],
    ];
    for (const [p, parent] of cases) expectInvalid('journey', without(fullJourney, p), 'required', parent);
  });
});

describe('market', () => {
  it('criteria is required but may be empty; fit is optional', () => {
    expectInvalid('market', without(minimalMarket, '/criteria'), 'required', '');
    expectValid('market', minimalMarket);
    expectValid('market', { ...minimalMarket, fit: {} });
    expectInvalid('market', { ...minimalMarket, criteria: null }, 'type', '/criteria');
  });

  it('rejects values outside the enums', () => {
    expectInvalid('market', withValue(fullMarket, '/criteria/incumbent', 'maybe'), 'enum', '/criteria/incumbent');
    for (const name of ['buyer_personas', 'sector', 'threshold']) {
      expectInvalid('market', withValue(fullMarket, '/fit/required/0', name), 'enum', '/fit/required/0');
    }
    for (const incumbent of ['any', 'none', 'prefer']) {
      expectValid('market', withValue(fullMarket, '/criteria/incumbent', incumbent));
    }
  });

  it('rejects bad buyer persona ids', () => {
    for (const id of BAD_IDS) {
      expectInvalid(
        'market',
        withValue(fullMarket, '/criteria/buyer_personas/0', id),
        'pattern',
        '/criteria/buyer_personas/0',
      );
    }
  });

  it('checks ranges and numbers', () => {
    const cases: [string, Json, string][] = [
      ['/criteria/employees/min', -1, 'minimum'],
      ['/criteria/employees/max', 10.5, 'type'],
      ['/criteria/revenue/min', -0.01, 'minimum'],
      ['/criteria/revenue/max', '1m', 'type'],
      ['/criteria/employees', {}, 'minProperties'],
      ['/criteria/sectors', [], 'minItems'],
      ['/criteria/sectors', 'manufacturing', 'type'],
      ['/criteria/buys_category', 'yes', 'type'],
      ['/fit/threshold', 1.5, 'maximum'],
      ['/fit/threshold', -0.1, 'minimum'],
      ['/fit/min_known', 1.01, 'maximum'],
      ['/fit/min_known', -0.5, 'minimum'],
      ['/fit/weights/sectors', -1, 'minimum'],
      ['/fit/weights/sectors', 'high', 'type'],
      ['/fit/tiers/A', 101, 'maximum'],
      ['/fit/tiers', {}, 'minProperties'],
      ['/fit/disqualify/incumbent', 'any', 'enum'],
      ['/fit/disqualify/employees', {}, 'minProperties'],
      ['/fit/required', ['sectors', 'sectors'], 'uniqueItems'],
      ['/sizing/max_share', 0, 'exclusiveMinimum'],
      ['/sizing/max_share', 1.01, 'maximum'],
      ['/sizing/total_companies', 10.5, 'type'],
      ['/sizing/total_companies', -1, 'minimum'],
      ['/sizing/average_annual_spend', -1, 'minimum'],
      ['/sizing/revenue_target', -1, 'minimum'],
      ['/accounts/0/employees', 2.5, 'type'],
      ['/accounts/0/employees', -1, 'minimum'],
      ['/accounts/0/revenue', -1, 'minimum'],
      ['/accounts/0/annual_spend', -1, 'minimum'],
      ['/accounts/0/buys_category', 'yes', 'type'],
      ['/accounts/0/problems', 'slow month-end', 'type'],
      ['/accounts/0/name', '', 'minLength'],
      ['/accounts_file', '', 'minLength'],
    ];
    for (const [p, v, keyword] of cases) expectInvalid('market', withValue(fullMarket, p, v), keyword, p);
    for (const [p, v] of [
      ['/fit/threshold', 0],
      ['/fit/threshold', 1],
      ['/fit/min_known', 0],
      ['/fit/min_known', 1],
      ['/fit/tiers', { 'Very good': 85, 'x-note': 'MadKudu-style names' }],
      ['/sizing/max_share', 1],
      ['/criteria/employees', { max: 0 }],
      ['/criteria/revenue', { min: 0.5 }],
    ] as [string, Json][]) {
      expectValid('market', withValue(fullMarket, p, v));
    }
  });

  it('currency is a three-letter upper-case code', () => {
    for (const currency of ['gbp', 'GB', 'GBPP', '£', 'G1P']) {
      expectInvalid('market', { ...minimalMarket, currency }, 'pattern', '/currency');
    }
    expectValid('market', { ...minimalMarket, currency: 'EUR' });
  });

  it('accounts need a name; an empty incumbent means none', () => {
    expectInvalid('market', without(fullMarket, '/accounts/0/name'), 'required', '/accounts/0');
    expectValid('market', { ...minimalMarket, accounts: [{ name: 'A', incumbent: '' }] });
  });
});

describe('settings (personakit.yaml)', () => {
  it('accepts valid settings', () => {
    expectValid('settings', {});
    expectValid('settings', { paths: ['.'] });
    expectValid('settings', { completeness: { min: 0 }, evidence: { maxAgeDays: 0 } });
    expectValid('settings', { completeness: { min: 100 }, evidence: { maxAgeDays: 36500 } });
    expectValid('settings', { rules: {} });
    expectValid('settings', { rules: { 'yaml-syntax': 'error', 'duplicate-id': 'warning', 'unused-disable': 'off' } });
    expectValid('settings', { rules: { 'x-note': { anything: true }, xylophone: 'off', x: 'off' } });
    expectValid('settings', { limits: { maxFileBytes: 1073741824, maxAliasCount: 100000, maxCsvBytes: 1024 } });
    expectValid('settings', { limits: {} });
  });

  it('rejects invalid settings', () => {
    const cases: [Json, string, string][] = [
      [{ name: '' }, 'minLength', '/name'],
      [{ name: 7 }, 'type', '/name'],
      [{ paths: 'personas' }, 'type', '/paths'],
      [{ paths: [] }, 'minItems', '/paths'],
      [{ paths: [''] }, 'minLength', '/paths/0'],
      [{ paths: [3] }, 'type', '/paths/0'],
      [{ completeness: { min: 101 } }, 'maximum', '/completeness/min'],
      [{ completeness: { min: -1 } }, 'minimum', '/completeness/min'],
      [{ completeness: { min: '80%' } }, 'type', '/completeness/min'],
      [{ completeness: 80 }, 'type', '/completeness'],
      [{ evidence: { maxAgeDays: 1.5 } }, 'type', '/evidence/maxAgeDays'],
      [{ evidence: { maxAgeDays: -1 } }, 'minimum', '/evidence/maxAgeDays'],
      [{ evidence: { maxAgeDays: 36501 } }, 'maximum', '/evidence/maxAgeDays'],
      [{ rules: { 'evidence-stale': 'fatal' } }, 'enum', '/rules/evidence-stale'],
      [{ rules: { 'evidence-stale': 2 } }, 'type', '/rules/evidence-stale'],
      [{ rules: { 'Evidence-Stale': 'off' } }, 'additionalProperties', '/rules'],
      [{ rules: { evidence_stale: 'off' } }, 'additionalProperties', '/rules'],
      [{ rules: { '1rule': 'off' } }, 'additionalProperties', '/rules'],
      [{ rules: { schema: 'off' } }, 'enum', '/rules/schema'],
      [{ rules: { 'yaml-syntax': 'off' } }, 'enum', '/rules/yaml-syntax'],
      [{ rules: { 'duplicate-id': 'off' } }, 'enum', '/rules/duplicate-id'],
      [{ rules: ['evidence-stale'] }, 'type', '/rules'],
      [{ templates: '' }, 'minLength', '/templates'],
      [{ limits: { maxFileBytes: 1023 } }, 'minimum', '/limits/maxFileBytes'],
      [{ limits: { maxFileBytes: 1073741825 } }, 'maximum', '/limits/maxFileBytes'],
      [{ limits: { maxFileBytes: 2048.5 } }, 'type', '/limits/maxFileBytes'],
      [{ limits: { maxAliasCount: -1 } }, 'minimum', '/limits/maxAliasCount'],
      [{ limits: { maxAliasCount: 100001 } }, 'maximum', '/limits/maxAliasCount'],
      [{ limits: { maxCsvBytes: 1000 } }, 'minimum', '/limits/maxCsvBytes'],
      [{ limits: { maxDepth: 0 } }, 'minimum', '/limits/maxDepth'],
      [{ limits: { maxBytes: 4096 } }, 'additionalProperties', '/limits'],
      [{ kind: 'settings' }, 'additionalProperties', ''],
    ];
    for (const [doc, keyword, path] of cases) expectInvalid('settings', doc, keyword, path);
  });
});
