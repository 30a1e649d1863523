import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { decodeUtf8 } from '../load/decode.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { PositionIndex } from '../load/positions.js';
import { DEFAULT_PLACEHOLDERS, type Placeholders } from '../model/placeholders.js';
import type { Kind } from '../schema/compile.js';
import { findSettingsFile } from '../workspace/find-root.js';
import { display } from '../util/paths.js';
import { loadWorkspace } from '../lint/assemble.js';
import { AnswersAsker, documentFromAnswers } from './answers-asker.js';
import { assertValid, modeline, toYaml } from './document.js';
import type { FlowContext } from './flow-context.js';
import { askJourney } from './journey-flow.js';
import { askMarket } from './market-flow.js';
import { askPersona } from './persona-flow.js';
import { PromptAsker } from './prompt-asker.js';
import type { Asker, Prompter } from './questions.js';
import { writeNewFile } from './write.js';

export interface NewDocumentOptions {
  kind: Kind;
  id?: string;
  answers?: string;
  yes: boolean;
  dir?: string;
  force: boolean;
  dryRun: boolean;
}

export interface NewDocumentEnvironment {
  cwd: string;
  /** stdin is a terminal, so questions can be asked. */
  interactive: boolean;
  /** The terminal's prompts; called only when questions are asked. */
  prompter: () => Promise<Prompter>;
  today: string;
}

export interface NewDocumentResult {
  /** Absolute path of the file written (or that would be, with --dry-run). */
  file: string;
  /** The file as shown to the user (relative to cwd when inside it). */
  shown: string;
  text: string;
  data: Record<string, unknown>;
  written: boolean;
  /** The workspace's placeholder texts (personakit.yaml `placeholders`), for the completeness shown. */
  placeholders: Placeholders;
}

const FLOWS: Record<Kind, (ask: Asker, ctx: FlowContext) => Promise<Record<string, unknown>>> = {
  persona: askPersona,
  journey: askJourney,
  market: askMarket,
};

/** `personakit new`: ask (or read) the answers, build the document, check it, write `<id>.yaml`. */
export async function createDocument(
  options: NewDocumentOptions,
  env: NewDocumentEnvironment,
): Promise<NewDocumentResult> {
  if (options.answers === undefined && !options.yes && !env.interactive) {
    throw new UsageError(
      `new ${options.kind}: stdin is not a terminal, so no questions can be asked; give --answers <file> or --yes`,
      'write the answers in a YAML file for --answers (see the README), or take defaults and TODO placeholders with --yes',
    );
  }
  const start = path.resolve(env.cwd, options.dir ?? '.');
  const settingsFile = await findSettingsFile(start);
  const root = settingsFile ? path.dirname(settingsFile) : undefined;
  const workspace = root ? await loadWorkspace({ cwd: root, paths: [] }) : undefined;
  const folder =
    options.dir !== undefined
      ? start
      : root && (await isDirectory(path.join(root, `${options.kind}s`)))
        ? path.join(root, `${options.kind}s`)
        : env.cwd;

  const docs = workspace?.documents ?? [];
  const taken = new Set<string>();
  for (const doc of docs) {
    // With --force, the document in the very file being replaced may keep its id.
    const replaced = options.force && doc.id !== undefined && doc.absPath === path.join(folder, `${doc.id}.yaml`);
    if (doc.kind === options.kind && doc.id !== undefined && !replaced) taken.add(doc.id);
  }
  const ctx: FlowContext = {
    takenIds: taken,
    personaIds: [...new Set(docs.filter((d) => d.kind === 'persona' && d.id).map((d) => d.id!))],
    today: env.today,
  };
  if (!options.force) {
    const shownFolder = path.resolve(folder) === path.resolve(env.cwd) ? '' : `${display(env.cwd, folder)}/`;
    ctx.existingFiles = { ids: new Set(await yamlNames(folder)), folder: shownFolder };
  }
  if (options.id !== undefined) ctx.presetId = options.id;

  const source = options.answers === undefined ? '--yes' : display(env.cwd, path.resolve(env.cwd, options.answers));
  let data: Record<string, unknown>;
  if (options.answers !== undefined || options.yes) {
    const file =
      options.answers === undefined
        ? undefined
        : await readAnswers(path.resolve(env.cwd, options.answers), source, options.kind);
    data = await documentFromAnswers(
      options.kind,
      (ask) => FLOWS[options.kind](ask, ctx),
      new AnswersAsker({ source, yes: options.yes }, file?.answers ?? {}),
      (pointer, at) => file?.positions.locate(0, pointer, at),
    );
  } else {
    data = await FLOWS[options.kind](new PromptAsker(await env.prompter()), ctx);
    assertValid(options.kind, data, source);
  }

  const file = path.join(folder, `${String(data.id)}.yaml`);
  const shown = display(env.cwd, file);
  const text = toYaml(data, { modeline: modeline(options.kind, folder, root) });
  const placeholders = workspace?.settings.placeholders ?? DEFAULT_PLACEHOLDERS;
  if (options.dryRun) return { file, shown, text, data, written: false, placeholders };
  if (!(await writeNewFile(file, text, { force: options.force, shown }))) {
    throw new UsageError(
      `${shown} already exists; nothing was written`,
      'choose another id, or replace the file with --force',
    );
  }
  return { file, shown, text, data, written: true, placeholders };
}

/** An answers file: one YAML mapping; `kind`, if given, must match the command. Its positions place the problems. */
async function readAnswers(
  file: string,
  shown: string,
  kind: Kind,
): Promise<{ answers: Record<string, unknown>; positions: PositionIndex }> {
  let bytes: Buffer;
  try {
    // A FIFO or device (/dev/zero) would block or never end; an answers file is a small regular file.
    const info = await stat(file);
    if (!info.isFile())
      throw new UsageError(`the answers file ${shown} is not a regular file`, 'give --answers a YAML file');
    if (info.size > DEFAULT_LIMITS.maxFileBytes)
      throw new UsageError(
        `the answers file ${shown} is larger than ${DEFAULT_LIMITS.maxFileBytes} bytes`,
        'give --answers a YAML file of answers',
      );
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read the answers file ${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message}`,
      'check the path given to --answers',
    );
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new UsageError(`${shown}:${decoded.line}:${decoded.column}: ${decoded.message}`);
  const parsed = parseYaml(decoded.text, DEFAULT_LIMITS);
  const error = parsed.errors[0];
  if (error)
    throw new UsageError(
      `${shown}:${error.line ?? 1}:${error.column ?? 1}: ${error.message}`,
      'fix the YAML of the answers file',
    );
  const [data, ...more] = parsed.documents;
  if (more.length > 0)
    throw new UsageError(
      `${shown}: holds ${parsed.documents.length} YAML documents; give the answers for one ${kind} in one mapping`,
    );
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      `${shown}: expected a mapping of answers (name: …, id: …), found ${data === undefined ? 'nothing' : Array.isArray(data) ? 'a list' : 'a single value'}`,
      'see the README section "Scaffolding" for the answers format',
    );
  }
  const { kind: given, ...answers } = data as Record<string, unknown>;
  if (given !== undefined && given !== kind)
    throw new UsageError(
      `${shown}: kind: the answers are for a ${String(given)}, but the command creates a ${kind}`,
      `run personakit new ${String(given)}, or correct "kind"`,
    );
  return { answers, positions: parsed.positions };
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Ids that `<id>.yaml` would collide with in the target folder. */
async function yamlNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith('.yaml')).map((e) => e.slice(0, -'.yaml'.length));
}
