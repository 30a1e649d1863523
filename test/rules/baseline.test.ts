import { describe, expect, it } from 'vitest';
import { checkTree, JOURNEY, MARKET, PERSONA } from './helpers.js';

describe('the test documents', () => {
  it('pass every rule, so each test sees only the fault it makes', async () => {
    const { diagnostics } = await checkTree({
      'personakit.yaml': 'name: t\n',
      'fiona.yaml': PERSONA,
      'buys.yaml': JOURNEY,
      'market.yaml': MARKET,
    });
    expect(diagnostics).toEqual([]);
  });
});
