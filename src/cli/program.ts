import { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerDiff } from './diff.js';
import { registerInit } from './init.js';
import { registerLintCommands } from './lint.js';
import { registerNew } from './new.js';
import { registerRender } from './render.js';
import { registerSchema } from './schema.js';
import { packageVersion } from './version.js';

/** A fresh program per call, so tests can drive argv in-process with captured output. */
export function createProgram(ctx: CliContext): Command {
  const { io } = ctx;
  const program = new Command('personakit')
    .description(
      'Buyer personas, customer journeys and addressable markets as YAML: checked like code, rendered into client-ready reports.',
    )
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'personakit: ')),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError('  run personakit --help for the commands')
    .addHelpText(
      'after',
      `
Examples:
  $ personakit check                       check the workspace found from here
  $ personakit check personas/fiona.yaml   check one file (references resolve across the workspace)
  $ personakit render --format md          write Markdown reports to report/

Exit codes: 0 no problems, 1 problems found, 2 the command could not do its job.`,
    );

  registerLintCommands(program, ctx);
  registerSchema(program, ctx);
  registerRender(program, ctx);
  registerInit(program, ctx);
  registerNew(program, ctx);
  registerDiff(program, ctx);
  // Every subcommand inherits the program's output and exit handling.
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput(program.configureOutput())
      .showSuggestionAfterError(true)
      .showHelpAfterError(`  run personakit ${command.name()} --help for its options`);
  }
  return program;
}
