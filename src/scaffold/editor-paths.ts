import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMA_NAMES, type SchemaName } from '../schema/compile.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { display } from '../util/paths.js';
import { modeline } from './document.js';

/**
 * `init --force` brings editor paths up to date: every YAML file's personakit schema modeline and
 * the `yaml.schemas` of .vscode/settings.json point at node_modules/personakit/schemas/ relative
 * to where they are, whatever personakit ran `init` before (a clone elsewhere, a global install).
 */

const MODELINE = /^# yaml-language-server: \$schema=(?:\S*\/)?(persona|journey|market|settings)\.schema\.json\r?$/;

/** Rewrite the modeline (first line) of each YAML file under `root` whose modeline names a personakit schema. */
export async function refreshModelines(root: string, cwd: string): Promise<string[]> {
  const updated: string[] = [];
  for (const file of await yamlFiles(root)) {
    const text = await readFile(file, 'utf8');
    const end = text.indexOf('\n');
    const first = end === -1 ? text : text.slice(0, end);
    const match = MODELINE.exec(first);
    if (!match) continue;
    const line = modeline(match[1] as SchemaName, path.dirname(file), root).trimEnd();
    if (first.replace(/\r$/, '') === line) continue;
    await writeFileAtomic(file, line + (first.endsWith('\r') ? '\r' : '') + (end === -1 ? '' : text.slice(end)));
    updated.push(display(cwd, file));
  }
  return updated;
}

/** YAML files under `root`, skipping node_modules and dot-folders (as `check` does). */
async function yamlFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  await walk(root);
  return out.sort();
}

/**
 * .vscode/settings.json with its personakit `yaml.schemas` entries replaced by `ours`, every other
 * setting kept; undefined when the file is not plain JSON (VS Code allows comments), which is
 * then left alone for the user to update.
 */
export function mergeVscodeSettings(text: string, ours: Record<string, string[]>): string | undefined {
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return undefined;
  const current = (settings as Record<string, unknown>)['yaml.schemas'];
  const schemas: Record<string, unknown> = {};
  if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
    for (const [key, globs] of Object.entries(current)) if (!isPersonakitSchema(key)) schemas[key] = globs;
  }
  return `${JSON.stringify({ ...settings, 'yaml.schemas': { ...ours, ...schemas } }, null, 2)}\n`;
}

function isPersonakitSchema(key: string): boolean {
  return SCHEMA_NAMES.some((name) => key.endsWith(`/${name}.schema.json`) || key === `${name}.schema.json`);
}
