import type { Rule } from './rule.js';
import type { RuleMeta } from './types.js';
import { CORE_RULES } from './types.js';
import { duplicateId } from './duplicate-id.js';

/** Rules that run in `validate` (and therefore in `check`), beyond what loading itself finds. */
export const VALIDATE_RULES: readonly Rule[] = [duplicateId];

/** The rules that `check` adds. Adding a rule = one file + one line here. */
export const CHECK_RULES: readonly Rule[] = [];

/** Metadata of every rule, in documentation order. */
export function allRuleMeta(): RuleMeta[] {
  const seen = new Set<string>();
  const out: RuleMeta[] = [];
  for (const r of [...CORE_RULES, ...VALIDATE_RULES, ...CHECK_RULES]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const { id, severity, description, help, mandatory } = r;
    out.push(mandatory ? { id, severity, description, help, mandatory } : { id, severity, description, help });
  }
  return out;
}
