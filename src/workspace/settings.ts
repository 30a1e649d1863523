import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Severity } from '../diagnostic.js';
import { SettingsError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.js';
import { DEFAULT_PLACEHOLDERS, withExtraPlaceholders, type Placeholders } from '../model/placeholders.js';
import { decodeUtf8 } from '../load/decode.js';
import { parseYaml } from '../load/parse-yaml.js';
import { suggestion } from '../schema/suggest.js';
import { validateAgainst } from '../schema/validate.js';
import { CORE_RULES, type RuleMeta } from '../rules/types.js';
import { isInside } from '../util/paths.js';
import { themeSettings, type RawTheme, type ThemeSettings } from './theme-settings.js';

export type RuleSetting = Severity | 'off';

/** personakit.yaml, with defaults applied (SPEC section 2). */
export interface Settings {
  /** The workspace folder (where personakit.yaml is), or undefined without a workspace. */
  root?: string;
  /** Absolute path of personakit.yaml, when there is one. */
  file?: string;
  /** personakit.yaml as messages name it (relative to the working folder). */
  displayFile?: string;
  name?: string;
  /** Absolute folders (or files) where documents are looked for. */
  paths?: string[];
  completenessMin: number;
  evidenceMaxAgeDays: number;
  rules: Record<string, RuleSetting>;
  /** Texts that count as placeholders (the defaults plus personakit.yaml `placeholders`). */
  placeholders: Placeholders;
  /** Absolute path of the template override folder. */
  templates?: string;
  /** How the reports look and whom they are for (`theme:`). */
  theme: ThemeSettings;
  limits: Limits;
  /** Position of each setting key, for "personakit.yaml:3:5" messages raised after loading (unknown rule ids). */
  locate?: (pointer: string) => { line: number; column: number };
}

export function defaultSettings(): Settings {
  return {
    completenessMin: 100,
    evidenceMaxAgeDays: 365,
    rules: {},
    placeholders: DEFAULT_PLACEHOLDERS,
    theme: {},
    limits: { ...DEFAULT_LIMITS },
  };
}

interface RawSettings {
  name?: string;
  paths?: string[];
  completeness?: { min?: number };
  evidence?: { maxAgeDays?: number };
  rules?: Record<string, RuleSetting>;
  placeholders?: { values?: string[]; prefixes?: string[] };
  templates?: string;
  theme?: RawTheme;
  limits?: Partial<Limits>;
}

/** Read and validate personakit.yaml; any problem is a SettingsError naming file:line:column. */
export async function readSettings(file: string, displayFile = file): Promise<Settings> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new SettingsError(`cannot read ${displayFile}: ${(e as Error).message}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new SettingsError(`${displayFile}:${decoded.line}:${decoded.column}: ${decoded.message}`);
  const parsed = parseYaml(decoded.text, DEFAULT_LIMITS);
  const syntax = parsed.errors[0];
  if (syntax)
    throw new SettingsError(
      `${displayFile}:${syntax.line}:${syntax.column}: ${syntax.message}`,
      'fix the YAML of personakit.yaml',
    );
  if (parsed.documents.length > 1)
    throw new SettingsError(
      `${displayFile}: holds ${parsed.documents.length} YAML documents; keep the settings in one`,
    );
  const raw = (parsed.documents[0] ?? {}) as RawSettings;
  const { positions } = parsed;
  const locate = (pointer: string) => positions.locate(0, pointer, 'key');
  checkMandatoryRules(raw, displayFile, locate);
  const problems = validateAgainst('settings', raw);
  if (problems.length > 0) {
    const first = problems[0]!;
    const { line, column } = positions.locate(0, first.pointer, first.at);
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new SettingsError(
      `${displayFile}:${line}:${column}: ${first.message}${more}`,
      'fix the setting; see the README section "Settings"',
    );
  }

  const root = path.dirname(file);
  const settings = defaultSettings();
  settings.root = root;
  settings.file = file;
  settings.displayFile = displayFile;
  settings.locate = locate;
  if (raw.name !== undefined) settings.name = raw.name;
  const inside = (value: string, pointer: string) => insideWorkspace(root, value, pointer, displayFile, locate);
  if (raw.paths !== undefined) settings.paths = raw.paths.map((p, i) => inside(p, `/paths/${i}`));
  if (raw.completeness?.min !== undefined) settings.completenessMin = raw.completeness.min;
  if (raw.evidence?.maxAgeDays !== undefined) settings.evidenceMaxAgeDays = raw.evidence.maxAgeDays;
  // `x-` keys are the user's own notes, not rules.
  if (raw.rules) settings.rules = Object.fromEntries(Object.entries(raw.rules).filter(([id]) => !id.startsWith('x-')));
  if (raw.placeholders) settings.placeholders = withExtraPlaceholders(raw.placeholders);
  if (raw.templates !== undefined) {
    settings.templates = inside(raw.templates, '/templates');
    // A templates folder that is a link out of the workspace is refused like a ../ path.
    const [real, realRoot] = await Promise.all([
      realpath(settings.templates).catch(() => settings.templates!),
      realpath(root).catch(() => root),
    ]);
    if (!isInside(real, realRoot)) insideWorkspace(realRoot, real, '/templates', displayFile, locate);
  }
  if (raw.limits) settings.limits = { ...settings.limits, ...raw.limits };
  settings.theme = themeSettings(raw.theme, displayFile, locate);
  return settings;
}

/**
 * personakit.yaml arrives in pull requests from anyone: a `paths` or `templates` entry must not
 * make personakit read (or walk) folders outside the workspace, such as ../.. or /etc.
 */
function insideWorkspace(
  root: string,
  value: string,
  pointer: string,
  displayFile: string,
  locate: (pointer: string) => { line: number; column: number },
): string {
  const abs = path.resolve(root, value);
  if (isInside(abs, root)) return abs;
  const { line, column } = locate(pointer);
  throw new SettingsError(
    `${displayFile}:${line}:${column}: "${value}" lies outside the workspace folder; personakit reads only inside it`,
    'use a path relative to the folder of personakit.yaml that stays inside it (no ../ and no absolute path elsewhere)',
  );
}

/** yaml-syntax, schema and duplicate-id always run; say so, rather than only "must be error or warning". */
const MANDATORY = CORE_RULES.filter((r) => r.mandatory).map((r) => r.id);

function checkMandatoryRules(
  raw: RawSettings,
  displayFile: string,
  locate: (pointer: string) => { line: number; column: number },
): void {
  const rules: unknown = raw.rules;
  if (rules === null || typeof rules !== 'object') return;
  for (const id of MANDATORY) {
    if ((rules as Record<string, unknown>)[id] !== 'off') continue;
    const { line, column } = locate(`/rules/${id}`);
    throw new SettingsError(
      `${displayFile}:${line}:${column}: rule "${id}" cannot be turned off (nor can ${MANDATORY.filter((m) => m !== id).join(' and ')})`,
      'set it to error or warning, or remove the line',
    );
  }
}

/**
 * Every rule id under `rules:` must name a rule (checked once the rules are known, by the engine and
 * --list-rules): a typo would otherwise silently leave the rule at its default.
 */
export function checkRuleSettings(settings: Settings, rules: readonly RuleMeta[]): void {
  const ids = rules.map((r) => r.id);
  for (const [id, value] of Object.entries(settings.rules)) {
    const meta = rules.find((r) => r.id === id);
    const where = settings.locate ? settings.locate(`/rules/${id}`) : undefined;
    const at = `${settings.displayFile ?? 'personakit.yaml'}${where ? `:${where.line}:${where.column}` : ''}`;
    if (!meta) {
      throw new SettingsError(
        `${at}: unknown rule "${id}" under rules${suggestion(id, ids)}`,
        'use a rule id from `personakit check --list-rules`, or start the key with x- for a note of your own',
      );
    }
    if (meta.mandatory && value === 'off')
      throw new SettingsError(
        `${at}: rule "${id}" cannot be turned off`,
        'set it to error or warning, or remove the line',
      );
  }
}
