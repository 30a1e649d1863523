/**
 * The `diff` scenario's repository: a benchmark workspace committed twice, the second commit
 * changing a few hundred documents the way a pull request would (goals reworded, roles added,
 * a stage's emotion, a market's threshold). Made once per workspace generation, in place.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARKER = 'personakit-bench-diff-v2';

export function ensureDiffRepo(dir) {
  if (existsSync(path.join(dir, '.git', MARKER))) return;
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  // A repository made by an older version of this file: back to the generated files first.
  if (existsSync(path.join(dir, '.git')))
    git('reset', '-q', '--hard', git('rev-list', '--max-parents=0', 'HEAD').trim());
  rmSync(path.join(dir, '.git'), { recursive: true, force: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const edit = (file, change) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  const personas = readdirSync(path.join(dir, 'personas')).sort();
  // Every 30th persona (334 of 10,000): a goal reworded (no colon: it stays a plain YAML scalar);
  // every 60th also gains a role.
  personas.forEach((name, i) => {
    if (i % 30 !== 0) return;
    edit(path.join(dir, 'personas', name), (text) => {
      let out = text.replace(/( {4}text: )/, '$1Revised ');
      if (i % 60 === 0) out = out.replace(/^roles: \[/m, 'roles: [influencer, ');
      return out;
    });
  });
  const journeys = readdirSync(path.join(dir, 'journeys')).sort();
  journeys
    .slice(0, 20)
    .forEach((name) => edit(path.join(dir, 'journeys', name), (text) => text.replace(/emotion: -?\d/, 'emotion: -2')));
  const markets = readdirSync(path.join(dir, 'markets')).filter((f) => f.endsWith('.yaml'));
  edit(path.join(dir, 'markets', markets[0]), (text) => text.replace(/threshold: [\d.]+/, 'threshold: 0.5'));
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  writeFileSync(path.join(dir, '.git', MARKER), '');
}
