import { UsageError } from '../../errors.js';
import { HOW_TO_INSTALL } from './browser.js';
import { EMPTY_HEADER, footerTemplate, withoutPageFooter } from './page-footer.js';

/**
 * The reports are served to the browser from memory under this origin (which no network can
 * reach): pages load their pictures from it as from their own folder, and nothing else loads.
 */
const ORIGIN = 'http://personakit.invalid';
const TYPES: Record<string, string> = {
  pdf: 'text/html; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};
/** Pages printed at once: enough to keep the browser busy, few enough for a small machine. */
const TABS = 3;
const ARGS = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Print each HTML page of `files` that is named `<report>.pdf` into a PDF of that name, with the
 * browser at `executablePath` driven by playwright-core (loaded only here; it downloads no browser).
 * `files` also holds what the pages load (images/…).
 */
export async function printPdfs(
  executablePath: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  write: (name: string, pdf: Uint8Array) => void,
  onPrinted?: () => void,
): Promise<void> {
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    // Without a sandbox: it needs privileges CI containers and root shells lack; the pages are ours and run no script.
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', ...ARGS] });
  } catch (e) {
    throw new UsageError(
      `cannot start the browser ${executablePath}: ${String((e as Error).message).split('\n')[0]}`,
      HOW_TO_INSTALL,
    );
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const body = url.origin === ORIGIN ? files.get(decodeURIComponent(url.pathname.slice(1))) : undefined;
      if (body === undefined) return route.abort();
      const ext = url.pathname.slice(url.pathname.lastIndexOf('.') + 1);
      const served = ext === 'pdf' && typeof body === 'string' ? withoutPageFooter(body) : body;
      return route.fulfill({ body: Buffer.from(served), contentType: TYPES[ext] ?? 'application/octet-stream' });
    });
    const names = [...files.keys()].filter((n) => n.endsWith('.pdf'));
    let next = 0;
    const tab = async () => {
      const page = await context.newPage();
      for (let i = next++; i < names.length; i = next++) {
        await page.goto(`${ORIGIN}/${names[i]}`, { waitUntil: 'load' });
        const footer = await page.locator('footer.wrap p').allTextContents();
        const pdf = await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: EMPTY_HEADER,
          footerTemplate: footerTemplate(footer),
        });
        write(names[i]!, pdf);
        onPrinted?.();
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(TABS, names.length) }, tab));
  } finally {
    await browser.close();
  }
}
