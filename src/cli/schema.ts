import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { KINDS, readSchema, type SchemaName } from '../schema/compile.js';
import { suggestion } from '../schema/suggest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { dispatch, type CliContext } from './context.js';
import { whyNotWritten } from './output.js';

export interface SchemaCommandOptions {
  kind?: SchemaName;
  out?: string;
}

const NAMES: readonly SchemaName[] = [...KINDS, 'settings'];

export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description("Print a kind's JSON Schema, or write all of them to a folder (for editors and other tools).")
    .argument('[kind]', `one of ${NAMES.join(', ')}`)
    .option('--out <dir>', 'write the schemas to this folder instead of printing')
    .addHelpText('after', '\nExamples:\n  $ personakit schema persona\n  $ personakit schema --out .schemas')
    .action(async (kind: string | undefined, flags: { out?: string }) => {
      const options = toSchemaOptions(kind, flags);
      await dispatch(ctx, 'schema', options, () => runSchema(options, ctx));
    });
}

export function toSchemaOptions(kind: string | undefined, flags: { out?: string }): SchemaCommandOptions {
  const options: SchemaCommandOptions = {};
  if (kind !== undefined) {
    if (!(NAMES as readonly string[]).includes(kind))
      throw new UsageError(`unknown kind "${kind}"${suggestion(kind, NAMES)}`, `use one of ${NAMES.join(', ')}`);
    options.kind = kind as SchemaName;
  }
  if (flags.out !== undefined) options.out = flags.out;
  return options;
}

export async function runSchema(options: SchemaCommandOptions, ctx: CliContext): Promise<number> {
  const text = (name: SchemaName) => `${JSON.stringify(readSchema(name), null, 2)}\n`;
  if (options.out === undefined) {
    if (!options.kind)
      throw new UsageError(
        'name a kind to print, or give --out <dir> to write every schema',
        `e.g. personakit schema persona`,
      );
    ctx.io.stdout.write(text(options.kind));
    return 0;
  }
  const dir = path.resolve(ctx.io.cwd, options.out);
  const names = options.kind ? [options.kind] : NAMES;
  for (const name of names) {
    const file = path.join(dir, `${name}.schema.json`);
    try {
      await writeFileAtomic(file, text(name));
    } catch (e) {
      throw new UsageError(
        `cannot write ${path.relative(ctx.io.cwd, file) || file}: ${whyNotWritten(e)}`,
        'choose another --out folder',
      );
    }
    ctx.io.stderr.write(`wrote ${path.relative(ctx.io.cwd, file) || file}\n`);
  }
  return 0;
}
