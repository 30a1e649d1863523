import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.js';

/** The names Chromium-family browsers are installed under, most likely first. */
export const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge',
  'brave-browser',
];

export const HOW_TO_INSTALL =
  'install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or Google Chrome, ' +
  'or name a Chromium-family browser with --browser <path> or PERSONAKIT_BROWSER; ' +
  'the HTML reports (--format html) print the same from any browser';

/**
 * The browser that prints PDFs: `--browser`, else PERSONAKIT_BROWSER, else the first of
 * BROWSER_NAMES on the PATH. playwright-core drives it and never downloads one.
 */
export function findBrowser(options: { flag?: string; env?: string; pathVar?: string; cwd: string }): string {
  const named = options.flag ?? (options.env === '' ? undefined : options.env);
  if (named !== undefined) {
    const file = path.resolve(options.cwd, named);
    if (executable(file)) return file;
    throw new UsageError(
      `the browser ${named}${options.flag === undefined ? ' (PERSONAKIT_BROWSER)' : ''} is not an executable file`,
      HOW_TO_INSTALL,
    );
  }
  for (const dir of (options.pathVar ?? '').split(path.delimiter).filter(Boolean))
    for (const name of BROWSER_NAMES) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  throw new UsageError('--format pdf needs a Chromium-family browser, and none was found on the PATH', HOW_TO_INSTALL);
}

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
