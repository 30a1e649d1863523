import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKET_CSV_COLUMNS } from '../../src/render/market-csv.js';
import { renderReports } from '../../src/render/render.js';
import { makeTempDir, runBin, writeTree } from '../support/run-bin.js';

const SOFFICE = '/usr/bin/soffice';
const HAS_SOFFICE = existsSync(SOFFICE);
if (!HAS_SOFFICE) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the LibreOffice test of render --format csv: no soffice at ${SOFFICE}.\n!! Install it (apt-get install -y libreoffice-calc-nogui); .ci/run does.\n${'!'.repeat(78)}\n`,
  );
}

// CSV cells are trimmed and their whitespace folded when read: these names come inline.
const INLINE_HOSTILE = ['\tTabbed Ltd', '\rReturn Ltd', 'Line\nBreak GmbH'];
const MARKET = `kind: market
id: icp
name: ICP
currency: GBP
criteria:
  sectors: [retail, betting]
  regions: [UK]
  employees: { min: 100, max: 1000 }
  problems: [slow close]
fit:
  threshold: 0.5
  weights: { regions: 3, problems: 2 }
  tiers: { A: 85, B: 60 }
  disqualify: { sectors: [betting] }
accepted_misfits:
  - { account: " BOOKIES ", reason: "=Kept: the group's retail arm buys" }
accounts:
  - { name: Bookies, sector: betting, region: UK, employees: 500, problems: [slow close], annual_spend: 500, x-owner: "@anna", x-tags: [a] }
  - { name: Small spender, sector: retail, region: UK, employees: 500, problems: [slow close], annual_spend: 10 }
${INLINE_HOSTILE.map((n, i) => `  - { name: ${JSON.stringify(n)}, sector: retail, region: UK, employees: 500, problems: [slow close], annual_spend: ${3 - i} }\n`).join('')}accounts_file: accounts.csv
`;
// Names a CRM export may hold: formulas, separators, quotes, non-Latin text.
const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")',
  '+44 Trading',
  '-2+3',
  '@SUM(A1:A2)',
  'Smith, Jones & "Partners"',
  'Café 東京 — Ünïcode',
];
// The user's own x- column comes through as written, its cells guarded like the others.
const OWN = (i: number) => (i === 0 ? '=1+1' : `hs-${i}`);
const CSV =
  'name,sector,region,employees,problems,annual_spend, x-HubSpot ID \n' +
  HOSTILE.map((n, i) => `"${n.replace(/"/g, '""')}",retail,UK,500,slow close,${100 + i},${OWN(i)}`).join('\n') +
  '\nAbroad,retail,France,500,slow close,1000,\n';

const dirs: string[] = [];
const temp = async (prefix: string) => {
  const dir = await makeTempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

let out: string;
let bytes: Buffer;
beforeAll(async () => {
  const cwd = await writeTree(await temp('personakit-csv-'), {
    'personakit.yaml': 'name: t\n',
    'markets/icp.yaml': MARKET,
    'markets/accounts.csv': CSV,
    'personas/p.yaml': 'kind: persona\nid: p\nname: P\n',
  });
  out = path.join(cwd, 'report');
  const result = await renderReports({ cwd, paths: ['markets'], format: 'csv', out, force: true });
  expect(result.refused).toBe(false);
  bytes = await readFile(path.join(out, 'market-icp.csv'));
});

const rowsOf = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

describe('render --format csv', () => {
  it('writes market-<id>.csv and nothing else: UTF-8 with a byte-order mark, CRLF rows', async () => {
    expect(await readdir(out)).toEqual(['market-icp.csv']);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true);
  });

  it('has one row per account, ranked by tier, score and spend, with its own columns', () => {
    const [header, ...rows] = rowsOf(bytes.toString('utf8'));
    expect(header).toEqual([...MARKET_CSV_COLUMNS, 'x-owner', 'x-HubSpot ID']);
    expect(rows).toHaveLength(HOSTILE.length + INLINE_HOSTILE.length + 3);
    const col = (name: string) => header!.indexOf(name);
    // Tier A by spend (the CSV's hostile names: 100 + i, then the inline ones), then Abroad, then Bookies.
    expect(rows.map((r) => r[col('tier')])).toEqual([...HOSTILE.map(() => 'A'), 'A', 'A', 'A', 'A', '', '']);
    expect(rows.slice(HOSTILE.length, HOSTILE.length + 4).map((r) => r[0])).toEqual([
      'Small spender',
      "'\tTabbed Ltd",
      "'\rReturn Ltd",
      'Line\nBreak GmbH',
    ]);
    expect(rows[0]![col('annual_spend')]).toBe(String(100 + HOSTILE.length - 1));
    const abroad = rows.find((r) => r[0] === 'Abroad')!;
    expect(abroad.slice(1, 9)).toEqual([
      '',
      '57.1',
      '1',
      'yes',
      'no',
      'regions −42.9: region "France" is not one of UK',
      '',
      '1000',
    ]);
    expect(abroad.slice(9)).toEqual(['retail', '500', '', 'France', '', '', 'slow close', '', '', '']);
    const bookies = rows[rows.length - 1]!;
    expect(bookies.slice(0, 7)).toEqual([
      'Bookies',
      '',
      '100',
      '1',
      'no',
      'yes',
      'disqualified by sectors (sector "betting")',
    ]);
    expect(bookies.slice(-2)).toEqual(["'@anna", '']);
    expect(bookies[col('accepted_reason')]).toBe("'=Kept: the group's retail arm buys"); // names compare as account names do
    const own = col('x-HubSpot ID');
    expect(rows.slice(0, HOSTILE.length).map((r) => r[own])).toEqual(
      HOSTILE.map((_, i) => OWN(i))
        .reverse()
        .map((v) => (v.startsWith('=') ? `'${v}` : v)),
    );
  });

  it('guards every cell against formula injection and keeps separators, quotes and line breaks', () => {
    const names = rowsOf(bytes.toString('utf8')).map((r) => r[0]);
    for (const name of [...HOSTILE, ...INLINE_HOSTILE]) {
      const expected = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
      expect(names).toContain(expected);
    }
  });

  it('exits 2 with a clear message when there is no market to write', async () => {
    const cwd = await writeTree(await temp('personakit-csv-none-'), {
      'personakit.yaml': 'name: t\n',
      'p.yaml': 'kind: persona\nid: p\nname: P\n',
    });
    const result = await runBin(['render', '--format', 'csv', '--force'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nothing to render as CSV');
    expect(await readdir(cwd)).toEqual(['p.yaml', 'personakit.yaml']);
  });
});

describe.skipIf(!HAS_SOFFICE)('the CSV in LibreOffice (headless)', () => {
  it('opens with every row and column intact, and no cell evaluated as a formula', async () => {
    const dir = await temp('personakit-soffice-');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const back = path.join(dir, 'back');
    // Read as UTF-8 comma-separated text into a spreadsheet, written back as the values it holds
    // (not formulas): a cell read as a formula would come back as its result.
    await promisify(execFile)(
      SOFFICE,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false',
        '--outdir',
        back,
        path.join(out, 'market-icp.csv'),
      ],
      { timeout: 120_000 },
    );
    const [file] = await readdir(back);
    const roundTrip = rowsOf(await readFile(path.join(back, file!), 'utf8'));
    // Spreadsheets keep line breaks inside a cell as LF: a lone CR comes back as one.
    const original = rowsOf(bytes.toString('utf8')).map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n')));
    expect(roundTrip).toEqual(original);
  }, 240_000);
});
