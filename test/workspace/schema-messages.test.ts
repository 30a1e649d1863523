import { describe, expect, it } from 'vitest';
import { humanPath } from '../../src/schema/messages.js';
import { didYouMean } from '../../src/schema/suggest.js';
import { validateAgainst } from '../../src/schema/validate.js';

const base = { kind: 'persona', id: 'p', name: 'P' };
const messages = (data: Record<string, unknown>, kind: 'persona' | 'journey' | 'market' | 'settings' = 'persona') =>
  validateAgainst(kind, data).map((p) => `${p.pointer} ${p.message}`);

describe('schema messages in plain words, one per problem', () => {
  it.each([
    [
      { ...base, about: { age: '40-' } },
      ['/about/age about.age must be a whole number or an age range like "40-55" — got "40-"'],
    ],
    [{ ...base, about: { age: true } }, ['/about/age about.age must be a whole number or a string — got true']],
    [
      { ...base, id: 'Bad_Id' },
      [
        '/id id must be an id of lowercase letters, digits and hyphens, starting with a letter or digit (like "finance-fiona") — got "Bad_Id"',
      ],
    ],
    [
      { ...base, hangouts: [{ name: 'x', type: 'website', url: 'http://x' }] },
      ['/hangouts/0/url hangouts[0].url must be an https:// address — got "http://x"'],
    ],
    [
      { ...base, evidence: [{ source: 'crm', date: '2026-13-45' }] },
      ['/evidence/0/date evidence[0].date is 2026-13-45, a date that does not exist; the month must be 01 to 12'],
    ],
    [{ ...base, roles: ['user', 'user'] }, ['/roles/1 roles lists "user" twice; remove the repeat']],
    [
      { ...base, value: [{ text: 't', addresses: [] }] },
      ['/value/0/addresses value[0].addresses must list at least one item'],
    ],
    [{ ...base, name: '' }, ['/name name must not be empty']],
    [
      {
        kind: 'journey',
        id: 'j',
        name: 'J',
        personas: ['p'],
        stages: [{ id: 's', name: 'S', phase: 'exposure', emotion: 5 }],
      },
      ['/stages/0/emotion stages[0].emotion must be at most 2 — got 5'],
    ],
    [
      { kind: 'market', id: 'm', name: 'M', criteria: {}, currency: 'gbp' },
      ['/currency currency must be a three-letter ISO 4217 currency code in capitals (like "GBP") — got "gbp"'],
    ],
    [
      { kind: 'market', id: 'm', name: 'M', criteria: {}, fit: { threshold: 2 } },
      ['/fit/threshold fit.threshold must be at most 1 — got 2'],
    ],
  ])('%j', (data, expected) => {
    const kind = (data as { kind: 'persona' | 'journey' | 'market' }).kind;
    expect(messages(data, kind)).toEqual(expected);
  });

  it('names a missing property at the parent and an unknown one at its key', () => {
    expect(
      validateAgainst('persona', { kind: 'persona', id: 'p', goals: [{ id: 'g', text: 't', tpye: 'personal' }] }),
    ).toEqual([
      { pointer: '', at: 'value', message: 'missing required property "name"' },
      { pointer: '/goals/0', at: 'value', message: 'missing required property "type" in goals[0]' },
      {
        pointer: '/goals/0/tpye',
        at: 'key',
        message:
          'unknown property "tpye" in goals[0] (did you mean "type"?); remove it, or prefix it with "x-" to keep your own data',
      },
    ]);
  });

  it('lets x- keys through everywhere, unvalidated', () => {
    expect(
      messages({
        ...base,
        'x-anything': { deep: [1, { no: 'rules' }] },
        goals: [{ id: 'g', type: 'personal', text: 't', 'x-crm': 1 }],
      }),
    ).toEqual([]);
  });

  it('validates personakit.yaml', () => {
    expect(messages({ paths: 'personas' }, 'settings')).toEqual(['/paths paths must be a list — got "personas"']);
  });
});

describe('helpers', () => {
  it('humanPath reads like a field reference', () => {
    expect(humanPath('/goals/0/type')).toBe('goals[0].type');
    expect(humanPath('/x-a~1b/0')).toBe('x-a/b[0]');
    expect(humanPath('')).toBe('');
  });

  it('didYouMean suggests only close matches, transpositions included', () => {
    expect(didYouMean('comercial', ['commercial', 'personal', 'emotional'])).toBe('commercial');
    expect(didYouMean('tpye', ['type', 'text'])).toBe('type');
    expect(didYouMean('Goals', ['goals'])).toBe('goals');
    expect(didYouMean('zzz', ['goals', 'name'])).toBeUndefined();
    expect(didYouMean('goals', ['goals'])).toBeUndefined();
  });
});
