import { describe, expect, it } from 'vitest';
import { digitGroups, intText } from '../../src/util/int-text.js';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('intText and digitGroups', () => {
  const samples = [
    0,
    1,
    9,
    10,
    99,
    100,
    999,
    1000,
    1001,
    1010,
    1100,
    9999,
    10000,
    100000,
    999999,
    1000000,
    1000001,
    123456789,
    2 ** 31,
    2 ** 32 + 5,
    Number.MAX_SAFE_INTEGER,
  ];
  for (let i = 0; i < 2000; i++)
    samples.push(Math.floor(Math.random() ** 3 * Number.MAX_SAFE_INTEGER), Math.floor(Math.random() * 1e7));

  it('writes whole numbers as String does, with and without a separator', () => {
    for (const n of samples) {
      expect(intText(n)).toBe(String(n));
      expect(digitGroups(n, ',')).toBe(grouped(n));
    }
  });

  it('leaves what is not a safe whole number ≥ 0 to String', () => {
    for (const n of [-1, -1234, 1.5, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY, -0])
      expect(intText(n)).toBe(String(n));
  });
});
