import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, listTree, makeTempDir, writeTree } from '../support/run-bin.js';
import { bin, binAndInProcess } from './binary.js';
import { PNG, runChecked, SECRET_PNG } from './harness.js';

/**
 * The hostile corpus (issue 8): every file of test/fixtures/hostile-yaml and generated inputs too
 * large or too strange to commit. Cases run in-process (runCli, what bin/personakit.js runs); those
 * marked `binary` run through the built binary too, with a timeout of its own (a hang fails the case
 * that caused it), and must print the same bytes. Every outcome is exit 0, 1 or 2 with a diagnostic,
 * never a trace.
 */

interface Row {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

interface JsonRow extends Row {
  severity: string;
}

/** `check --format json` (or validate, for cases about reading alone): the diagnostics other than evidence-missing. */
async function check(
  args: readonly string[],
  cwd: string,
  command = 'check',
  { binary = false } = {},
): Promise<{ code: number | null; rows: Row[]; stderr: string }> {
  const argv = [command, '--format', 'json', ...args];
  const r = binary
    ? await binAndInProcess(argv, cwd)
    : await runChecked(argv, cwd).then(({ code, out, err }) => ({ code, stdout: out, stderr: err }));
  return { code: r.code, rows: rowsOf(r), stderr: r.stderr };
}

/** The diagnostics of a `--format json` run other than evidence-missing. */
function rowsOf(r: { code: number | null; stdout: string }): Row[] {
  return r.code === 2
    ? []
    : (JSON.parse(r.stdout) as { diagnostics: Row[] }).diagnostics.filter((d) => d.rule !== 'evidence-missing');
}

const CORPUS = path.join(FIXTURES, 'hostile-yaml');
const rules = (rows: Row[]) => rows.map((r) => `${r.line}:${r.column} ${r.rule}`);

describe('hostile YAML files, one by one (check)', () => {
  it('billion laughs: one yaml-syntax error at once, naming the limit', async () => {
    const { code, rows } = await check(['docs/billion-laughs.yaml'], CORPUS, 'check', { binary: true });
    expect(code).toBe(1);
    expect(rules(rows)).toEqual(['2:1 yaml-syntax']);
    expect(rows[0]!.message).toMatch(/too many aliases \(more than 100\).*limits\.maxAliasCount/);
  });

  it('merge keys are plain keys: a chain of them expands nothing', async () => {
    expect((await check(['docs/merge-bomb.yaml'], CORPUS)).rows).toEqual([]);
  });

  it("nesting past the parser's stack, and past limits.maxDepth", async () => {
    // The binary alone: how deep the parser gets before its stack runs out depends on the thread it
    // runs in (a vitest worker thread has a larger stack than Node's main thread).
    const flowRun = await bin(['check', '--format', 'json', 'docs/deep-flow.yaml'], CORPUS);
    const flow = { rows: rowsOf(flowRun) };
    expect(flow.rows.map((r) => r.rule)).toEqual(['yaml-syntax']);
    expect(flow.rows[0]!.message).toMatch(/nested too deeply/);
    const block = await check(['docs/deep-block.yaml'], CORPUS, 'check', { binary: true });
    expect(block.rows.map((r) => r.message)).toEqual([
      expect.stringMatching(/nested more than 64 levels deep.*limits\.maxDepth/),
    ]);
  });

  it('duplicate keys are errors at the second key, not last-one-wins', async () => {
    const { rows } = await check(['docs/duplicate-keys.yaml'], CORPUS);
    expect(rules(rows)).toEqual(['5:1 yaml-syntax', '8:3 yaml-syntax']);
    expect(rows.every((r) => /duplicate key/.test(r.message))).toBe(true);
  });

  it('a tab as indentation', async () => {
    expect(rules((await check(['docs/tabs.yaml'], CORPUS)).rows)).toEqual(['5:1 yaml-syntax']);
  });

  it('custom tags (!!js/function, !!python/…, !!binary, verbatim and local tags) are refused, none runs', async () => {
    const dir = await makeTempDir();
    await cp(CORPUS, dir, { recursive: true });
    // Through the binary: a payload would write "pwned" into its working folder, the copy checked below.
    const { rows } = await check(['docs/custom-tags.yaml'], dir, 'check', { binary: true });
    expect(rows.map((r) => r.rule)).toEqual(Array(7).fill('yaml-syntax'));
    expect(rows.map((r) => /!\S+/.exec(r.message)?.[0])).toEqual([
      '!!js/function',
      '!!js/undefined',
      '!!js/regexp',
      '!!python/object/apply:os.system',
      '!!js/function',
      '!local',
      '!!binary',
    ]);
    expect(await listTree(dir)).not.toContain('pwned');
  });

  it('__proto__, constructor and prototype keys are plain data: unknown properties where the schema applies', async () => {
    const { rows } = await check(['docs/prototype-keys.yaml'], CORPUS);
    const unknown = rows
      .filter((r) => r.rule === 'schema')
      .map((r) => /unknown property "([^"]+)"/.exec(r.message)?.[1]);
    expect(unknown).toEqual(['__proto__', 'constructor', 'prototype', '__proto__', 'constructor', '__proto__']);
  });

  it.each(['empty.yaml', 'comments.yaml', 'empty-documents.yaml'])(
    '%s alone: nothing to check (exit 2), not an error about the file',
    async (file) => {
      const r =
        file === 'empty.yaml'
          ? await binAndInProcess(['check', `docs/${file}`], CORPUS)
          : await runChecked(['check', `docs/${file}`], CORPUS).then(({ code, err }) => ({ code, stderr: err }));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^personakit: nothing to check/);
    },
  );

  it('ids that try to be paths or look-alikes are schema errors', async () => {
    const { rows } = await check(['docs/hostile-ids.yaml'], CORPUS);
    // Eleven are not ids; the twelfth (300 × "x") is a valid id, too long for a report name (see render below).
    expect(rows.filter((r) => r.rule === 'schema' && /^id must be/.test(r.message))).toHaveLength(11);
  });
});

describe('generated inputs too large or too strange to commit', () => {
  it('a 6 MB single-line scalar is read (under the 8 MiB default)', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'p.yaml': `kind: persona\nid: long\nname: Long\ntagline: ${'x'.repeat(6 * 1024 * 1024)}\n`,
    });
    expect((await check(['p.yaml'], dir, 'validate')).rows).toEqual([]);
  });

  it('a file over the size limit is a diagnostic, and the limit is a setting', async () => {
    const big = `kind: persona\nid: big\nname: Big\n${'# padding\n'.repeat(1000)}`;
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'limits:\n  maxFileBytes: 4096\n',
      'p.yaml': big,
      'huge.yaml': Buffer.alloc(9 * 1024 * 1024, 0x20),
    });
    const { rows } = await check(['p.yaml', 'huge.yaml'], dir, 'validate');
    expect(rows.map((r) => `${r.file} ${r.message}`)).toEqual([
      'huge.yaml the file is larger than 4 KiB; split it, or raise limits.maxFileBytes in personakit.yaml',
      'p.yaml the file is larger than 4 KiB; split it, or raise limits.maxFileBytes in personakit.yaml',
    ]);
    await writeFile(path.join(dir, 'personakit.yaml'), '');
    expect((await check(['p.yaml'], dir, 'validate')).rows).toEqual([]);
  });

  it('limits.maxAliasCount and limits.maxDepth apply as set', async () => {
    const doc = 'kind: persona\nid: a\nname: &n Alias\ntagline: *n\nabout: {family: *n}\n';
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'limits: {maxAliasCount: 1, maxDepth: 1}\n',
      'a.yaml': doc,
      'd.yaml': 'kind: persona\nid: d\nname: D\ngoals: [{id: g, type: commercial, text: t}]\n',
    });
    const { rows } = await check(['a.yaml', 'd.yaml'], dir, 'validate');
    expect(rows.map((r) => `${r.file} ${r.rule}`)).toEqual(['a.yaml yaml-syntax', 'd.yaml yaml-syntax']);
    expect(rows[0]!.message).toMatch(/more than 1\)/);
    expect(rows[1]!.message).toMatch(/more than 1 levels/);
  });

  it('CRLF line ends, a BOM and NEL/LS characters in text', async () => {
    const text = '\uFEFFkind: persona\r\nid: crlf\r\nname: "A\u2028B\u0085C"\r\ntagline: >\r\n  folded\r\n  text\r\n';
    const dir = await writeTree(await makeTempDir(), { 'p.yaml': text });
    expect((await check(['p.yaml'], dir, 'validate')).rows).toEqual([]);
  });

  it('random bytes and random unicode named .yaml: a diagnostic each, or nothing to check', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const unicode = Array.from({ length: 500 }, (_, i) => String.fromCodePoint((i * 104729) % 0x10ffff))
      .join('')
      .replace(/[\ud800-\udfff]/g, '?');
    const dir = await writeTree(await makeTempDir(), {
      'bytes.yaml': bytes,
      'unicode.yaml': unicode,
      'ok.yaml': 'kind: persona\nid: ok\nname: Ok\n',
    });
    const { code, rows } = await check(['.'], dir, 'validate');
    expect(code).toBe(1);
    expect(rows.map((r) => r.file)).toContain('bytes.yaml');
  });
});

describe('the whole corpus through every reading command', () => {
  it('validate and check end with exit 1 and diagnostics for the hostile files only', async () => {
    for (const command of ['validate', 'check']) {
      const argv = [command, '--format', 'json'];
      // check through the built binary (deep-flow.yaml ends differently in-process: see above).
      const r =
        command === 'check'
          ? await bin(argv, CORPUS)
          : await runChecked(argv, CORPUS).then(({ code, out }) => ({ code, stdout: out }));
      expect(r.code).toBe(1);
      const files = new Set(
        (JSON.parse(r.stdout) as { diagnostics: JsonRow[] }).diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.file),
      );
      expect([...files].sort()).toEqual(
        [
          'billion-laughs',
          'custom-tags',
          'deep-block',
          'deep-flow',
          'duplicate-keys',
          'hostile-ids',
          'prototype-keys',
          'tabs',
        ].map((f) => `docs/${f}.yaml`),
      );
    }
  });

  // html through the built binary, md and json in-process.
  it.each(['html', 'md', 'json'])(
    'render --force --format %s writes only safe names into --out, no picture from outside',
    async (format) => {
      const dir = await makeTempDir();
      await cp(CORPUS, path.join(dir, 'ws'), { recursive: true });
      await writeTree(dir, { 'outside/secret.png': SECRET_PNG, 'ws/docs/images/ok.png': PNG });
      await symlink(path.join(dir, 'outside', 'secret.png'), path.join(dir, 'ws', 'docs', 'images', 'outside.png'));
      const before = await listTree(dir);
      const argv = ['render', '--force', '--format', format, '--out', 'out'];
      const r =
        format === 'html' ? await bin(argv, path.join(dir, 'ws')) : await runChecked(argv, path.join(dir, 'ws'));
      expect(r.code).toBe(0);
      const after = await listTree(dir);
      expect(after.filter((f) => !f.startsWith('ws/out'))).toEqual(before);
      const written = after.filter((f) => f.startsWith('ws/out/')).map((f) => f.slice('ws/out/'.length));
      for (const name of written) expect(name).toMatch(/^(images|(images\/)?[a-z0-9][a-z0-9-]*(\.[a-z0-9]+)+)$/);
      // The twelve hostile ids are rendered under numbered names, never under their own.
      expect(written.filter((n) => /^persona--\d+\./.test(n)).length).toBeGreaterThanOrEqual(12);
      for (const name of written.filter((n) => !n.endsWith('/') && n.includes('.'))) {
        const content = await readFile(path.join(dir, 'ws', 'out', name));
        expect(content.includes('SECRET-OUTSIDE-THE-WORKSPACE')).toBe(false);
        if (format === 'html') expect(content.toString()).not.toMatch(/<script/i);
      }
    },
  );
});
