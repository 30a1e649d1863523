import path from 'node:path';
import { allRuleMeta } from '../rules/registry.js';
import { findSettingsFile } from '../workspace/find-root.js';
import { readSettings } from '../workspace/settings.js';

/** The rules table of `check --list-rules`, with severities as personakit.yaml configures them. */
export async function listRules(cwd: string, paths: readonly string[], asJson: boolean): Promise<string> {
  const settingsFile = await findSettingsFile(path.resolve(cwd, paths[0] ?? '.'));
  const overrides = settingsFile ? (await readSettings(settingsFile)).rules : {};
  const rows = allRuleMeta().map((r) => ({ id: r.id, severity: overrides[r.id] ?? r.severity, default: r.severity, description: r.description }));
  if (asJson) return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length));
  return rows.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n') + '\n';
}
