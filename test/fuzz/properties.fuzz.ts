import { describe, it } from 'vitest';
import { budget, lintProperty, newProperty, parseProperty, renderProperty } from '../hardening/properties.js';

// The same properties as test/hardening/properties.test.ts, scaled up by PERSONAKIT_FUZZ_SCALE.
describe('fuzz: the hardening properties, many more cases', () => {
  it('decode, parse and schema-validate', () => parseProperty(budget(2000)));
  it('validate and check', () => lintProperty(budget(600)));
  it('render --force in every format', () => renderProperty(budget(150)));
  it('new --answers', () => newProperty(budget(150)));
});
