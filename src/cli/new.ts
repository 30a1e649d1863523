import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { KINDS, type Kind } from '../schema/compile.js';
import { suggestion } from '../schema/suggest.js';
import type { NewDocumentOptions } from '../scaffold/new-document.js';
import { dispatch, type CliContext } from './context.js';

/** The command's options are exactly what the scaffolder takes. */
export type NewCommandOptions = NewDocumentOptions;

interface RawNewFlags {
  answers?: string;
  yes?: boolean;
  dir?: string;
  force?: boolean;
  dryRun?: boolean;
}

export function registerNew(program: Command, ctx: CliContext): void {
  program
    .command('new')
    .description('Create a persona, journey or market by answering questions (or from an answers file).')
    .argument('<kind>', `what to create: ${KINDS.join(', ')}`)
    .argument('[id]', 'its id (default: proposed from the name you give)')
    .option('--answers <file>', 'read the answers from a YAML file instead of asking')
    .option('-y, --yes', 'ask nothing: defaults, and TODO placeholders to fill in')
    .option('--dir <dir>', 'folder to write to (default: the workspace folder for the kind, or the current folder)')
    .option('--force', 'replace an existing file of the same name')
    .option('--dry-run', 'print the YAML instead of writing it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ personakit new persona\n  $ personakit new persona --answers fiona.yaml\n  $ personakit new journey cfo-buys --yes --dry-run',
    )
    .action(async (kind: string, id: string | undefined, flags: RawNewFlags) => {
      const options = toNewOptions(kind, id, flags);
      await dispatch(ctx, 'new', options, () => runNew(options, ctx));
    });
}

export function toNewOptions(kind: string, id: string | undefined, flags: RawNewFlags): NewCommandOptions {
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(
      `cannot create a "${kind}"${suggestion(kind, KINDS)}`,
      `use one of ${KINDS.join(', ')}, e.g. personakit new persona`,
    );
  const options: NewCommandOptions = {
    kind: kind as Kind,
    yes: Boolean(flags.yes),
    force: Boolean(flags.force),
    dryRun: Boolean(flags.dryRun),
  };
  if (id !== undefined) options.id = id;
  if (flags.answers !== undefined) options.answers = flags.answers;
  if (flags.dir !== undefined) options.dir = flags.dir;
  return options;
}

export async function runNew(options: NewCommandOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const { createDocument } = await import('../scaffold/new-document.js');
  const result = await createDocument(options, {
    cwd: io.cwd,
    interactive: io.isTTY.stdin,
    prompter: async () => (await import('../scaffold/inquirer-prompter.js')).inquirerPrompter(io.stdin),
    today: new Date().toISOString().slice(0, 10),
  });
  if (!result.written) {
    io.stdout.write(result.text);
    return 0;
  }
  io.stderr.write(`wrote ${result.shown}\n`);
  if (options.kind === 'persona') {
    const { completenessOf } = await import('../model/completeness.js');
    const { percent, missing } = completenessOf(result.data, result.placeholders);
    io.stderr.write(`  ${percent} % complete${missing.length > 0 ? `; still to fill: ${missing.join(', ')}` : ''}\n`);
  }
  io.stderr.write(`Next: personakit check ${result.shown}\n`);
  return 0;
}
