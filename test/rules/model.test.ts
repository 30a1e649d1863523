import { describe, expect, it } from 'vitest';
import { alignmentOf } from '../../src/model/alignment.js';
import { completenessOf } from '../../src/model/completeness.js';

const journey = (stages: string[], sales: Array<string[] | unknown>, phases?: string[]) => ({
  stages: stages.map((id, i) => ({ id, name: id.toUpperCase(), phase: phases?.[i] })),
  sales_stages: sales.map((aligns, i) => ({ id: `s${i + 1}`, aligns_with: aligns })),
});

describe('alignmentOf', () => {
  it('builds the buying × sales matrix, many-to-many', () => {
    const a = alignmentOf(
      journey(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
    );
    expect(a.matrix).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
    expect(a.salesStages.map((s) => s.first)).toEqual([0, 1]);
    expect(a.uncovered).toEqual([]);
    expect(a.crossings).toEqual([]);
  });

  it('crossing: first(sᵢ) < max over j<i of first(sⱼ), naming the stage that reached further', () => {
    // firsts: s1=1, s2=3, s3=2 (crosses s2), s4=3 (ties s2: fine), s5=0 (crosses s2, the first to reach 3)
    const a = alignmentOf(journey(['a', 'b', 'c', 'd'], [['b'], ['d'], ['c', 'd'], ['d'], ['a', 'd']]));
    expect(a.crossings).toEqual([
      { sales: 2, reachedFurther: 1 },
      { sales: 4, reachedFurther: 1 },
    ]);
  });

  it('ignores aligns_with entries that name no buying stage, and sales stages with none', () => {
    const a = alignmentOf(journey(['a', 'b'], [['b'], ['ghost'], 'a', ['a', 'ghost']]));
    expect(a.salesStages.map((s) => s.alignsWith)).toEqual([['b'], [], [], ['a']]);
    expect(a.crossings).toEqual([{ sales: 3, reachedFurther: 0 }]);
  });

  it('reports uncovered buying stages only when the journey has sales stages', () => {
    expect(alignmentOf(journey(['a', 'b', 'c'], [['a'], ['c']])).uncovered).toEqual([1]);
    const none = alignmentOf({ stages: [{ id: 'a' }, { id: 'b' }] });
    expect(none.hasSalesStages).toBe(false);
    expect(none.uncovered).toEqual([]);
  });

  it('finds phase regressions against the latest phase so far, and the missing phases', () => {
    const a = alignmentOf(journey(['a', 'b', 'c', 'd'], [], ['exposure', 'retention', 'adoption', 'exposure']));
    expect(a.phaseRegressions).toEqual([
      { stage: 2, after: 1 },
      { stage: 3, after: 1 },
    ]);
    expect(a.phasesMissing).toEqual([]);
    expect(alignmentOf(journey(['a'], [], ['adoption'])).phasesMissing).toEqual(['exposure', 'retention']);
  });

  it('keeps YAML indexes when items are malformed, and accepts any input', () => {
    const a = alignmentOf({
      stages: [null, { id: 'b', phase: 'nope' }, 'x'],
      sales_stages: [3, { aligns_with: ['b'] }],
    });
    expect(a.buyingStages).toEqual([{ index: 1, id: 'b', name: 'b' }]);
    expect(a.salesStages).toEqual([{ index: 1, id: '#2', name: 'sales stage 2', alignsWith: ['b'], first: 0 }]);
    for (const input of [undefined, null, 7, 'text', [], { stages: 'x', sales_stages: {} }])
      expect(() => alignmentOf(input)).not.toThrow();
  });
});

describe('completenessOf', () => {
  it('scores filled headings of eight, rounded down', () => {
    const c = completenessOf({
      about: { age: 40 },
      personality: { communication: ['email'] },
      goals: [{ text: 'Close faster' }],
      challenges: [{ text: 'Audits' }],
      hangouts: [{ name: 'Forum' }],
      value: [],
    });
    expect(c).toMatchObject({
      filled: 5,
      total: 8,
      percent: 62,
      missing: ['what we can do for them', 'objections', 'message'],
    });
  });

  it('does not count blank about fields or x- extensions, and accepts any input', () => {
    expect(completenessOf({ about: { gender: ' ', 'x-note': 'y' } }).headings[0]!.filled).toBe(false);
    for (const input of [undefined, null, 3, [], { goals: 'many' }]) expect(completenessOf(input).percent).toBe(0);
  });
});
