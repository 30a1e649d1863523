import type { Finding } from '../diagnostic.js';
import { findingAt } from './facts.js';
import { marketEvaluations } from './market-evaluation.js';
import { defineRule, type RuleContext } from './rule.js';
import { unknownReference } from './unknown-reference.js';

/**
 * A market's accounts_file that is missing or cannot be read is a dangling reference (SPEC 7).
 * It shares unknown-reference's id and settings; it lives here because only the market model
 * knows whether the CSV could be opened.
 */
export const accountsFileReference = defineRule({
  id: unknownReference.id,
  severity: unknownReference.severity,
  description: unknownReference.description,
  help: unknownReference.help,
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const { doc, model } of marketEvaluations(context)) {
      const file = model.accountsFile;
      if (!file || file.status === 'read') continue;
      const fix =
        file.status === 'missing'
          ? '; the path is relative to this market file — correct it, or remove accounts_file'
          : '';
      findings.push(
        findingAt(
          'unknown-reference',
          doc,
          '/accounts_file',
          `accounts_file "${String(doc.data.accounts_file)}" (${file.path}) ${file.message}${fix}`,
          'key',
        ),
      );
    }
    return findings;
  },
});
