import { Option, type Command } from 'commander';
import { countBySeverity } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import type { Format } from '../report/types.js';
import { dispatch, type CliContext } from './context.js';
import { terminalWidth, useColor } from './io.js';
import { emit } from './output.js';
import { CONCURRENCY_HELP, parseConcurrency, parseCount, parseFormat, parsePercent } from './parse-options.js';
import type { Concurrency } from '../lint/concurrency.js';
import type { LintOptions } from '../lint/lint.js';
import { packageVersion } from './version.js';

export interface LintCommandOptions {
  mode: 'validate' | 'check';
  paths: string[];
  format: Format;
  outputFile?: string;
  quiet: boolean;
  minCompleteness?: number;
  maxWarnings?: number;
  listRules: boolean;
  // --cache (src/cache/): reuse the results of unchanged inputs.
  cache?: true;
  cacheLocation?: string;
  /** check --since <rev>: report only on the files changed since that git revision. */
  since?: string;
  /** --concurrency: files read at once (absent: auto). */
  concurrency?: Concurrency;
}

interface RawLintFlags {
  format: Format;
  outputFile?: string;
  quiet?: boolean;
  minCompleteness?: number;
  maxWarnings?: number;
  listRules?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  since?: string;
  concurrency?: Concurrency;
}

export function registerLintCommands(program: Command, ctx: CliContext): void {
  const common = (command: Command) =>
    command
      .argument('[paths...]', 'files, folders or globs (default: the workspace paths, or the current folder)')
      .addOption(
        new Option('-f, --format <format>', 'output format: stylish, json, junit, sarif or github')
          .default('stylish')
          .argParser(parseFormat),
      )
      .option('-o, --output-file <file>', 'write the result to a file instead of stdout')
      .option('-q, --quiet', 'report errors only; warnings are neither printed nor counted')
      .option('--cache', 'reuse results for unchanged files (content-hashed; see --cache-location)')
      .option(
        '--cache-location <dir>',
        'where --cache keeps its files (default: node_modules/.cache/personakit in the workspace)',
      )
      .option('--concurrency <n>', CONCURRENCY_HELP, parseConcurrency);

  common(program.command('validate'))
    .description('Check YAML syntax and the JSON Schemas of personas, journeys and markets.')
    .addHelpText('after', '\nExample:\n  $ personakit validate personas --format json')
    .action(async (paths: string[], flags: RawLintFlags) => {
      const options = toLintOptions('validate', paths, flags);
      await dispatch(ctx, 'validate', options, () => runLint(options, ctx));
    });

  common(program.command('check'))
    .description('Validate, then run every rule: completeness, references, journey alignment, market fit.')
    .option('--min-completeness <percent>', 'minimum persona completeness (overrides personakit.yaml)', parsePercent)
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--list-rules', 'list every rule with its severity as configured, then exit')
    .option(
      '--since <rev>',
      'report only on documents changed since this git revision (references still resolve everywhere)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ personakit check\n  $ personakit check --format github --max-warnings 0\n  $ personakit check --format sarif -o personakit.sarif',
    )
    .action(async (paths: string[], flags: RawLintFlags) => {
      const options = toLintOptions('check', paths, flags);
      await dispatch(ctx, 'check', options, () =>
        options.listRules ? runListRules(options, ctx) : runLint(options, ctx),
      );
    });
}

export function toLintOptions(
  mode: LintCommandOptions['mode'],
  paths: string[],
  flags: RawLintFlags,
): LintCommandOptions {
  const options: LintCommandOptions = {
    mode,
    paths,
    format: flags.format,
    quiet: Boolean(flags.quiet),
    listRules: Boolean(flags.listRules),
  };
  if (flags.outputFile !== undefined) options.outputFile = flags.outputFile;
  if (flags.minCompleteness !== undefined) options.minCompleteness = flags.minCompleteness;
  if (flags.maxWarnings !== undefined) options.maxWarnings = flags.maxWarnings;
  if (flags.cache) options.cache = true;
  if (flags.cacheLocation !== undefined) options.cacheLocation = flags.cacheLocation;
  if (flags.since !== undefined) options.since = flags.since;
  if (flags.concurrency !== undefined) options.concurrency = flags.concurrency;
  return options;
}

export async function runLint(options: LintCommandOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const formatPieces = await (await import('../report/load.js')).loadPieceReporter(options.format);
  let paths = options.paths;
  if (options.since !== undefined) {
    paths = await (await import('../lint/since.js')).changedSince(io.cwd, options.paths, options.since);
    // Nothing changed: nothing to report on, which is not "nothing to check".
    if (paths.length === 0) {
      const none = formatPieces([], {
        color: false,
        files: [],
        rules: [],
        version: packageVersion(),
      });
      await emit(io, none, options.outputFile);
      return 0;
    }
  }
  const lintOptions: LintOptions = {
    cwd: io.cwd,
    paths,
    mode: options.mode,
    quiet: options.quiet,
    diagnosticsOnly: true,
  };
  if (options.minCompleteness !== undefined) lintOptions.minCompleteness = options.minCompleteness;
  if (options.concurrency !== undefined) lintOptions.concurrency = options.concurrency;
  // --cache: same diagnostics, from src/cache/ when inputs are unchanged.
  const result = options.cache
    ? await (await import('../cache/cached-lint.js')).cachedLint(lintOptions, { location: options.cacheLocation })
    : await (await import('../lint/lint.js')).lint(lintOptions);
  const reportedDocs =
    'reportedDocuments' in result
      ? result.reportedDocuments
      : result.workspace.documents.filter((d) => d.reported).length;
  if (reportedDocs === 0 && result.diagnostics.length === 0) {
    const where = options.paths.length > 0 ? options.paths.join(', ') : 'the workspace';
    throw new UsageError(
      `nothing to check: no persona, journey or market documents found in ${where}`,
      'point personakit at YAML files with a `kind:` field, or run `personakit init` to start a workspace',
    );
  }
  const pieces = formatPieces(result.diagnostics, {
    color: options.outputFile === undefined && options.format === 'stylish' && useColor(io, 'stdout'),
    files: result.files,
    rules: result.rules,
    version: packageVersion(),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.outputFile === undefined ? { width: terminalWidth(io, 'stdout') } : {}),
  });
  await emit(io, pieces, options.outputFile);
  const { errors, warnings } = countBySeverity(result.diagnostics);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`personakit: too many warnings (${warnings}, maximum ${options.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

async function runListRules(options: LintCommandOptions, ctx: CliContext): Promise<number> {
  const { listRules } = await import('./list-rules.js');
  await emit(ctx.io, await listRules(ctx.io.cwd, options.paths, options.format === 'json'), options.outputFile);
  return 0;
}
