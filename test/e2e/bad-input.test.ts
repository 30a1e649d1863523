import { execFileSync } from 'node:child_process';
import { chmod, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, makeTempDir, writeTree } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';

/*
 * Cases run in-process (runCli, what bin/personakit.js runs); those that pass `binary` or call
 * runBoth run through the built binary too, which must end the same way, byte for byte.
 */

const persona = (id: string, extra = '') => `kind: persona\nid: ${id}\nname: ${id}\n${extra}`;

/** Run `validate` (json) in a temp folder holding `files`; returns the exit code and `file:line:column rule` rows. */
async function validateTree(
  files: Record<string, string | Uint8Array>,
  args: string[] = ['.'],
  { binary = false } = {},
) {
  const dir = await writeTree(await makeTempDir(), files);
  const before = await listTree(dir);
  const result = await (binary ? runBoth : run)(['validate', '--format', 'json', ...args], { cwd: dir });
  // validate never writes anything.
  expect(await listTree(dir)).toEqual(before);
  const rows = result.stdout
    ? (
        JSON.parse(result.stdout) as {
          diagnostics: Array<{ file: string; line: number; column: number; rule: string; message: string }>;
        }
      ).diagnostics
    : [];
  return {
    ...result,
    rows: rows.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`),
    messages: rows.map((d) => d.message),
  };
}

describe('bad documents: one clear diagnostic each, exit 1, never a crash', () => {
  it('malformed YAML', async () => {
    const r = await validateTree({ 'p.yaml': 'kind: persona\nid: p\nname: "unclosed\n' });
    expect(r).toMatchObject({ code: 1, stderr: '', rows: ['p.yaml:3:15 yaml-syntax'] });
  });

  it('wrong types and unknown properties', async () => {
    const r = await validateTree({ 'p.yaml': persona('p', 'goals: yes\nabout:\n  age: [40]\nnmae: x\n') });
    expect(r.code).toBe(1);
    expect(r.rows).toEqual(['p.yaml:4:8 schema', 'p.yaml:6:8 schema', 'p.yaml:7:1 schema']);
    expect(r.messages).toEqual([
      'goals must be a list — got "yes"',
      'about.age must be a whole number or a string — got a list',
      expect.stringMatching(/^unknown property "nmae" \(did you mean "name"\?\)/),
    ]);
  });

  it('duplicate keys, tabs as indentation and custom tags', async () => {
    const r = await validateTree(
      {
        'dup.yaml': 'kind: persona\nid: d\nid: e\nname: D\n',
        'tabs.yaml': 'kind: persona\nid: t\nname: T\nabout:\n\tage: 4\n',
        'tag.yaml':
          "kind: persona\nid: f\nname: !!js/function \"function () { require('fs').writeFileSync('pwned', '') }\"\n",
      },
      ['.'],
      { binary: true },
    );
    expect(r.rows).toEqual(['dup.yaml:3:1 yaml-syntax', 'tabs.yaml:5:1 yaml-syntax', 'tag.yaml:3:7 yaml-syntax']);
  });

  it('an alias bomb: a yaml-syntax error, promptly', async () => {
    const rows = ['kind: persona', 'id: bomb', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++)
      rows.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const r = await validateTree({ 'bomb.yaml': rows.join('\n') + '\n' }, ['bomb.yaml']);
    expect(r.code).toBe(1);
    expect(r.rows).toEqual(['bomb.yaml:1:1 yaml-syntax']);
    expect(r.messages[0]).toMatch(/too many aliases/);
  });

  it('UTF-8 BOM and CRLF files work', async () => {
    const text = persona('crlf', 'roles: [boss]\n').replace(/\n/g, '\r\n');
    const r = await validateTree({ 'w.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    expect(r.rows).toEqual(['w.yaml:4:9 schema']);
  });

  it('a Latin-1 file and a binary file named .yaml are diagnostics with a position', async () => {
    const r = await validateTree(
      {
        'latin1.yaml': Buffer.from('kind: persona\nid: l\nname: Ren\xe9e\n', 'latin1'),
        'photo.yaml': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
        'ok.yaml': persona('ok'),
      },
      ['.'],
      { binary: true },
    );
    expect(r.code).toBe(1);
    expect(r.rows).toEqual(['latin1.yaml:3:10 yaml-syntax', 'photo.yaml:1:5 yaml-syntax']);
    expect(r.messages).toEqual([expect.stringMatching(/not valid UTF-8/), expect.stringMatching(/looks binary/)]);
  });

  it('a top-level list or scalar is unknown-kind; empty and comment-only files are skipped silently', async () => {
    const r = await validateTree({
      'list.yaml': '- a\n',
      'empty.yaml': '',
      'comment.yaml': '# nothing yet\n',
      'dashes.yaml': '---\n---\n',
      'p.yaml': persona('p'),
    });
    expect(r.rows).toEqual(['list.yaml:1:1 unknown-kind']);
  });

  it('an unquoted date and yes/no stay strings (YAML 1.2 core)', async () => {
    const r = await validateTree({
      'p.yaml': persona('p', 'tagline: yes\nevidence:\n  - source: interview\n    date: 2026-05-01\n    note: no\n'),
    });
    expect(r).toMatchObject({ code: 0, rows: [] });
  });
});

describe('bad invocations: exit 2 and a message naming the problem, nothing on stdout', () => {
  const expectUsage = (r: { code: number | null; stdout: string; stderr: string }, message: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^personakit: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('a path that does not exist', async () => {
    const dir = await writeTree(await makeTempDir(), { 'p.yaml': persona('p') });
    expectUsage(
      await runBoth(['validate', 'p.yaml', 'personas/missing.yaml'], { cwd: dir }),
      /path "personas\/missing\.yaml" does not exist/,
    );
  });

  it('a folder with no YAML: nothing to check', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'docs/readme.md': '# hi\n',
      'node_modules/x/p.yaml': persona('hidden'),
      '.git/p.yaml': persona('git'),
    });
    expectUsage(
      await run(['validate', 'docs'], { cwd: dir }),
      /nothing to check: no persona, journey or market documents found in docs/,
    );
    expectUsage(await run(['validate'], { cwd: dir }), /nothing to check/);
  });

  it('a folder holding only kind-less YAML: nothing to check, without a workspace', async () => {
    const dir = await writeTree(await makeTempDir(), { 'docker-compose.yml': 'services: {}\n' });
    expectUsage(await run(['check'], { cwd: dir }), /nothing to check/);
  });

  it('a glob that matches nothing', async () => {
    const dir = await writeTree(await makeTempDir(), { 'p.yaml': persona('p') });
    expectUsage(await run(['validate', 'personas/*.yaml'], { cwd: dir }), /no YAML file matches "personas\/\*\.yaml"/);
  });

  it('an unknown flag, an unknown command, a bad --format', async () => {
    const cwd = await makeTempDir();
    expectUsage(await runBoth(['validate', '--colour'], { cwd }), /unknown option '--colour'/);
    expectUsage(await run(['lint'], { cwd }), /unknown command 'lint'/);
    expectUsage(
      await run(['check', '--format', 'xml'], { cwd }),
      /"xml" is not a format; use one of stylish, json, junit, sarif, github/,
    );
  });

  it('a file that is not YAML, and a FIFO', async () => {
    const dir = await writeTree(await makeTempDir(), { 'p.json': '{}' });
    expectUsage(await run(['validate', 'p.json'], { cwd: dir }), /"p\.json" is not a YAML file/);
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    } catch {
      return; // no mkfifo on this system
    }
    expectUsage(await runBoth(['validate', 'pipe.yaml'], { cwd: dir }), /"pipe\.yaml" is not a regular file or folder/);
  });

  // Root reads files whatever their mode, so this needs a normal user (CI runs as root).
  it.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
    const dir = await writeTree(await makeTempDir(), { 'p.yaml': persona('p') });
    await chmod(path.join(dir, 'p.yaml'), 0o000);
    expectUsage(await runBoth(['validate', 'p.yaml'], { cwd: dir }), /cannot read p\.yaml: permission denied/);
  });

  it('an invalid personakit.yaml names itself with line and column', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: T\npaths: [personas]\nevidence:\n  maxAgeDays: soon\n',
      'personas/p.yaml': persona('p'),
    });
    expectUsage(
      await runBoth(['validate'], { cwd: dir }),
      /^personakit: personakit\.yaml:4:15: evidence\.maxAgeDays must be/,
    );
    expectUsage(
      await run(['validate', 'p.yaml'], { cwd: path.join(dir, 'personas') }),
      /^personakit: \/.*\/personakit\.yaml:4:15: /,
    );
  });

  it('personakit.yaml with broken YAML', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: T\npaths: [personas\n',
      'personas/p.yaml': persona('p'),
    });
    expectUsage(await run(['validate'], { cwd: dir }), /^personakit: personakit\.yaml:2:\d+: /);
  });
});

describe('file selection', () => {
  it('expands quoted globs: single folder, recursive and braces', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personas/a.yaml': persona('a', 'roles: [boss]\n'),
      'personas/deep/b.yml': persona('b', 'roles: [boss]\n'),
      'journeys/c.yaml': persona('c', 'roles: [boss]\n'),
      'node_modules/m/d.yml': persona('d', 'roles: [boss]\n'),
    });
    const files = async (first: string, runner = run) => {
      const r = await runner(['validate', '--format', 'json', first], { cwd: dir });
      return (JSON.parse(r.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
    };
    expect(await files('personas/*.yaml')).toEqual(['personas/a.yaml']);
    expect(await files('**/*.yml')).toEqual(['personas/deep/b.yml']);
    expect(await files('{personas,journeys}/*.yaml', runBoth)).toEqual(['journeys/c.yaml', 'personas/a.yaml']);
  });

  it('does not hang on a symlink loop, and skips dot-folders and node_modules', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personas/a.yaml': persona('a'),
      '.cache/x.yaml': 'junk: [\n',
      'node_modules/y.yaml': 'junk: [\n',
    });
    await symlink('..', path.join(dir, 'personas', 'up'));
    await symlink('.', path.join(dir, 'personas', 'self'));
    const r = await runBoth(['validate', '.'], { cwd: dir, timeoutMs: 15_000 });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
