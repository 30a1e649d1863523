import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { KINDS, type SchemaName } from '../schema/compile.js';
import { display } from '../util/paths.js';
import { assertValid, modeline, schemaRef, toYaml } from './document.js';
import { ciWorkflow } from './ci-workflow.js';
import { mergeVscodeSettings, refreshModelines } from './editor-paths.js';
import { planPackageJson } from './package-json.js';
import { gitignore, settingsYaml, vscodeExtensions, vscodeSettings, workspaceReadme } from './starter-files.js';
import { STARTER_PERSONA_TRAILER, starterJourney, starterMarket, starterPersona } from './starter-documents.js';
import { writeNewFile } from './write.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export { display };

export interface InitOptions {
  /** The workspace folder (absolute). */
  dir: string;
  name: string;
  force: boolean;
  /** The running personakit's version: package.json asks for it. */
  version: string;
}

export interface InitResult {
  written: string[];
  /** Files that existed and were kept, as shown to the user. */
  skipped: string[];
  /** Existing files init changed, with what it changed (package.json; with --force, editor paths). */
  updated: string[];
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
 * Create a workspace: settings, one starter document per kind, package.json, editor and CI
 * configuration and a README. An existing package.json gets personakit and a check script added
 * when it lacks them. --force rewrites personakit.yaml and brings editor paths (modelines,
 * .vscode/settings.json) up to date; every other existing file is kept and listed.
 */
export async function initWorkspace(options: InitOptions, cwd: string): Promise<InitResult> {
  const root = options.dir;
  if (!options.force && (await hasSettings(root))) {
    throw new UsageError(
      `${display(cwd, path.join(root, SETTINGS))} already exists: ${display(cwd, root) || '.'} is a personakit workspace`,
      'use --force to rewrite personakit.yaml (other existing files are never overwritten)',
    );
  }
  // package.json is read first: a broken one stops init before it writes anything.
  const packageShown = display(cwd, path.join(root, 'package.json'));
  const pkg = await planPackageJson(root, options.name, options.version, packageShown);
  const result: InitResult = { written: [], skipped: [], updated: [] };
  const plan = planFiles(root, options.name);
  for (const [rel, text] of plan) {
    const file = path.join(root, rel);
    const shown = display(cwd, file);
    const replace = options.force && rel === SETTINGS;
    if (await writeNewFile(file, text, { force: replace, shown })) result.written.push(shown);
    else if (options.force && rel === VSCODE_SETTINGS) await refreshVscode(file, text, shown, result);
    else result.skipped.push(shown);
  }
  if (pkg.text !== undefined && !pkg.existed) {
    if (await writeNewFile(path.join(root, 'package.json'), pkg.text, { force: false, shown: packageShown }))
      result.written.push(packageShown);
  } else if (pkg.text !== undefined) {
    await writeFileAtomic(path.join(root, 'package.json'), pkg.text);
    result.updated.push(`${packageShown} (added ${pkg.added.join(' and ')})`);
  }
  if (options.force)
    for (const shown of await refreshModelines(root, cwd))
      if (!result.written.includes(shown)) result.updated.push(`${shown} (schema modeline)`);
  return result;
}

const VSCODE_SETTINGS = '.vscode/settings.json';

/** --force: the personakit entries of an existing .vscode/settings.json brought up to date, the rest kept. */
async function refreshVscode(file: string, fresh: string, shown: string, result: InitResult): Promise<void> {
  const current = await readFile(file, 'utf8');
  const ours = (JSON.parse(fresh) as { 'yaml.schemas': Record<string, string[]> })['yaml.schemas'];
  const merged = mergeVscodeSettings(current, ours);
  if (merged === undefined)
    result.skipped.push(`${shown} (not plain JSON: point yaml.schemas at node_modules/personakit/schemas/ by hand)`);
  else if (merged === current) result.skipped.push(shown);
  else {
    await writeFileAtomic(file, merged);
    result.updated.push(`${shown} (yaml.schemas)`);
  }
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
    [VSCODE_SETTINGS, vscodeSettings(refs)],
    ['.vscode/extensions.json', vscodeExtensions()],
    ['.github/workflows/personakit.yml', ciWorkflow()],
    ['.gitignore', gitignore()],
    ['README.md', workspaceReadme(clientName)],
  ];
}
