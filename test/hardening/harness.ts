import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { trackTempDir } from '../support/run-bin.js';

/**
 * The invariants every command must keep on any input (issue 8), checked in-process: an exit code
 * of 0, 1 or 2 with no internal error or stack trace, prototypes untouched, no template or script
 * from the data run, and nothing written outside the place the command was asked to write.
 */

/** A one-pixel PNG: the bytes of a valid picture. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
/** A picture outside the workspace, reachable only through a link: it must never be copied into a report. */
export const SECRET_PNG = Buffer.concat([PNG, Buffer.from('SECRET-OUTSIDE-THE-WORKSPACE')]);

export interface Sandbox {
  /** Parent of the workspace: holds `ws/` and `outside/`. */
  root: string;
  ws: string;
  cleanup(): void;
}

/**
 * A fresh sandbox: `ws/` (the workspace, documents under ws/docs) next to `outside/`, which holds a
 * secret picture linked from inside the workspace. Synchronous: thousands of cases are run.
 */
export function makeSandbox(files: Record<string, Uint8Array>): Sandbox {
  const root = trackTempDir(realpathSync(mkdtempSync(path.join(tmpdir(), 'personakit-hardening-'))));
  const ws = path.join(root, 'ws');
  mkdirSync(path.join(ws, 'docs', 'images'), { recursive: true });
  mkdirSync(path.join(root, 'outside'));
  writeFileSync(path.join(root, 'outside', 'secret.png'), SECRET_PNG);
  writeFileSync(path.join(root, 'outside', 'evil.yaml'), 'kind: persona\nid: outside\nname: Outside\n');
  writeFileSync(path.join(ws, 'docs', 'images', 'ok.png'), PNG);
  symlinkSync(path.join(root, 'outside', 'secret.png'), path.join(ws, 'docs', 'images', 'link.png'));
  symlinkSync(path.join(root, 'outside'), path.join(ws, 'docs', 'outside-link'));
  for (const [rel, bytes] of Object.entries(files)) {
    const file = path.join(ws, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  return { root, ws, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every entry under `dir` with its content (files) or kind, for before/after comparison. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    out.set(
      rel,
      entry.isFile()
        ? readFileSync(full).toString('base64')
        : entry.isSymbolicLink()
          ? 'link'
          : entry.isDirectory()
            ? 'dir'
            : 'other',
    );
  }
  return out;
}

/** The tree is unchanged, except for entries under the allowed folders (relative to root). */
export function expectUnchangedExcept(
  before: Map<string, string>,
  after: Map<string, string>,
  allowed: readonly string[] = [],
): void {
  const free = (rel: string) => allowed.some((a) => rel === a || rel.startsWith(`${a}/`));
  // Creating the output folder creates its missing parents too.
  const parent = (rel: string, value: string) => value === 'dir' && allowed.some((a) => a.startsWith(`${rel}/`));
  const changed: string[] = [];
  for (const [rel, value] of after)
    if (!free(rel) && !parent(rel, value) && before.get(rel) !== value) changed.push(`+ ${rel}`);
  for (const rel of before.keys()) if (!free(rel) && !after.has(rel)) changed.push(`- ${rel}`);
  expect(changed, 'files written, changed or lost outside the output').toEqual([]);
}

const PROTOTYPES: ReadonlyArray<[string, object]> = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['String', String.prototype],
  ['Function', Function.prototype],
];

export function snapshotPrototypes(): string {
  return PROTOTYPES.map(([name, proto]) => `${name}:${Reflect.ownKeys(proto).map(String).sort().join(',')}`).join('\n');
}

/** No prototype gained or lost a property, no payload ran. */
export function expectNoPollution(before: string): void {
  expect(snapshotPrototypes()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
}

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI in-process and check the outcome invariants. */
export async function runChecked(argv: readonly string[], cwd: string): Promise<CliOutcome> {
  const io = memoryIo({ cwd });
  const code = await runCli(argv, io);
  const context = `personakit ${argv.join(' ')}\nstderr: ${io.err.slice(0, 2000)}`;
  expect([0, 1, 2], context).toContain(code);
  expect(io.err, context).not.toMatch(/internal error/);
  expect(io.out + io.err, context).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  if (code === 2) expect(io.err, context).toMatch(/^personakit: \S|^Usage: /m);
  return { code, out: io.out, err: io.err };
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

/** `--format json` output, with every diagnostic well-formed (1-based positions, a rule, a message). */
export function expectDiagnostics(outcome: CliOutcome): JsonDiagnostic[] {
  if (outcome.code === 2) return [];
  const { diagnostics, summary } = JSON.parse(outcome.out) as {
    diagnostics: JsonDiagnostic[];
    summary: { errors: number };
  };
  for (const d of diagnostics) {
    expect(
      Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1,
      JSON.stringify(d),
    ).toBe(true);
    expect(d.rule).toMatch(/^[a-z-]+$/);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(outcome.code).toBe(summary.errors > 0 ? 1 : 0);
  return diagnostics;
}

/** What a written report folder may hold: report names derived from ids, pictures, nothing else. */
export const REPORT_NAME = /^(images|(images\/)?[a-z0-9][a-z0-9-]*(\.[a-z0-9]+)+)$/;

/** Reports contain no script, no live handler and nothing of the picture outside the workspace. */
export function expectSafeReports(outDir: string, format: string): void {
  for (const [rel, content] of snapshotTree(outDir)) {
    expect(rel).toMatch(REPORT_NAME);
    if (content === 'dir') continue;
    const bytes = Buffer.from(content, 'base64');
    expect(bytes.includes('SECRET-OUTSIDE-THE-WORKSPACE'), `${rel} holds the picture from outside the workspace`).toBe(
      false,
    );
    if (format === 'html' && rel.endsWith('.html')) {
      const html = bytes.toString('utf8');
      expect(html).not.toMatch(/<script|<img[^>]+onerror|(?:href|src)\s*=\s*["']?\s*(?:javascript:|data:text|file:)/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
    if (format === 'json' && rel.endsWith('.json')) expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
  }
}
