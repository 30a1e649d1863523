import fc from 'fast-check';

/**
 * Random market criteria for the scoring properties: values written as people write them (case,
 * stray spaces), so that matching ignores both, and bounds that may be one-sided.
 */
export const word = fc.constantFrom(
  'retail',
  'Retail',
  'UK',
  ' uk',
  'uk ',
  'mature',
  'scale-up',
  'slow close',
  'fraud',
  '',
);

export const words = fc.uniqueArray(
  word.filter((w) => w.trim() !== ''),
  { minLength: 1, maxLength: 3 },
);

export const bounds = fc
  .record({ min: fc.integer({ min: 0, max: 1000 }), max: fc.integer({ min: 0, max: 1000 }) }, { requiredKeys: [] })
  .filter((b) => Object.keys(b).length > 0);

export const criteria = fc.record(
  {
    sectors: words,
    regions: words,
    growth_stages: words,
    problems: words,
    employees: bounds,
    revenue: bounds,
    buys_category: fc.boolean(),
    incumbent: fc.constantFrom('any', 'none', 'prefer'),
  },
  { requiredKeys: [] },
);
