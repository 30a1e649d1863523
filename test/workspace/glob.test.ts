import { describe, expect, it } from 'vitest';
import { globBase, globMatcher, isGlob } from '../../src/workspace/glob.js';

describe('glob', () => {
  it.each([
    ['personas/*.yaml', 'personas'],
    ['./personas/**/*.yml', './personas'],
    ['**/*.yml', '.'],
    ['{personas,journeys}/*.yaml', '.'],
    ['/abs/dir/*.yaml', '/abs/dir'],
    ['/*.yaml', '/'],
  ])('globBase(%j) = %j', (pattern, base) => {
    expect(globBase(pattern)).toBe(base);
  });

  it('tells globs from plain paths', () => {
    expect(isGlob('personas/a.yaml')).toBe(false);
    // Pattern characters that make no glob (picomatch decides once one is there).
    for (const p of ['a+b.yaml', 'a@b.yaml', '!a.yaml', 'a]b.yaml']) expect(isGlob(p)).toBe(false);
    expect(isGlob('a(b).yaml')).toBe(true);
    for (const g of ['*.yaml', 'a?.yaml', '[ab].yaml', '{a,b}.yaml']) expect(isGlob(g)).toBe(true);
  });

  it.each([
    ['*.yaml', ['a.yaml', 'b-c.yaml'], ['sub/a.yaml', 'a.yml', 'a.yaml.bak']],
    ['**/*.yml', ['a.yml', 'x/a.yml', 'x/y/z/a.yml'], ['a.yaml', 'x/a.yaml']],
    ['sub/**', ['sub/a.yaml', 'sub/x/y.yml'], ['other/a.yaml']],
    ['*.{yaml,yml}', ['a.yaml', 'a.yml'], ['a.json']],
    ['{a,sub/b}.y*ml', ['a.yaml', 'sub/b.yml'], ['b.yaml', 'sub/a.yaml']],
    ['persona-?.yaml', ['persona-1.yaml'], ['persona-12.yaml', 'persona-/.yaml']],
    ['[ab]*.yaml', ['a1.yaml', 'b.yaml'], ['c.yaml']],
    ['[!ab]*.yaml', ['c.yaml'], ['a.yaml']],
    ['a.b+(c).yaml', ['a.b+(c).yaml'], ['aXb+(c).yaml', 'a.bb(c).yaml']],
  ])('%j', (pattern, matches, misses) => {
    const re = { test: globMatcher(pattern) };
    for (const m of matches) expect(re.test(m), `${pattern} should match ${m}`).toBe(true);
    for (const m of misses) expect(re.test(m), `${pattern} should not match ${m}`).toBe(false);
  });
});
