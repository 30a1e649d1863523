import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../src/schema/compile.js';
import { proposeId, slugify, uniqueId } from '../../src/scaffold/ids.js';
import { isAge, isHttpsUrl, isId, isIsoDate, isNumber, isPicture } from '../../src/scaffold/validators.js';

describe('ids proposed from names', () => {
  it.each([
    ['Finance Fiona', 'finance-fiona'],
    ['Zoë Müller-Straße', 'zoe-muller-strasse'],
    ['  CFO / Head of Finance  ', 'cfo-head-of-finance'],
    ['Ærøskøbing Ltd', 'aeroskobing-ltd'],
    ['日本', ''],
  ])('%s → %s', (name, id) => expect(slugify(name)).toBe(id));

  it('appends -2, -3… until unique, and falls back when the name has no letters', () => {
    expect(uniqueId('fiona', new Set(['fiona', 'fiona-2']), 'persona')).toBe('fiona-3');
    expect(proposeId('日本', new Set(), 'new-persona')).toBe('new-persona');
    expect(proposeId('Close the books in three days', new Set(), 'goal', 4)).toBe('close-the-books-in');
  });

  it('always proposes an id the schema accepts', () => {
    const idSchema = validatorFor('persona');
    fc.assert(
      fc.property(fc.string(), (name) => {
        const id = proposeId(name, new Set(), 'persona');
        return idSchema({ kind: 'persona', id, name: 'x' });
      }),
    );
  });
});

describe('validators agree with the schema', () => {
  const accepts = (data: Record<string, unknown>) =>
    validatorFor('persona')({ kind: 'persona', id: 'p', name: 'P', ...data });

  it('ids', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zA-Z0-9 _-]{0,8}$/),
        (text) => (isId(text) === true) === accepts({ goals: [{ id: text, type: 'personal', text: 't' }] }),
      ),
    );
  });

  it.each(['45', '40-55', '40 - 55', '151', 'old', '4o', '-3'])('age %s', (text) => {
    const value = /^\d+$/.test(text) ? Number(text) : text;
    expect(isAge(text) === true).toBe(accepts({ about: { age: value } }));
  });

  it.each(['https://example.com', 'http://example.com', 'example.com'])('url %s', (text) => {
    expect(isHttpsUrl(text) === true).toBe(accepts({ hangouts: [{ name: 'n', type: 'website', url: text }] }));
  });

  it('is stricter than the schema only where the schema lets nonsense through', () => {
    // ajv's "uri" format accepts a bare scheme; a prompt should not.
    expect(accepts({ hangouts: [{ name: 'n', type: 'website', url: 'https://' }] })).toBe(true);
    expect(isHttpsUrl('https://')).toMatch(/not a valid web address/);
  });

  it.each(['2026-05-01', '2026-02-30', '26-05-01', '2026-5-1'])('date %s', (text) => {
    expect(isIsoDate(text) === true).toBe(accepts({ evidence: [{ source: 'survey', date: text }] }));
  });

  it('numbers honour their bounds', () => {
    expect(isNumber(0, 1)('1')).toBe(true);
    expect(isNumber(0, 1, true)('0')).toMatch(/more than 0/);
    expect(isNumber(0)('1_000')).toBe(true);
    expect(isNumber(0)('abc')).toMatch(/not a number/);
  });
});

describe('validator messages', () => {
  it('a refused id offers its kebab-case form, when it has one', () => {
    expect(isId('IT-Manager-Ian')).toBe(
      '"IT-Manager-Ian" is not an id (lower-case letters, digits and hyphens); use "it-manager-ian"',
    );
    expect(isId('Zoë Müller')).toMatch(/use "zoe-muller"$/);
    expect(isId('!!!')).not.toMatch(/use "/);
    expect(isId('it-manager-ian')).toBe(true);
  });

  it('a picture is a relative path or an https address', () => {
    expect(isPicture('images/fiona.jpg')).toBe(true);
    expect(isPicture('https://example.com/f.png')).toBe(true);
    expect(isPicture('http://example.com/f.png')).toMatch(/not an https:\/\/ address/);
    expect(isPicture('/home/f.png')).toMatch(/absolute path/);
    expect(isPicture('C:\\pics\\f.png')).toMatch(/absolute path/);
  });
});
