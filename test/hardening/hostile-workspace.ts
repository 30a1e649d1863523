import fc from 'fast-check';

/**
 * A persona (with a picture), a journey and a market (inline accounts and an accounts CSV) whose
 * every free-text field is filled by a function of its slot: plain letters for the reference
 * document, hostile strings for the generated ones (issue 20).
 */

/** The alphabet of issue 20: markup, Markdown, Mermaid and template syntax, and awkward Unicode. */
export const HOSTILE_TOKENS: readonly string[] = [
  ...`"'<>&|\\\`*_[]()#:;{}%=+-@!~.`.split(''),
  '\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  'javascript:',
  'JaVaScRiPt:alert(1)',
  'onerror=',
  ' onload="alert(1)" ',
  '{{constructor}}',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</td></tr></table>',
  '-->',
  '```',
  '1. ',
  '- ',
  '> ',
  '    ',
  '&amp;',
  '&#60;',
  '%%{init}%%',
  'section ',
  'title ',
  '😀',
  '👩‍💻',
  '🏳️‍🌈',
  '\u200F',
  '\u202E',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  'a',
  'Zo',
];

/** A hostile string with something visible in it (a blank one would be a missing field, not a hostile one). */
export const hostileText = fc
  .array(fc.constantFrom(...HOSTILE_TOKENS), { minLength: 1, maxLength: 10 })
  .map((tokens) => tokens.join(''))
  .filter((s) => s.trim() !== '');

/** The number of free-text slots the workspace has. */
export const SLOTS = 47;

/** Plain letters, different per slot, so the reference document has the same structure. */
export const plainSlot = (i: number): string => `Plain${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;

/** JSON is YAML 1.2: written this way, any string (lone surrogates too) reaches the loader intact. */
const yaml = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A 1×1 PNG for the persona's picture. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function hostileWorkspace(t: (slot: number) => string): Record<string, string | Uint8Array> {
  const persona = {
    kind: 'persona',
    id: 'pat',
    name: t(0),
    tagline: t(1),
    picture: 'images/pat.png',
    audience: 'external',
    roles: ['user'],
    about: { age: '30-40', job_title: t(2), location: t(3), occupation: t(4) },
    personality: { traits: [t(5)], communication: [t(6)] },
    goals: [{ id: 'g1', type: 'commercial', text: t(7) }],
    challenges: [{ id: 'c1', type: 'resources', text: t(8) }],
    hangouts: [
      { name: t(9), type: 'website', url: 'https://example.com/forum' },
      { name: t(10), type: 'event' },
    ],
    value: [{ text: t(11), addresses: ['g1', 'c1'] }],
    objections: [{ text: t(12), type: 'risk', response: t(13) }],
    messages: [{ theme: 'productivity', text: t(14), channels: ['web'] }],
    behaviour: { frequency: 'frequent', motivations: [t(15)], emotions: [t(16)] },
    evidence: [{ source: 'interview', date: '2026-09-10', note: t(17) }],
  };
  const stage = (id: string, phase: string, n: number, emotion: number) => ({
    id,
    name: t(n),
    phase,
    goal: t(n + 1),
    questions: [t(n + 2)],
    emotion,
    message: t(n + 3),
    touchpoints: [{ channel: 'web', description: t(n + 4), owner: t(n + 5) }],
  });
  const journey = {
    kind: 'journey',
    id: 'pat-buys',
    name: t(18),
    personas: ['pat'],
    stages: [stage('notices', 'exposure', 19, -1), stage('uses', 'adoption', 25, 1)],
    sales_stages: [{ id: 'qualify', name: t(31), aligns_with: ['notices'], owner: t(32) }],
    milestones: [{ id: 'live', stage: 'uses', trigger: t(33), celebrate: { channel: 'email', message: t(34) } }],
  };
  const market = {
    kind: 'market',
    id: 'mid',
    name: t(35),
    offering: t(36),
    currency: 'GBP',
    // Sectors and regions reach the market's SVG charts (issue 23) as bar labels and in titles.
    criteria: { employees: { min: 10, max: 1000 }, sectors: [t(41)], regions: [t(42)], buyer_personas: ['pat'] },
    fit: { threshold: 0.5 },
    sizing: { total_companies: 500, average_annual_spend: 2000, revenue_target: 5000 },
    accounts: [
      { name: t(37), employees: 100, annual_spend: 1000, sector: t(41), region: t(42) },
      { name: t(45), employees: 100, annual_spend: 1500, sector: t(43), region: t(44) },
      { name: t(46), employees: 5000, annual_spend: 500, sector: t(43) },
      { name: 'Kept Misfit Ltd', employees: 5000, annual_spend: 500 },
    ],
    accounts_file: 'accounts.csv',
    // The reports mark an accepted misfit with its reason.
    accepted_misfits: [{ account: 'Kept Misfit Ltd', reason: t(40) }],
  };
  const csv = `name,employees,annual_spend\n${csvRow(t(38), '200', '2000')}\n${csvRow(t(39), '5000', '3000')}\n`;
  return {
    'personakit.yaml': 'name: Hostile workspace\n',
    'personas/pat.yaml': yaml(persona),
    'personas/images/pat.png': PNG,
    'journeys/pat-buys.yaml': yaml(journey),
    'markets/mid.yaml': yaml(market),
    'markets/accounts.csv': csv,
  };
}

/** RFC 4180 quoting, so every hostile cell reaches the loader as one cell. */
function csvRow(...cells: string[]): string {
  return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
}
