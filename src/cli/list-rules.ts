import path from 'node:path';
import { allRuleMeta } from '../rules/registry.js';
import { findSettingsFile } from '../workspace/find-root.js';
import { checkRuleSettings, defaultSettings, readSettings } from '../workspace/settings.js';
import { display } from '../util/paths.js';

export interface RuleRow {
  id: string;
  /** As personakit.yaml configures it. */
  severity: 'error' | 'warning' | 'off';
  default: 'error' | 'warning';
  /** Cannot be turned off or disabled by comments. */
  mandatory: boolean;
  description: string;
}

/** The rules of `check --list-rules`, with severities as the workspace's personakit.yaml configures them. */
export async function ruleRows(cwd: string, paths: readonly string[]): Promise<RuleRow[]> {
  const settingsFile = await findSettingsFile(path.resolve(cwd, paths[0] ?? '.'));
  const settings = settingsFile ? await readSettings(settingsFile, display(cwd, settingsFile)) : defaultSettings();
  const rules = allRuleMeta();
  checkRuleSettings(settings, rules);
  return rules.map((r) => ({
    id: r.id,
    severity: settings.rules[r.id] ?? r.severity,
    default: r.severity,
    mandatory: Boolean(r.mandatory),
    description: r.description,
  }));
}

export async function listRules(cwd: string, paths: readonly string[], asJson: boolean): Promise<string> {
  const rows = await ruleRows(cwd, paths);
  if (asJson) return `${JSON.stringify(rows, null, 2)}\n`;
  const header = { id: 'rule', severity: 'severity', default: 'default' };
  const width = Math.max(header.id.length, ...rows.map((r) => r.id.length));
  const line = (id: string, severity: string, def: string, description: string) =>
    `${id.padEnd(width)}  ${severity.padEnd(8)}  ${def.padEnd(7)}  ${description}`.trimEnd();
  return (
    [
      line(header.id, header.severity, header.default, 'description'),
      ...rows.map((r) => line(r.id, r.severity, r.default, `${r.mandatory ? '(always on) ' : ''}${r.description}`)),
    ].join('\n') + '\n'
  );
}
