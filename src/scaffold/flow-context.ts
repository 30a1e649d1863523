import { UsageError } from '../errors.js';
import type { Kind } from '../schema/compile.js';
import { proposeId } from './ids.js';
import type { Asker } from './questions.js';
import { both, freshId } from './validators.js';

/** What a flow needs to know about the workspace it writes into. */
export interface FlowContext {
  /** Ids of the workspace's documents of the kind being created. */
  takenIds: ReadonlySet<string>;
  /** Ids whose file `<id>.yaml` already exists in the target folder (empty with --force), and how to show that folder. */
  existingFiles?: { ids: ReadonlySet<string>; folder: string };
  /** Persona ids of the workspace, offered for journeys and markets. */
  personaIds: readonly string[];
  /** The id given on the command line, if any. */
  presetId?: string;
  /** Today's date (YYYY-MM-DD), the default for new evidence. */
  today: string;
}

/** The document's id: the one from the command line, or one proposed from its name and confirmed. */
export async function askDocumentId(
  ask: Asker,
  ctx: FlowContext,
  kind: Kind,
  name: string | undefined,
): Promise<string> {
  const files = ctx.existingFiles;
  const validate = both(
    freshId(ctx.takenIds, `another ${kind} in this workspace`),
    (text) =>
      !files?.ids.has(text) ||
      `${files.folder}${text}.yaml already exists; choose another id, or replace the file with --force`,
  );
  if (ctx.presetId !== undefined) {
    const verdict = validate(ctx.presetId);
    if (verdict !== true) throw new UsageError(`id on the command line: ${verdict}`);
    ask.notApplicable('id', 'the id is also given on the command line; keep only one of them');
    return ctx.presetId;
  }
  const id = await ask.input({
    name: 'id',
    message: `Id of this ${kind} (used in references and as the file name)`,
    default: proposeId(name, new Set([...ctx.takenIds, ...(files?.ids ?? [])]), `new-${kind}`),
    validate,
  });
  return id!;
}
