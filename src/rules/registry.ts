import type { Rule } from './rule.js';
import type { RuleMeta } from './types.js';
import { CORE_RULES } from './types.js';
import { accountMisfit } from './account-misfit.js';
import { acceptedMisfitsUnused } from './accepted-misfits.js';
import { accountsFileReference } from './accounts-file.js';
import { duplicateId } from './duplicate-id.js';
import { evidenceMissing } from './evidence-missing.js';
import { evidenceFuture } from './evidence-future.js';
import { evidenceStale } from './evidence-stale.js';
import { marketSchema } from './market-schema.js';
import { marketShare } from './market-share.js';
import { milestoneUnacknowledged } from './milestone-unacknowledged.js';
import { personaCompleteness } from './persona-completeness.js';
import { personaOrphan } from './persona-orphan.js';
import { placeholderText } from './placeholder-text.js';
import { phaseMissing } from './phase-missing.js';
import { phaseOrder } from './phase-order.js';
import { pictureInvalid } from './picture-invalid.js';
import { stageMessageMissing } from './stage-message-missing.js';
import { stageOrder } from './stage-order.js';
import { stageUncovered } from './stage-uncovered.js';
import { touchpointMissing } from './touchpoint-missing.js';
import { unknownReference } from './unknown-reference.js';
import { unusedDisable } from './unused-disable.js';
import { valueUnaddressed } from './value-unaddressed.js';

/** Rules that run in `validate` (and therefore in `check`), beyond what loading itself finds. */
export const VALIDATE_RULES: readonly Rule[] = [duplicateId, marketSchema];

/** The rules that `check` adds. Adding a rule = one file + one line here. */
export const CHECK_RULES: readonly Rule[] = [
  unknownReference,
  personaCompleteness,
  valueUnaddressed,
  evidenceMissing,
  evidenceStale,
  evidenceFuture,
  placeholderText,
  personaOrphan,
  stageUncovered,
  stageOrder,
  phaseOrder,
  phaseMissing,
  touchpointMissing,
  stageMessageMissing,
  milestoneUnacknowledged,
  pictureInvalid,
  accountsFileReference,
  accountMisfit,
  marketShare,
  acceptedMisfitsUnused,
];

/** Rules the engine itself applies rather than a check function (comment directives). */
export const ENGINE_RULES: readonly RuleMeta[] = [unusedDisable];

/** Metadata of every rule, in documentation order. */
export function allRuleMeta(): RuleMeta[] {
  const seen = new Set<string>();
  const out: RuleMeta[] = [];
  for (const r of [...CORE_RULES, ...VALIDATE_RULES, ...CHECK_RULES, ...ENGINE_RULES]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const { id, severity, description, help, mandatory } = r;
    out.push(mandatory ? { id, severity, description, help, mandatory } : { id, severity, description, help });
  }
  return out;
}
