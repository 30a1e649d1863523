import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, listTree, makeTempDir, runBin, writeTree } from '../support/run-bin.js';
import { runInProcess } from '../support/run-in-process.js';
import { startPty } from './pty.js';

// The real-terminal case needs util-linux's script(1) (in every Debian); skipped where it is missing.
const hasScript = existsSync('/usr/bin/script') || existsSync('/bin/script');

/** A workspace made by `init` (through the built binary, or in-process where it only sets the scene). */
async function initWorkspace(run = runInProcess): Promise<string> {
  const dir = await makeTempDir();
  const init = await run(['init', '--name', 'Acme Ltd'], { cwd: dir });
  expect(init.code).toBe(0);
  return dir;
}

describe('scaffold end to end (built binary)', () => {
  it('init, then check, in a temporary folder exits 0', async () => {
    const dir = await initWorkspace(runBin);
    const check = await runBin(['check'], { cwd: dir });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('new without a terminal and without --answers/--yes exits 2 at once, even with stdin left open', async () => {
    const dir = await makeTempDir();
    const child = spawn(process.execPath, [BIN, 'new', 'persona'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    // Generous guard only: a hang fails the test instead of blocking it.
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--answers <file> or --yes/);
    expect(await listTree(dir)).toEqual([]);
  });

  it('--answers: writes a 100 % complete persona that check passes; an invalid answer exits 2 naming the field', async () => {
    const dir = await initWorkspace();
    await writeTree(dir, {
      'ok.yaml':
        'name: Finance Fiona\nabout: { job_title: FD }\npersonality: { traits: [calm] }\ngoals: [{ text: Close in three days, type: commercial }]\nchallenges: [{ text: Audit risk, type: regulation }]\nhangouts: [{ name: ICAEW, type: website }]\nvalue: [{ text: Automate, addresses: [close-in-three-days, audit-risk] }]\nobjections: [{ text: No time }]\nmessages: [{ theme: productivity, text: Save days }]\nevidence: [{ source: interview, date: 2026-05-01 }]\n',
      'bad.yaml': 'name: Finance Fred\ngoals:\n  - { text: a, type: commercial }\n  - { text: b, type: comercial }\n',
    });
    const ok = await runBin(['new', 'persona', '--answers', 'ok.yaml'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('wrote personas/finance-fiona.yaml\n  100 % complete');
    const check = await runBin(['check', 'personas/finance-fiona.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);

    const bad = await runBin(['new', 'persona', '--answers', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'personakit: bad.yaml:4:22: goals[1].type: "comercial" is not one of commercial, personal, emotional',
    );
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('--dry-run prints the YAML and writes nothing; an existing file is not overwritten without --force', async () => {
    const dir = await initWorkspace();
    const before = await listTree(dir);
    const dry = await runBin(['new', 'journey', 'buys', '--yes', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^# yaml-language-server: \$schema=\S+journey\.schema\.json\nkind: journey\nid: buys\n/);
    expect(await listTree(dir)).toEqual(before);

    const first = await runBin(['new', 'market', 'm', '--yes'], { cwd: dir });
    expect(first.code).toBe(0);
    await writeTree(dir, { 'markets/m.yaml': 'kept\n' });
    const again = await runBin(['new', 'market', 'm', '--yes', '--dir', 'markets'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'id on the command line: markets/m.yaml already exists; choose another id, or replace the file with --force',
    );
    expect(await readFile(path.join(dir, 'markets/m.yaml'), 'utf8')).toBe('kept\n');
    const forced = await runBin(['new', 'market', 'm', '--yes', '--dir', 'markets', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(dir, 'markets/m.yaml'), 'utf8')).toContain('kind: market');
  });
});

describe.runIf(hasScript)('scaffold through a real terminal (util-linux script)', () => {
  it('answers every persona prompt with keystrokes; the written persona is complete and check passes', async () => {
    const dir = await initWorkspace();
    const pty = startPty(['new', 'persona'], { cwd: dir });
    const steps: Array<[string, string]> = [
      ["Persona's name", 'Pty Pat\r'],
      ['Id of this persona', '\r'],
      ['Tagline', '\r'],
      ['Picture', '\r'],
      ['outside your organisation', '\r'],
      ['Roles in the buying decision', ' \r'],
      ['About them: age', '45\r'],
      ['About them: gender', '\r'],
      ['About them: education', '\r'],
      ['About them: family', '\r'],
      ['About them: where they live', '\r'],
      ['About them: job title', 'Buyer\r'],
      ['About them: professional experience', '\r'],
      ['About them: line of work', '\r'],
      ['a character trait', 'Calm\r'],
      ['Another trait', '\r'],
      ['how they like to be contacted', '\r'],
      ['add a goal', 'y\r'],
      ['The goal, in their words', 'Save time\r'],
      ['Kind of goal', '\r'],
      ['Id of this goal', '\r'],
      ['Add another goal?', 'n\r'],
      ['add a challenge', 'y\r'],
      ['The challenge, in their words', 'Tight budget\r'],
      ['Kind of challenge', '\r'],
      ['Id of this challenge', '\r'],
      ['Add another challenge?', 'n\r'],
      ['add a place', 'y\r'],
      ['Name of the place', 'Trade press\r'],
      ['Kind of place', '\r'],
      ['Its web address', '\r'],
      ['Add another hangout?', 'n\r'],
      ['What we do for them: add', 'y\r'],
      ['What we do for them (e.g.', 'Automate it\r'],
      ['Which of their goals', '\r'],
      ['Add another thing we do', 'n\r'],
      ['Objections: add', 'y\r'],
      ['The objection, as they', 'Too busy\r'],
      ['Kind of objection', '\r'],
      ['How we answer it', '\r'],
      ['Add another objection?', 'n\r'],
      ['Message: add', 'y\r'],
      ['Theme of the message', '\r'],
      ['The message itself', 'Save an hour a day\r'],
      ['Where this message is used', '\r'],
      ['Add another message?', 'n\r'],
      ['buying behaviour', 'n\r'],
      ['Evidence: add', 'y\r'],
      ['Kind of research', '\r'],
      ['When (YYYY-MM-DD)', '\r'],
      ['Note (e.g.', '\r'],
      ['Add another piece of research?', 'n\r'],
    ];
    for (const [prompt, keys] of steps) await pty.answer(prompt, keys);
    const { code, output } = await pty.exit();
    expect(code, output).toBe(0);
    expect(output).toContain('100 % complete');
    const text = await readFile(path.join(dir, 'personas/pty-pat.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain('name: Pty Pat');
    expect(text).toContain('roles: [decision-maker]');
    expect(text).toContain('value:\n  - text: Automate it\n    addresses: [save-time, tight-budget]');
    const check = await runBin(['check', 'personas/pty-pat.yaml', '--format', 'json'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['persona-orphan']);
  });

  it("init at a terminal asks for the client's name", async () => {
    const dir = await makeTempDir();
    const pty = startPty(['init', 'acme'], { cwd: dir });
    await pty.answer("Client's name", 'Acme Pty Ltd\r');
    const { code, output } = await pty.exit();
    expect(code, output).toBe(0);
    expect(await readFile(path.join(dir, 'acme/personakit.yaml'), 'utf8')).toContain('name: Acme Pty Ltd');
  });

  it('Ctrl-C at a prompt exits 130 with one line and leaves no file', async () => {
    const dir = await initWorkspace();
    const before = await listTree(dir);
    const pty = startPty(['new', 'persona'], { cwd: dir });
    await pty.answer("Persona's name", 'Half Harriet\r');
    await pty.answer('Id of this persona', '\u0003');
    const { code, output } = await pty.exit();
    expect(code).toBe(130);
    expect(output).toContain('Interrupted; nothing was written.');
    expect(output).not.toMatch(/\n\s+at /);
    expect(await listTree(dir)).toEqual(before);
  });
});
