import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/rules/evidence-stale.js';
import { change, checkTree, JOURNEY, lineOf, of, PERSONA } from './helpers.js';

const WS = { 'personakit.yaml': 'name: t\n' };
const noHangoutsOrObjections = change(
  change(PERSONA, 'hangouts:\n  - name: Finance forum\n    type: community\n', ''),
  'objections:\n  - text: Locked in to the ERP contract\n',
  '',
);

describe('persona-completeness', () => {
  it('names the missing headings with the score, at the persona id', async () => {
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': noHangoutsOrObjections });
    expect(of(diagnostics, 'persona-completeness')).toEqual([
      'p.yaml:2:5 persona "fiona" is incomplete — missing: hangouts, objections (6/8 = 75 %, minimum 100 %)',
    ]);
    expect(diagnostics.find((d) => d.rule === 'persona-completeness')!.severity).toBe('error');
  });

  it('is measured against the minimum at the boundary: 75 % passes 75, fails 76', async () => {
    const files = { ...WS, 'p.yaml': noHangoutsOrObjections };
    expect(of((await checkTree(files, { minCompleteness: 75 })).diagnostics, 'persona-completeness')).toEqual([]);
    expect(of((await checkTree(files, { minCompleteness: 76 })).diagnostics, 'persona-completeness')).toEqual([
      'p.yaml:2:5 persona "fiona" is incomplete — missing: hangouts, objections (6/8 = 75 %, minimum 76 %)',
    ]);
  });

  it('takes the minimum from personakit.yaml, and the command line over it', async () => {
    const files = { 'personakit.yaml': 'completeness:\n  min: 75\n', 'p.yaml': noHangoutsOrObjections };
    expect(of((await checkTree(files)).diagnostics, 'persona-completeness')).toEqual([]);
    expect(of((await checkTree(files, { minCompleteness: 80 })).diagnostics, 'persona-completeness')).toHaveLength(1);
  });

  it('counts an empty heading as missing and uses the human names', async () => {
    const text = change(
      change(PERSONA, 'personality:\n  traits: [careful]\n', 'personality:\n  traits: []\n'),
      'value:\n  - text: Automated reconciliations\n    addresses: [close-faster, audit-risk]\n',
      'value: []\n',
    );
    expect(of((await checkTree({ ...WS, 'p.yaml': text })).diagnostics, 'persona-completeness')).toEqual([
      'p.yaml:2:5 persona "fiona" is incomplete — missing: personality, what we can do for them (6/8 = 75 %, minimum 100 %)',
    ]);
  });

  it('never crashes on wrong types (a schema-invalid persona is scored on what is readable)', async () => {
    const text = change(PERSONA, 'goals:\n', 'goals: 3\nx-old-goals:\n');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'persona-completeness')).toEqual([
      'p.yaml:2:5 persona "fiona" is incomplete — missing: goals (7/8 = 87 %, minimum 100 %)',
    ]);
    expect(diagnostics.some((d) => d.rule === 'schema')).toBe(true);
  });
});

describe('value-unaddressed', () => {
  it('fires on each goal or challenge no value entry addresses, at its id', async () => {
    const text = change(PERSONA, 'addresses: [close-faster, audit-risk]', 'addresses: [close-faster]');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'value-unaddressed')).toEqual([
      `p.yaml:${lineOf(text, 'id: audit-risk')}:9 challenge "audit-risk" is not addressed by any value entry; add "audit-risk" to the addresses of the value that helps with it`,
    ]);
  });

  it('stays quiet when another value entry addresses it', async () => {
    const text = change(
      PERSONA,
      'addresses: [close-faster, audit-risk]',
      'addresses: [close-faster]\n  - text: Audit trail\n    addresses: [audit-risk]',
    );
    expect(of((await checkTree({ ...WS, 'p.yaml': text })).diagnostics, 'value-unaddressed')).toEqual([]);
  });
});

describe('evidence-missing', () => {
  it('fires when a persona has no evidence, or an empty list', async () => {
    const none = change(PERSONA, 'evidence:\n  - source: interview\n    date: "2026-05-01"\n', '');
    const empty = change(PERSONA, 'evidence:\n  - source: interview\n    date: "2026-05-01"\n', 'evidence: []\n');
    const { diagnostics } = await checkTree({
      ...WS,
      'a.yaml': none,
      'b.yaml': change(empty, 'id: fiona', 'id: fiona-b'),
    });
    expect(of(diagnostics, 'evidence-missing')).toEqual([
      'a.yaml:2:5 persona "fiona" has no evidence; add the research it rests on (source and date)',
      'b.yaml:2:5 persona "fiona-b" has no evidence; add the research it rests on (source and date)',
    ]);
  });

  it('stays quiet with one evidence entry', async () => {
    expect(of((await checkTree({ ...WS, 'p.yaml': PERSONA })).diagnostics, 'evidence-missing')).toEqual([]);
  });
});

describe('evidence-stale', () => {
  const dated = (...dates: string[]) =>
    change(
      PERSONA,
      '  - source: interview\n    date: "2026-05-01"\n',
      dates.map((d) => `  - source: interview\n    date: "${d}"\n`).join(''),
    );

  it('fires when the newest evidence is more than maxAgeDays whole days old, at its date', async () => {
    // 2026-11-23 − 2025-11-22 = 366 days > 365.
    const text = dated('2024-01-01', '2025-11-22', '2023-05-05');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'evidence-stale')).toEqual([
      `p.yaml:${lineOf(text, '2025-11-22')}:11 the newest evidence of persona "fiona" (2025-11-22) is 366 days old, more than 365 days (evidence.maxAgeDays); refresh the research`,
    ]);
  });

  it('stays quiet at exactly maxAgeDays, whatever the time of day', async () => {
    const text = dated('2025-11-23');
    expect(
      of(
        (await checkTree({ ...WS, 'p.yaml': text }, { today: new Date('2026-11-23T23:59:59Z') })).diagnostics,
        'evidence-stale',
      ),
    ).toEqual([]);
  });

  it('uses evidence.maxAgeDays from personakit.yaml', async () => {
    const text = dated('2026-11-13');
    const files = { 'personakit.yaml': 'evidence:\n  maxAgeDays: 9\n', 'p.yaml': text };
    expect(of((await checkTree(files)).diagnostics, 'evidence-stale')).toHaveLength(1);
    const ten = { 'personakit.yaml': 'evidence:\n  maxAgeDays: 10\n', 'p.yaml': text };
    expect(of((await checkTree(ten)).diagnostics, 'evidence-stale')).toEqual([]);
  });

  it('does not let a date after today make stale research look fresh (evidence-future reports that date)', async () => {
    const text = dated('2025-11-22', '2027-03-01');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'evidence-stale')).toEqual([
      `p.yaml:${lineOf(text, '2025-11-22')}:11 the newest evidence of persona "fiona" (2025-11-22) is 366 days old, more than 365 days (evidence.maxAgeDays); refresh the research`,
    ]);
    expect(of(diagnostics, 'evidence-future')).toHaveLength(1);
  });

  it('stays quiet when the recent research is real and only a later entry is in the future, or all are', async () => {
    const recent = dated('2026-10-01', '2027-03-01');
    expect(of((await checkTree({ ...WS, 'p.yaml': recent })).diagnostics, 'evidence-stale')).toEqual([]);
    const future = dated('2027-03-01');
    expect(of((await checkTree({ ...WS, 'p.yaml': future })).diagnostics, 'evidence-stale')).toEqual([]);
  });

  it('ignores dates that are not real dates (the schema reports them) and does not crash', async () => {
    const text = dated('2026-02-30', '20 May');
    const { diagnostics } = await checkTree({ ...WS, 'p.yaml': text });
    expect(of(diagnostics, 'evidence-stale')).toEqual([]);
  });
});

describe('evidence dates', () => {
  /** The definition: YYYY-MM-DD in ASCII digits, a day that exists, as midnight UTC. */
  function byPattern(text: string): number | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const back = new Date(Date.UTC(y, mo - 1, d));
    return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
      ? back.getTime()
      : undefined;
  }

  it('reads a date as the pattern does, for any text', () => {
    expect(parseIsoDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const text of ['2023-02-29', '0050-01-01', '2024-1-01', '2024-01-01\n', '２０２４-01-01', '2024/01/01'])
      expect(parseIsoDay(text), text).toBeUndefined();
    const piece = fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', '\n', '\u0661', 'a');
    const date = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    );
    const written = date.map(
      ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 11 }).map((p) => p.join('')),
          written,
          // A written date with one character changed.
          fc
            .tuple(written, fc.nat(9), piece)
            .map(([text, at, replacement]) => text.slice(0, at) + replacement + text.slice(at + 1)),
        ),
        (text) => {
          expect(parseIsoDay(text)).toBe(byPattern(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('persona-orphan', () => {
  it('fires on a persona no journey uses, when the workspace holds journeys', async () => {
    const other = change(PERSONA, 'id: fiona', 'id: olga');
    const { diagnostics } = await checkTree({ ...WS, 'fiona.yaml': PERSONA, 'olga.yaml': other, 'j.yaml': JOURNEY });
    expect(of(diagnostics, 'persona-orphan')).toEqual([
      'olga.yaml:2:5 persona "olga" is in no journey; add "olga" to the personas of the journeys they travel',
    ]);
  });

  it('stays quiet when the workspace has no journeys', async () => {
    expect(of((await checkTree({ ...WS, 'p.yaml': PERSONA })).diagnostics, 'persona-orphan')).toEqual([]);
  });

  it('counts journeys outside the files asked about', async () => {
    const { diagnostics } = await checkTree(
      {
        'personakit.yaml': 'paths: [personas, journeys]\n',
        'personas/fiona.yaml': PERSONA,
        'journeys/buys.yaml': JOURNEY,
      },
      { paths: ['personas/fiona.yaml'] },
    );
    expect(diagnostics).toEqual([]);
  });
});
