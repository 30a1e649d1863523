import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SETTINGS_FILE } from './collect.js';

/** Search upward from `start` for personakit.yaml, the way git looks for .git. */
export async function findSettingsFile(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) dir = path.dirname(dir);
  for (;;) {
    const candidate = path.join(dir, SETTINGS_FILE);
    const found = await stat(candidate).then(
      (s) => s.isFile(),
      () => false,
    );
    if (found) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
