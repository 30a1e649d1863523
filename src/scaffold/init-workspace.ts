import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { KINDS, type SchemaName } from '../schema/compile.js';
import { display } from '../workspace/workspace.js';
import { assertValid, modeline, schemaRef, toYaml } from './document.js';
import {
  ciWorkflow,
  gitignore,
  settingsYaml,
  vscodeExtensions,
  vscodeSettings,
  workspaceReadme,
} from './starter-files.js';
import { STARTER_PERSONA_TRAILER, starterJourney, starterMarket, starterPersona } from './starter-documents.js';
import { writeNewFile } from './write.js';

export { display };

export interface InitOptions {
  /** The workspace folder (absolute). */
  dir: string;
  name: string;
  force: boolean;
}

export interface InitResult {
  written: string[];
  /** Files that existed and were kept, as shown to the user. */
  skipped: string[];
}

const SETTINGS = 'personakit.yaml';

/** Whether `dir` already is a workspace: init refuses it unless --force. */
export async function hasSettings(dir: string): Promise<boolean> {
  return stat(path.join(dir, SETTINGS)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Create a workspace: settings, one starter document per kind, editor and CI configuration and
 * a README. --force rewrites personakit.yaml only; every other existing file is kept and listed.
 */
export async function initWorkspace(options: InitOptions, cwd: string): Promise<InitResult> {
  const root = options.dir;
  if (!options.force && (await hasSettings(root))) {
    throw new UsageError(
      `${display(cwd, path.join(root, SETTINGS))} already exists: ${display(cwd, root) || '.'} is a personakit workspace`,
      'use --force to rewrite personakit.yaml (other existing files are never overwritten)',
    );
  }
  const result: InitResult = { written: [], skipped: [] };
  for (const [rel, text] of planFiles(root, options.name)) {
    const file = path.join(root, rel);
    const shown = display(cwd, file);
    const replace = options.force && rel === SETTINGS;
    if (await writeNewFile(file, text, { force: replace, shown })) result.written.push(shown);
    else result.skipped.push(shown);
  }
  return result;
}

function planFiles(root: string, clientName: string): Array<[string, string]> {
  const fromRoot = (name: SchemaName) => schemaRef(name, root, root);
  const documents: Array<[string, string]> = KINDS.map((kind) => {
    const data =
      kind === 'persona' ? starterPersona() : kind === 'journey' ? starterJourney(clientName) : starterMarket();
    assertValid(kind, data, `starter ${kind}`);
    const comment = `A starter ${kind} for ${clientName}: edit it, or replace it with \`personakit new ${kind}\`.`;
    const trailer = kind === 'persona' ? STARTER_PERSONA_TRAILER : undefined;
    const text = toYaml(data, {
      modeline: modeline(kind, path.join(root, `${kind}s`), root),
      comment,
      ...(trailer ? { trailer } : {}),
    });
    return [`${kind}s/${String(data.id)}.yaml`, text];
  });
  const refs = Object.fromEntries([...KINDS, 'settings' as const].map((k) => [k, fromRoot(k)]));
  return [
    [SETTINGS, settingsYaml(clientName, fromRoot('settings'))],
    ...documents,
    ['.vscode/settings.json', vscodeSettings(refs)],
    ['.vscode/extensions.json', vscodeExtensions()],
    ['.github/workflows/personakit.yml', ciWorkflow()],
    ['.gitignore', gitignore()],
    ['README.md', workspaceReadme(clientName)],
  ];
}
