import { describe, expect, it } from 'vitest';
import { change, checkTree, JOURNEY, lineOf, of, PERSONA } from './helpers.js';

const run = async (journey: string) =>
  (await checkTree({ 'personakit.yaml': 'name: t\n', 'p.yaml': PERSONA, 'j.yaml': journey })).diagnostics;

/** A journey of five buying stages a…e, one phase each in order, and the given sales stages. */
function journeyWith(
  sales: Array<[string, string[]]>,
  phases = ['exposure', 'exposure', 'adoption', 'adoption', 'retention'],
): string {
  const stages = phases
    .map(
      (phase, i) =>
        `  - id: ${'abcde'[i]}\n    name: Stage ${'abcde'[i]}\n    phase: ${phase}\n    message: m\n    touchpoints:\n      - channel: web\n`,
    )
    .join('');
  const salesText = sales
    .map(([id, aligns]) => `  - id: ${id}\n    name: ${id}\n    aligns_with: [${aligns.join(', ')}]\n`)
    .join('');
  return `kind: journey\nid: j\nname: J\npersonas: [fiona]\nstages:\n${stages}${sales.length ? `sales_stages:\n${salesText}` : ''}`;
}

describe('stage-uncovered', () => {
  it('names the buying stage and suggests the nearest sales stage, at the stage', async () => {
    const text = journeyWith([
      ['s1', ['a', 'b']],
      ['s2', ['d']],
      ['s3', ['e']],
    ]);
    expect(of(await run(text), 'stage-uncovered')).toEqual([
      `j.yaml:${lineOf(text, 'id: c')}:5 no sales stage aligns with buying stage "c" (Stage c); add "c" to the aligns_with of the nearest sales stage, "s1", or add a sales stage for it`,
    ]);
  });

  it('suggests the next sales stage when it is nearer', async () => {
    const text = journeyWith([
      ['s1', ['a']],
      ['s2', ['c', 'd', 'e']],
    ]);
    expect(of(await run(text), 'stage-uncovered')).toEqual([
      `j.yaml:${lineOf(text, 'id: b')}:5 no sales stage aligns with buying stage "b" (Stage b); add "b" to the aligns_with of the nearest sales stage, "s1", or add a sales stage for it`,
    ]);
    const later = journeyWith([
      ['s1', ['a']],
      ['s2', ['d', 'e']],
    ]);
    expect(of(await run(later), 'stage-uncovered').map((m) => m.replace(/^\S+ /, ''))).toEqual([
      'no sales stage aligns with buying stage "b" (Stage b); add "b" to the aligns_with of the nearest sales stage, "s1", or add a sales stage for it',
      'no sales stage aligns with buying stage "c" (Stage c); add "c" to the aligns_with of the nearest sales stage, "s2", or add a sales stage for it',
    ]);
  });

  it('stays quiet when every stage is covered (many-to-many), and without sales stages', async () => {
    expect(
      of(
        await run(
          journeyWith([
            ['s1', ['a', 'b', 'c']],
            ['s2', ['c', 'd', 'e']],
          ]),
        ),
        'stage-uncovered',
      ),
    ).toEqual([]);
    expect(of(await run(journeyWith([])), 'stage-uncovered')).toEqual([]);
  });
});

describe('stage-order', () => {
  it('fires on the later sales stage when it starts before one before it reached, naming both', async () => {
    const text = journeyWith([
      ['s1', ['a']],
      ['s2', ['c', 'd']],
      ['s3', ['b', 'e']],
    ]);
    const diagnostics = await run(text);
    expect(of(diagnostics, 'stage-order')).toEqual([
      `j.yaml:${lineOf(text, 'aligns_with: [b, e]')}:19 sales stage "s3" starts at buying stage "b" (Stage b), earlier than "c" (Stage c) where sales stage "s2" before it already starts: the sales stages cross and the seller runs ahead of the buyer; reorder the sales stages or fix their aligns_with`,
    ]);
  });

  it('compares with the furthest of all earlier sales stages, not only the previous one', async () => {
    const text = journeyWith([
      ['s1', ['c']],
      ['s2', ['d']],
      ['s3', ['d', 'e']],
      ['s4', ['a', 'b']],
    ]);
    expect(of(await run(text), 'stage-order').map((m) => m.replace(/^\S+ /, '').split(':')[0])).toEqual([
      'sales stage "s4" starts at buying stage "a" (Stage a), earlier than "d" (Stage d) where sales stage "s2" before it already starts',
    ]);
  });

  it('stays quiet when stages share a starting buying stage or overlap without crossing', async () => {
    expect(
      of(
        await run(
          journeyWith([
            ['s1', ['a', 'b']],
            ['s2', ['a', 'c']],
            ['s3', ['c', 'd', 'e']],
          ]),
        ),
        'stage-order',
      ),
    ).toEqual([]);
  });
});

describe('phase-order', () => {
  it('fires on each stage whose phase is earlier than a phase before it, at its phase', async () => {
    const text = journeyWith([], ['exposure', 'retention', 'adoption', 'exposure', 'retention']);
    expect(of(await run(text), 'phase-order').map((m) => m.split(' buying stage ')[0])).toEqual([
      `j.yaml:${lineOf(text, 'phase: adoption')}:12`,
      `j.yaml:${lineOf(text, 'phase: exposure', 2)}:12`,
    ]);
    expect(of(await run(text), 'phase-order')[0]).toContain(
      'buying stage "c" (Stage c) is in phase adoption, but comes after "b" (Stage b) in phase retention; phases run exposure → adoption → retention',
    );
  });

  it('stays quiet when phases repeat but never go back', async () => {
    expect(
      of(await run(journeyWith([], ['exposure', 'exposure', 'adoption', 'retention', 'retention'])), 'phase-order'),
    ).toEqual([]);
  });
});

describe('phase-missing', () => {
  it('fires once per journey at its stages key, naming the missing phases', async () => {
    const text = journeyWith([], ['exposure', 'exposure', 'adoption', 'adoption', 'adoption']);
    expect(of(await run(text), 'phase-missing')).toEqual([
      'j.yaml:5:1 journey "j" has no retention stage — the journey ends at the sale; add stages for retention',
    ]);
    const two = journeyWith([], ['adoption', 'adoption', 'adoption', 'adoption', 'adoption']);
    expect(of(await run(two), 'phase-missing')).toEqual([
      'j.yaml:5:1 journey "j" has no exposure or retention stage — the journey ends at the sale; add stages for exposure, retention',
    ]);
  });

  it('stays quiet when all three phases are present', async () => {
    expect(
      of(await run(journeyWith([], ['exposure', 'adoption', 'adoption', 'adoption', 'retention'])), 'phase-missing'),
    ).toEqual([]);
  });
});

describe('touchpoint-missing, stage-message-missing, milestone-unacknowledged', () => {
  it('fire at the stage or milestone that lacks it', async () => {
    let text = change(
      JOURNEY,
      '    message: Here is the plan\n    touchpoints:\n      - channel: sales-meeting\n',
      '    message: "  "\n    touchpoints: []\n',
    );
    text = change(text, '    celebrate:\n      channel: letter\n      message: Thank you\n', '');
    const diagnostics = await run(text);
    const at = lineOf(text, 'id: chooses');
    expect(of(diagnostics, 'touchpoint-missing')).toEqual([
      `j.yaml:${at}:5 buying stage "chooses" (Chooses) has no touchpoint; add where the customer meets us at this stage`,
    ]);
    expect(of(diagnostics, 'stage-message-missing')).toEqual([
      `j.yaml:${at}:5 buying stage "chooses" (Chooses) has no message; add what we communicate at this stage`,
    ]);
    expect(of(diagnostics, 'milestone-unacknowledged')).toEqual([
      `j.yaml:${lineOf(text, 'id: signed')}:5 milestone "signed" is not celebrated; add celebrate with the channel and message that acknowledge it`,
    ]);
  });

  it('stay quiet on a complete journey', async () => {
    const diagnostics = await run(JOURNEY);
    expect(diagnostics).toEqual([]);
  });
});

describe('journey rules on schema-invalid journeys', () => {
  it('skip the parts of wrong types without crashing', async () => {
    const text = `kind: journey\nid: j\nname: J\npersonas: fiona\nstages:\n  - 3\n  - id: b\n    phase: 7\n    touchpoints: nope\n    message: [1]\nsales_stages:\n  - aligns_with: b\n  - id: s\n    aligns_with: [1, b, {x: 1}]\nmilestones: {}\n`;
    const diagnostics = await run(text);
    expect(diagnostics.filter((d) => d.rule === 'schema').length).toBeGreaterThan(0);
    expect(
      diagnostics
        .filter((d) => !['schema', 'persona-orphan'].includes(d.rule))
        .map((d) => d.rule)
        .sort(),
    ).toEqual([]);
  });
});
