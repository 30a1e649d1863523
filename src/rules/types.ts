import type { Severity } from '../diagnostic.js';

/** What every rule declares about itself: used by the engine, SARIF metadata, --list-rules and the README. */
export interface RuleMeta {
  id: string;
  /** Default severity before personakit.yaml overrides. */
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** How to fix a finding: shown by --list-rules, SARIF `help` and the README. */
  help: string;
  /** yaml-syntax, schema and duplicate-id cannot be turned off or disabled by comments. */
  mandatory?: boolean;
}

/** Rules that `validate` itself produces (syntax, schema, kinds, ids). */
export const CORE_RULES: readonly RuleMeta[] = [
  {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'The file is not valid YAML.',
    help: 'Fix the YAML at the position shown: indentation, an unclosed quote or bracket, a duplicate key, or a tab used for indentation.',
    mandatory: true,
  },
  {
    id: 'schema',
    severity: 'error',
    description: 'The document breaks the JSON Schema of its kind.',
    help: 'Change the value as the message says; `personakit schema <kind>` prints the schema, and editors using it autocomplete the fields.',
    mandatory: true,
  },
  {
    id: 'unknown-kind',
    severity: 'error',
    description: 'A YAML document has no `kind` of persona, journey or market.',
    help: 'Add `kind: persona`, `kind: journey` or `kind: market` at the top of the document, or move the file out of the checked paths.',
  },
  {
    id: 'duplicate-id',
    severity: 'error',
    description: 'Two documents of one kind, or two items of one list in a document, share an id.',
    help: 'Rename one of them: ids must be unique per kind across the workspace, and per list within a document.',
    mandatory: true,
  },
];
