/** A private copy of the built package (bin, dist, schemas, templates, package.json) to measure. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function snapshotPackage() {
  // Inside the repository, so that the copy still resolves node_modules from it.
  const target = path.join(ROOT, 'bench', 'out', 'package');
  rmSync(target, { recursive: true, force: true });
  // tsc emits even when it reports type errors; what matters is that the CLI was built.
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      path.join(target, 'dist'),
    ],
    { stdio: 'inherit' },
  );
  if (!existsSync(path.join(target, 'dist', 'cli', 'main.js')))
    throw new Error('the snapshot build produced no dist/cli/main.js');
  for (const item of ['bin', 'schemas', 'templates', 'package.json']) {
    if (existsSync(path.join(ROOT, item))) cpSync(path.join(ROOT, item), path.join(target, item), { recursive: true });
  }
  // The rest of `npm run build`: validators generated from the snapshot's own schemas, and its
  // built-in templates precompiled (without them every render compiles the templates at run time).
  for (const step of [
    ['schema', 'generate-standalone.js'],
    ['render', 'precompile-templates.js'],
  ]) {
    const script = path.join(target, 'dist', ...step);
    if (existsSync(script)) spawnSync(process.execPath, [script], { stdio: 'inherit' });
  }
  return target;
}
