/** Candidate accounts for generated markets: a few inline, and optionally a large CRM-style CSV. */
import { words } from './random.mjs';

const SECTORS = ['logistics', 'food distribution', 'retail distribution', 'software', 'bakery manufacturing'];
const REGIONS = ['England', 'Scotland', 'Wales', 'Ireland', 'Denmark'];
const STAGES = ['start-up', 'scale-up', 'mature', 'declining'];
const PROBLEMS = ['dock congestion', 'manual booking', 'detention charges', 'stock accuracy'];

function account(random, i) {
  return {
    name: `${words(random, 2).replace(/^\w/, (c) => c.toUpperCase())} ${i}${random.chance(0.1) ? ', Ltd' : ' Ltd'}`,
    sector: random.pick(SECTORS),
    employees: 50 + random.int(5000),
    revenue: random.chance(0.8) ? 1_000_000 * (5 + random.int(600)) : undefined,
    region: random.pick(REGIONS),
    growth_stage: random.pick(STAGES),
    buys_category: random.chance(0.7),
    problems: random.sample(PROBLEMS, random.int(3)),
    incumbent: random.chance(0.2) ? 'Slotterly' : undefined,
    annual_spend: 5000 + random.int(80_000),
  };
}

/** YAML lines of a market's `accounts:` list (already indented). */
export function inlineAccounts(random, count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const a = account(random, i);
    lines.push(`  - name: "${a.name}"`, `    sector: ${a.sector}`, `    employees: ${a.employees}`);
    if (a.revenue !== undefined) lines.push(`    revenue: ${a.revenue}`);
    lines.push(
      `    region: ${a.region}`,
      `    growth_stage: ${a.growth_stage}`,
      `    buys_category: ${a.buys_category}`,
    );
    if (a.problems.length > 0) lines.push(`    problems: [${a.problems.join(', ')}]`);
    if (a.incumbent) lines.push(`    incumbent: ${a.incumbent}`);
    lines.push(`    annual_spend: ${a.annual_spend}`);
  }
  return lines;
}

const COLUMNS = [
  'name',
  'sector',
  'employees',
  'revenue',
  'region',
  'growth_stage',
  'buys_category',
  'problems',
  'incumbent',
  'annual_spend',
];

/** An RFC 4180 CSV of `rows` accounts, with quoted names and empty cells like a CRM export. */
export function accountsCsv(random, rows) {
  const out = [COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const a = account(random, i);
    const cells = COLUMNS.map((c) => {
      const v = c === 'problems' ? a.problems.join(';') : a[c];
      if (v === undefined) return '';
      const text = String(v);
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    });
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}
