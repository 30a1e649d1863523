import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/diff-types.js';
import { diffPersona } from '../../src/model/diff-persona.js';
import { diffValue, similarity } from '../../src/model/diff-values.js';

const diff = (before: unknown, after: unknown) => {
  const out: Change[] = [];
  diffValue('', before, after, out);
  return out;
};

describe('diffValue: items by identity, not by position', () => {
  it('finds nothing when only the order of keys changed', () => {
    expect(diff({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('reports a reordered id list once, and no item as changed', () => {
    const goals = (ids: string[]) => ({ goals: ids.map((id) => ({ id, text: id })) });
    expect(diff(goals(['a', 'b', 'c']), goals(['c', 'a', 'b']))).toEqual([
      { field: 'goals', change: 'reordered', before: 'a → b → c', after: 'c → a → b' },
    ]);
  });

  it('keeps a list of texts quiet when only its order changed', () => {
    const objections = (texts: string[]) => ({ objections: texts.map((text) => ({ text })) });
    expect(diff(objections(['Too dear', 'Locked in']), objections(['Locked in', 'Too dear']))).toEqual([]);
  });

  it('pairs an item without an id whose text was edited a little as reworded', () => {
    const before = { objections: [{ text: 'Locked in to a three-year ERP contract' }, { text: 'No budget' }] };
    const after = { objections: [{ text: 'Locked in to a five-year ERP contract' }, { text: 'Fear of change' }] };
    expect(diff(before, after)).toEqual([
      { field: 'objections', change: 'removed', item: 'No budget' },
      { field: 'objections', change: 'added', item: 'Fear of change' },
      {
        field: 'objections',
        change: 'reworded',
        item: 'Locked in to a five-year ERP contract',
        before: 'Locked in to a three-year ERP contract',
        after: 'Locked in to a five-year ERP contract',
      },
    ]);
  });

  it('numbers repeated keys instead of losing an item', () => {
    expect(diff({ roles: ['user'] }, { roles: ['user', 'user'] })).toEqual([
      { field: 'roles', change: 'added', item: 'user #2' },
    ]);
  });

  it('measures similarity by shared words', () => {
    expect(similarity('a b c d', 'a b c e')).toBeCloseTo(3 / 5);
    expect(similarity('', '')).toBe(1);
  });
});

describe('diffPersona', () => {
  it('stays quiet for an unchanged persona and for one whose goals were only moved', () => {
    const persona = {
      kind: 'persona',
      id: 'p',
      name: 'P',
      goals: [
        { id: 'a', type: 'commercial', text: 'A' },
        { id: 'b', type: 'personal', text: 'B' },
      ],
    };
    expect(diffPersona(persona, structuredClone(persona))).toEqual([]);
    const moved = { ...persona, goals: [...persona.goals].reverse() };
    expect(diffPersona(persona, moved).map((c) => c.change)).toEqual(['reordered']);
  });

  it('counts placeholder text as no content, with each revision’s own placeholders', () => {
    const before = { kind: 'persona', id: 'p', name: 'P', goals: [{ id: 'a', type: 'commercial', text: 'TBD' }] };
    const after = { ...before, goals: [{ id: 'a', type: 'commercial', text: 'Close in three days' }] };
    const changes = diffPersona(before, after);
    expect(changes).toContainEqual({ field: 'headings', change: 'filled', item: 'goals' });
    expect(changes).toContainEqual({ field: 'completeness', change: 'changed', before: '0 %', after: '12 %' });
  });
});
