import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Diagnostic } from '../diagnostic.js';
import { countBySeverity } from '../diagnostic.js';
import type { Audience, RenderFormat } from '../render/render.js';
import type { LintResult } from '../lint/lint.js';
import { suggestion } from '../schema/suggest.js';
import { display } from '../util/paths.js';
import { plural } from '../util/plural.js';
import { dispatch, type CliContext } from './context.js';
import { terminalWidth, useColor } from './io.js';
import { packageVersion } from './version.js';
import { CONCURRENCY_HELP, parseConcurrency } from './parse-options.js';
import type { Concurrency } from '../lint/concurrency.js';

export interface RenderCommandOptions {
  paths: string[];
  format: RenderFormat;
  out: string;
  templates?: string;
  force: boolean;
  audience: Audience;
  browser?: string;
  /** --concurrency: files read at once (absent: auto). */
  concurrency?: Concurrency;
}

interface RenderFlags {
  format: RenderFormat;
  out: string;
  templates?: string;
  force?: boolean;
  audience: Audience;
  browser?: string;
  concurrency?: Concurrency;
}

// Listed here rather than imported so that `personakit --help` does not load the renderer.
const FORMATS: readonly RenderFormat[] = ['html', 'md', 'json', 'csv', 'pdf'];
const AUDIENCES: readonly Audience[] = ['client', 'team'];

export function registerRender(program: Command, ctx: CliContext): void {
  program
    .command('render')
    .description(
      "Write one report per persona, journey and market plus an index (HTML, Markdown, PDF or the computed model as JSON), or each market's ranked accounts as CSV.",
    )
    .argument('[paths...]', 'files, folders or globs (default: the workspace paths, or the current folder)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'html, md, json, csv (ranked market accounts) or pdf (printed by a Chromium-family browser on this machine)',
      )
        .default('html')
        .argParser(parseRenderFormat),
    )
    .option('-o, --out <dir>', 'folder to write the reports into (nothing is written elsewhere)', 'report')
    .option('--templates <dir>', 'folder with template overrides (overrides "templates" in personakit.yaml)')
    .option('--force', 'render even when the documents have errors')
    .option(
      '--browser <path>',
      'for --format pdf: the Chromium-family browser to print with (default: PERSONAKIT_BROWSER, then chromium, google-chrome… on the PATH)',
    )
    .addOption(
      new Option(
        '--audience <who>',
        'client (a deliverable: no statuses, counts, file paths or YAML keys) or team (every problem, with its position)',
      )
        .default('client')
        .argParser(parseAudience),
    )
    .option('--concurrency <n>', CONCURRENCY_HELP, parseConcurrency)
    .addHelpText(
      'after',
      '\nExamples:\n  $ personakit render                        HTML reports in report/, for the client\n  $ personakit render --audience team --force  every problem shown, with its position\n  $ personakit render --format pdf            PDFs printed by Chromium (or --browser <path>)\n  $ personakit render --format md --out docs/personas\n  $ personakit render personas --format json --out model\n  $ personakit render markets --format csv --out crm',
    )
    .action(async (paths: string[], flags: RenderFlags) => {
      const options = toRenderOptions(paths, flags);
      await dispatch(ctx, 'render', options, () => runRender(options, ctx));
    });
}

export function parseRenderFormat(value: string): RenderFormat {
  if ((FORMATS as readonly string[]).includes(value)) return value as RenderFormat;
  throw new InvalidArgumentError(
    `"${value}" is not a report format${suggestion(value, FORMATS)}; use one of ${FORMATS.join(', ')}.`,
  );
}

export function parseAudience(value: string): Audience {
  if ((AUDIENCES as readonly string[]).includes(value)) return value as Audience;
  throw new InvalidArgumentError(
    `"${value}" is not an audience${suggestion(value, AUDIENCES)}; use client (the default) or team.`,
  );
}

export function toRenderOptions(paths: string[], flags: RenderFlags): RenderCommandOptions {
  const options: RenderCommandOptions = {
    paths,
    format: flags.format,
    out: flags.out,
    force: Boolean(flags.force),
    audience: flags.audience,
  };
  if (flags.browser !== undefined) options.browser = flags.browser;
  if (flags.templates !== undefined) options.templates = flags.templates;
  if (flags.concurrency !== undefined) options.concurrency = flags.concurrency;
  return options;
}

export async function runRender(options: RenderCommandOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const { renderReports } = await import('../render/render.js');
  const started = Date.now();
  let shown = false;
  const onProgress = (done: number, total: number) => {
    // Only on a terminal, and only once the run is slow enough for someone to wonder.
    if (!io.isTTY.stderr || (Date.now() - started < 1000 && !shown) || (done % 50 !== 0 && done !== total)) return;
    shown = true;
    io.stderr.write(`\rrendered ${done}/${total}${done === total ? '\n' : ''}`);
  };
  const renderOptions: Parameters<typeof renderReports>[0] = {
    cwd: io.cwd,
    paths: options.paths,
    format: options.format,
    out: options.out,
    force: options.force,
    audience: options.audience,
    onProgress,
    browser: { flag: options.browser, env: io.env.PERSONAKIT_BROWSER, pathVar: io.env.PATH },
  };
  if (options.templates !== undefined) renderOptions.templates = options.templates;
  if (options.concurrency !== undefined) renderOptions.concurrency = options.concurrency;
  const result = await renderReports(renderOptions);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.refused) {
    await printDiagnostics(ctx, errors, result.lint);
    io.stderr.write(
      `personakit: nothing rendered: ${errors.length} ${plural(errors.length, 'error')} in the documents.\n  Fix them (personakit check shows every problem), or pass --force to render anyway.\n`,
    );
    return 1;
  }
  if (errors.length > 0) {
    await printDiagnostics(ctx, errors, result.lint);
    io.stderr.write(
      `personakit: rendered despite ${errors.length} ${plural(errors.length, 'error')} (--force); ${options.audience === 'team' ? 'the reports show them as problems' : 'the client reports do not show them (--audience team does)'}.\n`,
    );
  }
  const { warnings } = countBySeverity(result.diagnostics);
  const reports = result.written.filter((f) => !/^(images\/|index\.|cards\.)/.test(f)).length;
  const cards = result.written.some((f) => f.startsWith('cards.'));
  const where = display(io.cwd, result.outDir);
  if (options.format === 'csv') {
    const files = result.written.filter((f) => f.endsWith('.csv'));
    io.stderr.write(
      `personakit: wrote the ranked accounts of ${files.length} ${plural(files.length, 'market')} to ${where}/ (${files.join(', ')})\n`,
    );
    return 0;
  }
  io.stderr.write(
    `personakit: wrote ${reports} ${plural(reports, 'report')}${cards ? ', the persona cards' : ''} and an index to ${where}/ (open ${where}/index.${options.format})${warnings > 0 ? `; ${warnings} ${plural(warnings, 'warning')}${options.audience === 'team' ? ' shown in the reports' : ' (personakit check lists them)'}` : ''}\n`,
  );
  return 0;
}

async function printDiagnostics(ctx: CliContext, diagnostics: Diagnostic[], lint: LintResult): Promise<void> {
  const { formatDiagnostics } = await import('../report/index.js');
  ctx.io.stderr.write(
    formatDiagnostics('stylish', diagnostics, {
      color: useColor(ctx.io, 'stderr'),
      width: terminalWidth(ctx.io, 'stderr'),
      files: lint.files,
      rules: lint.rules,
      version: packageVersion(),
    }),
  );
}
