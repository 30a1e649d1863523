import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { display, isInside, resolveBelow } from '../../src/util/paths.js';

/** The definitions, through path.relative alone. */
function insideByRelative(target: string, folder: string): boolean {
  const rel = path.relative(folder, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
function displayByRelative(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  return rel === '' || !insideByRelative(absPath, cwd) ? absPath : rel;
}

const segment = fc.constantFrom('a', 'b', 'ab', '..', '.', '..notes', '', 'a.yaml');
const absolute = fc.array(segment, { maxLength: 5 }).map((s) => `/${s.join('/')}`);

describe('isInside and display', () => {
  it.each([
    ['/w/personas/a.yaml', '/w', true],
    ['/w', '/w', true],
    ['/w/', '/w', true],
    ['/wx/a.yaml', '/w', false],
    ['/w/../x', '/w', false],
    ['/w/..notes/a', '/w', true],
    ['/x', '/', true],
  ])('isInside(%j, %j) is %j', (target, folder, inside) => {
    expect(isInside(target, folder)).toBe(inside);
  });

  it('agree with path.relative on any two paths (the prefix shortcut changes no answer)', () => {
    fc.assert(
      fc.property(absolute, absolute, (a, b) => {
        expect(isInside(a, b)).toBe(insideByRelative(a, b));
        expect(display(b, a)).toBe(displayByRelative(b, a));
        expect(display(a, `${a}/x/y.yaml`)).toBe(displayByRelative(a, `${a}/x/y.yaml`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('resolveBelow', () => {
  it('is path.resolve(folder, relative) for any folder and relative path (joining changes no answer)', () => {
    const relative = fc.array(fc.constantFrom('a', '..', '.', '', 'b c', 'a\\b', '..x', 'x.png'), { maxLength: 4 });
    fc.assert(
      fc.property(absolute, relative, fc.boolean(), (folder, parts, fromRoot) => {
        const rel = (fromRoot ? '/' : '') + parts.join('/');
        expect(resolveBelow(folder, rel)).toBe(path.resolve(folder, rel));
        expect(resolveBelow(folder.slice(1), rel)).toBe(path.resolve(folder.slice(1), rel));
      }),
      { numRuns: 2000 },
    );
  });
});
