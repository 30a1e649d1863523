import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAccountsCsv, type AccountsCsvResult, type CsvProblem } from '../../src/load/accounts-csv.js';
import type { Account } from '../../src/model/market-criteria.js';
import { makeTempDir } from '../support/run-bin.js';

interface Read extends AccountsCsvResult {
  accounts: Array<{ line: number; account: Account }>;
  problems: CsvProblem[];
}

async function readCsv(content: string | Uint8Array, maxBytes = 1 << 30): Promise<Read> {
  const file = path.join(await makeTempDir('personakit-csv-'), 'accounts.csv');
  await writeFile(file, content);
  const accounts: Read['accounts'] = [];
  const problems: CsvProblem[] = [];
  const result = await readAccountsCsv(file, {
    maxBytes,
    onAccount: (account, line) => accounts.push({ line, account }),
    onProblem: (p) => problems.push(p),
  });
  return { ...result, accounts, problems };
}

const HEADER = 'name,sector,employees,revenue,region,growth_stage,buys_category,problems,incumbent,annual_spend';

describe('accounts CSV', () => {
  it('reads typed values: numbers, booleans in any case, ;-separated problems, empty cells as no data', async () => {
    const r = await readCsv(
      `${HEADER}\nAcme,retail,120,4500000.5,UK,mature,YES,dock congestion; manual booking ;,Dockora,1200\nBeta,,,,,,no,,,\n`,
    );
    expect(r.problems).toEqual([]);
    expect(r.accounts).toEqual([
      {
        line: 2,
        account: {
          name: 'Acme',
          sector: 'retail',
          employees: 120,
          revenue: 4500000.5,
          region: 'UK',
          growth_stage: 'mature',
          buys_category: true,
          problems: ['dock congestion', 'manual booking'],
          incumbent: 'Dockora',
          annual_spend: 1200,
        },
      },
      { line: 3, account: { name: 'Beta', buys_category: false } },
    ]);
    expect(r).toMatchObject({ status: 'read', rows: 2, badRows: 0 });
  });

  it('matches header names ignoring case and spaces, in any order, and ignores x- columns', async () => {
    const r = await readCsv(' Region ,NAME,x-owner,Buys_Category\nUK,Acme,Sam,TRUE\n');
    expect(r.accounts).toEqual([{ line: 2, account: { name: 'Acme', region: 'UK', buys_category: true } }]);
  });

  it('handles quoted commas, doubled quotes and line breaks inside quotes, with the right line numbers', async () => {
    const r = await readCsv(
      `name,sector\n"Fletcher, Dunn & Sons","a ""quoted"" sector"\n"Two\nLine Ltd",retail\nLast,x\n`,
    );
    expect(r.accounts).toEqual([
      { line: 2, account: { name: 'Fletcher, Dunn & Sons', sector: 'a "quoted" sector' } },
      { line: 3, account: { name: 'Two Line Ltd', sector: 'retail' } },
      { line: 5, account: { name: 'Last', sector: 'x' } },
    ]);
  });

  it('reads UTF-8 with a BOM and CRLF line ends (Excel), counting lines right across quoted CRLF', async () => {
    const text = '\uFEFFname,employees\r\n"Škoda, s.r.o.",10\r\n"A\r\nB",20\r\n\r\nC,"3,000"\r\n';
    const r = await readCsv(Buffer.from(text, 'utf8'));
    expect(r.accounts).toEqual([
      { line: 2, account: { name: 'Škoda, s.r.o.', employees: 10 } },
      { line: 3, account: { name: 'A B', employees: 20 } },
    ]);
    expect(r.problems).toEqual([
      {
        line: 6,
        column: 3,
        message:
          'employees "3,000" is not a whole number; remove the thousands separators, and write digits only (e.g. 3000)',
      },
    ]);
  });

  it('rejects numbers with currency symbols or separators at the cell, and keeps the good rows', async () => {
    const r = await readCsv(`${HEADER}\nA,,,£1200000,,,,,,\nB,,12,,,,,,,10\nC,,,,,,maybe,,,"1,5"\nD,,-4,,,,,,,\n`);
    expect(r.accounts.map((a) => a.account.name)).toEqual(['B']);
    expect(r).toMatchObject({ rows: 4, badRows: 3 });
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      `2:5 revenue "£1200000" is not a number; remove the currency symbol — the currency is the market's \`currency\`, and write digits only (e.g. 1200000)`,
      '4:8 buys_category "maybe" is not a yes/no value; write true, false, yes or no (or leave the cell empty when unknown)',
      '4:16 annual_spend "1,5" is not a number; remove the thousands separators, and write digits only (e.g. 15)',
      '5:4 employees "-4" is not a whole number; it cannot be negative, and write digits only (e.g. 4)',
    ]);
  });

  it('reports rows with too few or too many cells, and rows without a name; skips blank rows', async () => {
    const r = await readCsv('name,sector,region\nA,b\n,,\n,retail,UK\nB,c,d,e\nC,d,e\n');
    expect(r.accounts).toEqual([{ line: 6, account: { name: 'C', sector: 'd', region: 'e' } }]);
    expect(r.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:3', '4:1', '5:7']);
    expect(r.problems[0]!.message).toMatch(/^the row has 2 cells but the header has 3; quote cells/);
    expect(r.problems[1]!.message).toBe('the name cell is empty; every account needs a name');
    expect(r).toMatchObject({ rows: 4, badRows: 3 });
  });

  it('reports unknown and duplicate columns at the header cell, and a missing name column', async () => {
    const r = await readCsv('name,emplyees,sector,Sector\nA,1,b,c\n');
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message.slice(0, 60)}`)).toEqual([
      '1:6 unknown column "emplyees" (did you mean "employees"?); to re',
      '1:22 column "sector" appears twice in the header; keep one',
    ]);
    const noName = await readCsv('company,sector\nA,b\n');
    expect(noName.accounts).toEqual([]);
    expect(noName.problems.map((p) => p.message)).toContain(
      'the header has no "name" column; every account needs a name, so no row can be read',
    );
    expect(noName).toMatchObject({ rows: 1, badRows: 1 });
  });

  it('stops at a syntax error with its position; rows before it still count', async () => {
    const r = await readCsv('name,sector\nA,b\nB,"c"d\nC,e\n');
    expect(r.accounts.map((a) => a.account.name)).toEqual(['A']);
    expect(r.stoppedAtLine).toBe(3);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/^CSV syntax: .*quote.*; rows after this point were not read$/i);
    const unclosed = await readCsv('name\nA\n"B\nC\n');
    expect(unclosed.accounts.map((a) => a.account.name)).toEqual(['A']);
    expect(unclosed.problems[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('stops at bytes that are not UTF-8 (a Windows-1252 export), pointing at them', async () => {
    const r = await readCsv(
      Buffer.concat([Buffer.from('name,revenue\nA,1\nB'), Buffer.from([0xa3]), Buffer.from('x,2\nC,3\n')]),
    );
    expect(r.accounts.map((a) => a.account.name)).toEqual(['A']);
    expect(r.problems).toEqual([
      {
        line: 3,
        column: 2,
        message:
          'the file is not valid UTF-8 text; re-save it as "CSV UTF-8" (Excel) or with UTF-8 encoding; rows after this point were not read',
      },
    ]);
  });

  it('says when the file is missing, a folder, or over the size limit', async () => {
    const dir = await makeTempDir('personakit-csv-');
    const none = await readAccountsCsv(path.join(dir, 'nope.csv'), {
      maxBytes: 100,
      onAccount: () => undefined,
      onProblem: () => undefined,
    });
    expect(none).toMatchObject({ status: 'missing', message: 'does not exist' });
    const folder = await readAccountsCsv(dir, {
      maxBytes: 100,
      onAccount: () => undefined,
      onProblem: () => undefined,
    });
    expect(folder).toMatchObject({ status: 'unreadable', message: 'is not a file' });
    const big = await readCsv('name\nA\n', 3);
    expect(big.status).toBe('unreadable');
    expect(big.message).toMatch(/more than limits\.maxCsvBytes \(3\)/);
  });

  it('an empty file or a header alone has no accounts and no problems', async () => {
    expect(await readCsv('')).toMatchObject({ status: 'read', rows: 0, problems: [] });
    expect(await readCsv('name,sector\r\n')).toMatchObject({ status: 'read', rows: 0, problems: [] });
  });
});
