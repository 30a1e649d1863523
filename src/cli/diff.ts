import { InvalidArgumentError, Option, type Command } from 'commander';
import { suggestion } from '../schema/suggest.js';
import { dispatch, type CliContext } from './context.js';
import { useColor } from './io.js';
import { emit } from './output.js';

export const DIFF_FORMATS = ['stylish', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffCommandOptions {
  base: string;
  /** The head revision and the paths, as given: which is which is settled against git when it runs. */
  rest: string[];
  format: DiffFormat;
  outputFile?: string;
  exitCode: boolean;
  failOnNewErrors: boolean;
}

interface RawDiffFlags {
  format: DiffFormat;
  outputFile?: string;
  exitCode?: boolean;
  failOnNewErrors?: boolean;
}

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description(
      'What changed in personas, journeys and markets between two git revisions (default head: the working tree).',
    )
    .argument(
      '<base>',
      'revision to compare from: a branch, tag or commit; A...B compares the merge base of A and B with B',
    )
    .argument(
      '[head-and-paths...]',
      'revision to compare to (default: the working tree), then files or folders to limit the diff to',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format: stylish, md (a pull-request comment) or json')
        .default('stylish')
        .argParser(parseDiffFormat),
    )
    .option('-o, --output-file <file>', 'write the result to a file instead of stdout')
    .option('--exit-code', 'exit 1 when anything changed (as git diff --exit-code)')
    .option('--fail-on-new-errors', 'exit 1 when the head has errors that the base did not')
    .addHelpText(
      'after',
      '\nExamples:\n  $ personakit diff main                       the working tree against main\n  $ personakit diff HEAD~1 HEAD personas\n  $ personakit diff origin/main...HEAD --format md >> "$GITHUB_STEP_SUMMARY"',
    )
    .action(async (base: string, rest: string[], flags: RawDiffFlags) => {
      const options = toDiffOptions(base, rest, flags);
      await dispatch(ctx, 'diff', options, () => runDiff(options, ctx));
    });
}

export function parseDiffFormat(value: string): DiffFormat {
  if ((DIFF_FORMATS as readonly string[]).includes(value)) return value as DiffFormat;
  throw new InvalidArgumentError(
    `"${value}" is not a diff format${suggestion(value, DIFF_FORMATS)}; use one of ${DIFF_FORMATS.join(', ')}.`,
  );
}

export function toDiffOptions(base: string, rest: string[], flags: RawDiffFlags): DiffCommandOptions {
  const options: DiffCommandOptions = {
    base,
    rest,
    format: flags.format,
    exitCode: Boolean(flags.exitCode),
    failOnNewErrors: Boolean(flags.failOnNewErrors),
  };
  if (flags.outputFile !== undefined) options.outputFile = flags.outputFile;
  return options;
}

export async function runDiff(options: DiffCommandOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const [{ diffRevisions }, { splitHeadAndPaths }] = await Promise.all([
    import('../lint/diff-revisions.js'),
    import('../lint/diff-arguments.js'),
  ]);
  const { head, paths } = await splitHeadAndPaths(io.cwd, options.rest);
  const diff = await diffRevisions({ cwd: io.cwd, base: options.base, ...(head === undefined ? {} : { head }), paths });
  let text: string;
  if (options.format === 'json') text = (await import('../report/diff-json.js')).diffJson(diff);
  else if (options.format === 'md') text = (await import('../report/diff-markdown.js')).diffMarkdown(diff);
  else
    text = (await import('../report/diff-stylish.js')).diffStylish(diff, {
      color: options.outputFile === undefined && useColor(io, 'stdout'),
    });
  await emit(io, text, options.outputFile);
  if (options.failOnNewErrors && diff.summary.newErrors > 0) return 1;
  if (options.exitCode && (diff.documents.length > 0 || diff.unreadable.length > 0)) return 1;
  return 0;
}
