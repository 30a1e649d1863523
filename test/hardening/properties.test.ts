import { describe, it } from 'vitest';
import { budget, lintProperty, newProperty, parseProperty, renderProperty } from './properties.js';

/**
 * Generated hostile workspaces through validate, check, render and new, in-process (issue 8).
 * Seeded (PERSONAKIT_FUZZ_SEED replays another seed); `npm run fuzz` runs many more cases.
 */
describe('property: any input ends in exit 0, 1 or 2 with no write outside the output and no pollution', () => {
  it('decode, parse and schema-validate (no file system)', { timeout: 120_000 }, () => parseProperty(budget(2000)));
  it('validate and check', { timeout: 120_000 }, () => lintProperty(budget(600)));
  it('render --force in every format', { timeout: 120_000 }, () => renderProperty(budget(150)));
  it('new --answers with hostile answers', { timeout: 120_000 }, () => newProperty(budget(150)));
});
