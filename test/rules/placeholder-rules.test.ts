import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { completenessOf } from '../../src/model/completeness.js';
import { isPlaceholder, withExtraPlaceholders } from '../../src/model/placeholders.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';
import { change, checkTree as check, lineOf, of, PERSONA, type TreeOptions } from './helpers.js';

const WS = { 'personakit.yaml': 'name: t\n' };
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function checkTree(files: Record<string, string>, options?: TreeOptions) {
  const result = await check(files, options);
  dirs.push(result.dir);
  return result;
}

describe('isPlaceholder', () => {
  it('knows the built-in placeholders, trimmed and ignoring case', () => {
    for (const text of [
      'TODO',
      ' tbd ',
      'Tbc',
      'FIXME',
      'xxx',
      '?',
      '...',
      '…',
      'TODO: a goal',
      'tbd: later',
      'FixMe: x',
    ])
      expect(isPlaceholder(text), text).toBe(true);
    expect(isPlaceholder('Lorem ipsum dolor sit amet')).toBe(true);
  });

  it('leaves real text alone, including text that merely mentions a placeholder word', () => {
    for (const text of ['TODO list app', 'Tracks TODOs', 'Why?', 'xxx-large', '', 'TBD soon', 'Fixing things'])
      expect(isPlaceholder(text), text).toBe(false);
    expect(isPlaceholder(3)).toBe(false);
  });

  it('takes more values and prefixes from the workspace', () => {
    const extra = withExtraPlaceholders({ values: ['N/A'], prefixes: ['Draft:'] });
    expect(isPlaceholder('n/a', extra)).toBe(true);
    expect(isPlaceholder('DRAFT: to rewrite', extra)).toBe(true);
    expect(isPlaceholder('TODO', extra)).toBe(true);
    expect(isPlaceholder('n/a')).toBe(false);
  });

  // isPlaceholder rules most texts out by their first character, before lower-casing anything.
  it('says what the whole text, trimmed and lower-cased, says, for any text and placeholders', () => {
    const piece = fc.constantFrom(
      't',
      'T',
      'odo',
      'O',
      ':',
      ' ',
      '\u0130',
      'i',
      'K',
      '\u212a',
      'k',
      '\u03a3',
      '\u00e9',
      'x',
      '',
    );
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 3 }),
        fc.array(text, { maxLength: 3 }),
        (value, values, prefixes) => {
          const placeholders = withExtraPlaceholders({ values, prefixes });
          const whole = value.trim().toLowerCase();
          const expected =
            whole !== '' &&
            (placeholders.values.includes(whole) || placeholders.prefixes.some((p) => whole.startsWith(p)));
          expect(isPlaceholder(value, placeholders)).toBe(expected);
          expect(isPlaceholder(value, { values: ['', ...values], prefixes: [''] })).toBe(value.trim() !== '');
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('completeness with placeholders', () => {
  it('does not count a heading whose only values are placeholders', () => {
    const c = completenessOf({
      about: { job_title: 'TODO: job title' },
      personality: { traits: ['TBD'] },
      goals: [{ id: 'g', type: 'commercial', text: 'TODO: a goal' }],
      challenges: [{ id: 'c', type: 'resources', text: '…' }],
      hangouts: [{ name: 'TODO', type: 'website' }],
      value: [{ text: 'FIXME', addresses: ['g'] }],
      objections: [{ text: '?' }],
      messages: [{ theme: 'cost', text: 'lorem ipsum', channels: ['email'] }],
    });
    expect(c.percent).toBe(0);
    expect(c.missing).toHaveLength(8);
  });

  it('counts a heading with one real value among placeholders', () => {
    const c = completenessOf({
      about: { job_title: 'TODO', location: 'Leeds' },
      goals: [
        { id: 'a', type: 'commercial', text: 'TODO' },
        { id: 'b', type: 'commercial', text: 'Close faster' },
      ],
    });
    expect(c.headings.filter((h) => h.filled).map((h) => h.key)).toEqual(['about', 'goals']);
  });
});

describe('placeholder-text', () => {
  it('fires at each placeholder value, saying what to write there', async () => {
    let text = change(PERSONA, 'job_title: Finance director', 'job_title: "TODO: job title"');
    text = change(text, 'text: Audit findings', 'text: TBD');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'placeholder-text')).toEqual([
      `p.yaml:${lineOf(text, 'job_title')}:14 about.job_title is a placeholder ("TODO: job title"); write their job title, e.g. \`Finance Director\``,
      `p.yaml:${lineOf(text, 'text: TBD')}:11 challenges[0].text is a placeholder ("TBD"); write the challenge in plain words, e.g. \`Auditors found errors in last year's accounts\``,
    ]);
    expect(diagnostics.find((d) => d.rule === 'placeholder-text')!.severity).toBe('warning');
    // Neither heading holds anything else: the persona is incomplete too.
    expect(of(diagnostics, 'persona-completeness')).toEqual([
      'p.yaml:2:5 persona "fiona" is incomplete — missing: about them, challenges (6/8 = 75 %, minimum 100 %)',
    ]);
  });

  it('fires in journeys and markets too', async () => {
    const market = 'kind: market\nid: m\nname: M\noffering: TBC\ncriteria: {}\n';
    const { diagnostics } = await checkTree({ ...WS, 'm.yaml': market });
    expect(of(diagnostics, 'placeholder-text')).toEqual([
      'm.yaml:4:11 offering is a placeholder ("TBC"); write what we sell to this market, e.g. `Finance automation platform`',
    ]);
  });

  it("is quiet on real text, on text that only mentions TODO and on the user's own x- fields", async () => {
    const text = change(
      PERSONA,
      'name: Finance Fiona\n',
      'name: Finance Fiona\ntagline: Keeps a TODO list\nx-notes: TODO\n',
    );
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'placeholder-text')).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('takes extra placeholders from personakit.yaml', async () => {
    const text = change(PERSONA, 'job_title: Finance director', 'job_title: n/a');
    const plain = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(plain.diagnostics, 'placeholder-text')).toEqual([]);
    const extended = await checkTree({
      'personakit.yaml': 'placeholders:\n  values: [N/A]\n  prefixes: ["draft:"]\n',
      'p.yaml': text,
    });
    expect(of(extended.diagnostics, 'placeholder-text')).toHaveLength(1);
    expect(of(extended.diagnostics, 'persona-completeness')).toEqual([
      'p.yaml:2:5 persona "fiona" is incomplete — missing: about them (7/8 = 87 %, minimum 100 %)',
    ]);
  });

  it('refuses a bad placeholders setting at personakit.yaml:line:column, exit 2', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    await writeTree(dir, { 'personakit.yaml': 'name: t\nplaceholders:\n  values: n/a\n', 'p.yaml': PERSONA });
    // Through the built binary too (runBoth: the same bytes as in-process).
    const result = await runBoth(['check'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('personakit.yaml:3:11: placeholders.values must be a list');
  });

  it('is listed by --list-rules as a warning', async () => {
    const { dir } = await checkTree({ ...WS });
    const listed = await run(['check', '--list-rules'], { cwd: dir });
    expect(listed.stdout).toMatch(/^placeholder-text +warning +warning +A value is placeholder text/m);
    expect(listed.stdout).toMatch(/^evidence-future +warning +warning /m);
  });

  it('can be turned off', async () => {
    const text = change(PERSONA, 'text: Audit findings', 'text: TBD');
    const { diagnostics } = await checkTree({ 'personakit.yaml': 'rules:\n  placeholder-text: off\n', 'p.yaml': text });
    expect(of(diagnostics, 'placeholder-text')).toEqual([]);
  });
});

describe('evidence-future', () => {
  const withDate = (date: string) =>
    change(PERSONA, 'date: "2026-05-01"', `date: "2026-05-01"\n  - source: survey\n    date: "${date}"`);

  it('fires at an evidence date after today (UTC)', async () => {
    const text = withDate('2026-11-24');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'evidence-future')).toEqual([
      `p.yaml:${lineOf(text, '2026-11-24')}:11 evidence[1].date of persona "fiona" is 2026-11-24, after today (2026-11-23); write the date the research was done`,
    ]);
    expect(diagnostics.find((d) => d.rule === 'evidence-future')!.severity).toBe('warning');
  });

  it('is quiet for today and earlier, and leaves an impossible date to schema', async () => {
    expect(of((await checkTree({ ...WS, 'p.yaml': withDate('2026-11-23') })).diagnostics, 'evidence-future')).toEqual(
      [],
    );
    const bad = await checkTree({ ...WS, 'p.yaml': withDate('2027-02-30') });
    expect(of(bad.diagnostics, 'evidence-future')).toEqual([]);
    expect(of(bad.diagnostics, 'schema')).toHaveLength(1);
  });
});

describe('a date that does not exist', () => {
  const withDate = (date: string) => change(PERSONA, 'date: "2026-05-01"', `date: "${date}"`);

  it('is a schema error that says the date does not exist', async () => {
    const text = withDate('2026-02-30');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'schema')).toEqual([
      `p.yaml:${lineOf(text, '2026-02-30')}:11 evidence[0].date is 2026-02-30, a date that does not exist; February 2026 has 28 days`,
    ]);
    const month = await checkTree({ ...WS, 'p.yaml': withDate('2026-13-01') });
    expect(of(month.diagnostics, 'schema')[0]).toContain(
      '2026-13-01, a date that does not exist; the month must be 01 to 12',
    );
  });

  it('keeps the format message for a badly written date, and accepts 29 February of a leap year', async () => {
    const wrong = await checkTree({ ...WS, 'p.yaml': withDate('2026-5-1') });
    expect(of(wrong.diagnostics, 'schema')[0]).toContain('must be a date written YYYY-MM-DD');
    expect(of((await checkTree({ ...WS, 'p.yaml': withDate('2024-02-29') })).diagnostics, 'schema')).toEqual([]);
  });
});

describe('a persona stub', () => {
  it('`new persona --yes` then `check` exits 1: placeholders fill no heading', async () => {
    const { dir } = await checkTree({ ...WS });
    const created = await run(['new', 'persona', '--yes'], { cwd: dir });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('0 % complete');
    const checked = await run(['check'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('persona-completeness');
    expect(checked.stdout).toContain('placeholder-text');
  });
});
