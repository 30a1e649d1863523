import path from 'node:path';
import type { Command } from 'commander';
import { dispatch, type CliContext } from './context.js';

export interface InitCommandOptions {
  dir: string;
  name?: string;
  yes: boolean;
  force: boolean;
}

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('Create a workspace: personakit.yaml, starter persona, journey and market, editor and CI set-up.')
    .argument('[dir]', 'folder to create the workspace in (default: the current folder)')
    .option('--name <client>', "the client's name, shown on reports (default: asked, or the folder's name)")
    .option('-y, --yes', 'ask nothing; use the folder name when --name is not given')
    .option('--force', 'rewrite an existing personakit.yaml and bring schema paths up to date (other files are kept)')
    .addHelpText('after', '\nExamples:\n  $ personakit init acme --name "Acme Ltd"\n  $ cd acme && personakit check')
    .action(async (dir: string | undefined, flags: { name?: string; yes?: boolean; force?: boolean }) => {
      const options = toInitOptions(dir, flags);
      await dispatch(ctx, 'init', options, () => runInit(options, ctx));
    });
}

export function toInitOptions(
  dir: string | undefined,
  flags: { name?: string; yes?: boolean; force?: boolean },
): InitCommandOptions {
  const options: InitCommandOptions = { dir: dir ?? '.', yes: Boolean(flags.yes), force: Boolean(flags.force) };
  if (flags.name !== undefined) options.name = flags.name;
  return options;
}

export async function runInit(options: InitCommandOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const { initWorkspace, hasSettings, display } = await import('../scaffold/init-workspace.js');
  const root = path.resolve(io.cwd, options.dir);
  const folderName = path.basename(root);
  let name = options.name?.trim();
  // The only question init asks, and only at a terminal: refusing first spares answering it in vain.
  if (!name && !options.yes && io.isTTY.stdin && (options.force || !(await hasSettings(root)))) {
    const { inquirerPrompter } = await import('../scaffold/inquirer-prompter.js');
    const prompter = await inquirerPrompter(io.stdin);
    name = (
      await prompter.input({
        message: "Client's name (shown on reports)",
        default: folderName,
        validate: (v) => v.trim() !== '' || 'An answer is needed here',
      })
    ).trim();
  }
  const { packageVersion } = await import('./version.js');
  const result = await initWorkspace(
    { dir: root, name: name || folderName, force: options.force, version: packageVersion() },
    io.cwd,
  );
  for (const file of result.written) io.stderr.write(`created ${file}\n`);
  for (const file of result.updated) io.stderr.write(`updated ${file}\n`);
  for (const file of result.skipped)
    io.stderr.write(`skipped ${file}${file.includes('(') ? '' : ' (it already exists)'}\n`);
  const where = display(io.cwd, root);
  io.stderr.write(
    `\nNext: ${root === path.resolve(io.cwd) ? '' : `cd ${where} && `}npm install, then npx personakit check, and npx personakit new persona for each customer type.\n`,
  );
  return 0;
}
