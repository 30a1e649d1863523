import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesSection } from '../../src/rules/docs.js';
import { allRuleMeta } from '../../src/rules/registry.js';
import { REPO_ROOT } from '../support/run-bin.js';

const README = path.join(REPO_ROOT, 'README.md');
const SECTION = /(<!-- section:rules -->\n)([\s\S]*?)(\n?<!-- \/section:rules -->)/;

describe('README rules section', () => {
  it('equals the text generated from the rule modules (PERSONAKIT_WRITE_DOCS=1 rewrites it)', () => {
    const readme = readFileSync(README, 'utf8');
    const match = SECTION.exec(readme);
    expect(match, 'README.md has no <!-- section:rules --> markers').not.toBeNull();
    const expected = rulesSection();
    if (process.env.PERSONAKIT_WRITE_DOCS === '1' && match![2] !== expected) {
      // Re-read right before writing: other sections of README.md may be edited meanwhile.
      const latest = readFileSync(README, 'utf8');
      writeFileSync(
        README,
        latest.replace(
          SECTION,
          (_all, open: string, _old: string, close: string) => `${open}${expected}\n${close.replace(/^\n/, '')}`,
        ),
      );
      return;
    }
    expect(match![2], 'run: PERSONAKIT_WRITE_DOCS=1 npx vitest run test/rules/readme.test.ts').toBe(expected);
  });

  it('documents every rule with its severity and help', () => {
    const text = rulesSection();
    for (const rule of allRuleMeta()) expect(text).toContain(`| \`${rule.id}\` | ${rule.severity}`);
    expect(rulesSection([{ id: 'x', severity: 'warning', description: 'a | b', help: 'fix\nit' }])).toContain(
      '| `x` | warning | a \\| b | fix it |',
    );
  });
});
