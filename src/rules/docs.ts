import { allRuleMeta } from './registry.js';
import type { RuleMeta } from './types.js';

/**
 * The README's `rules` section, generated from the rule modules so that the documentation cannot
 * drift from the code (test/rules/readme.test.ts compares them).
 */
export function rulesSection(rules: readonly RuleMeta[] = allRuleMeta()): string {
  const rows = rules.map(
    (r) =>
      `| \`${r.id}\` | ${r.severity}${r.mandatory ? ' (always on)' : ''} | ${cell(r.description)} | ${cell(r.help)} |`,
  );
  return [
    '## Rules',
    '',
    '`personakit check` runs every rule below; `personakit validate` runs only `yaml-syntax`, `schema`,',
    '`unknown-kind` and `duplicate-id`. Change a severity in `personakit.yaml` under `rules:` (`error`,',
    '`warning` or `off`); `yaml-syntax`, `schema` and `duplicate-id` cannot be turned off, and an unknown',
    'rule id there is an error (exit 2). `personakit check --list-rules` shows every rule with its',
    'severity as configured. Errors fail the check (exit 1); warnings fail it only beyond `--max-warnings`.',
    '',
    '| rule | default | what it means | how to fix |',
    '|---|---|---|---|',
    ...rows,
    '',
    '### Silencing a rule',
    '',
    'A YAML comment silences named rules on the next line, or, placed above the first field of a',
    'document, for that whole document. Say why after `--`:',
    '',
    '```yaml',
    '# personakit-disable evidence-stale -- the 2027 interviews are booked',
    'kind: persona',
    'id: finance-fiona',
    '# personakit-disable-next-line picture-invalid -- the photo shoot is in May',
    'picture: images/fiona.jpg',
    '```',
    '',
    'A directive that silences nothing, names an unknown rule, or tries to silence `yaml-syntax`,',
    '`schema` or `duplicate-id` is reported as `unused-disable`, so suppressions cannot rot unseen.',
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
