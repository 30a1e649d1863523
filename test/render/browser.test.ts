import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { FIXTURES, makeTempDir, REPO_ROOT } from '../support/run-bin.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the real-browser tests of the HTML reports: no Chromium at ${CHROMIUM}.\n!! Install it (apt-get install -y chromium); .ci/run does.\n${'!'.repeat(78)}\n`,
  );
}

// Chromium reaches for the network on its own unless told not to; the closed network here would
// turn that into noise and slow starts.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Visit {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
  dialogs: string[];
}

describe.skipIf(!HAS_CHROMIUM)('HTML reports in a real browser (Chromium)', () => {
  let context: BrowserContext;
  let profile: string;
  let shots: string;
  let examples: string;
  let hostile: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = await mkdtemp(path.join(tmpdir(), 'personakit-chromium-'));
    shots = await makeTempDir('personakit-screenshots-');
    examples = await makeTempDir('personakit-browser-');
    hostile = await makeTempDir('personakit-browser-hostile-');
    await renderReports({ cwd: REPO_ROOT, paths: ['examples'], format: 'html', out: examples, force: false });
    await renderReports({
      cwd: path.join(FIXTURES, 'render-hostile'),
      paths: [],
      format: 'html',
      out: hostile,
      force: false,
    });
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    console.log(`browser screenshots: ${shots}`);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function visit(file: string, width = 1100): Promise<Visit> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const v: Visit = { page, consoleErrors: [], foreignRequests: [], dialogs: [] };
    page.on('console', (m) => m.type() === 'error' && v.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => v.consoleErrors.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && v.foreignRequests.push(r.url()));
    page.on('dialog', (d) => {
      v.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return v;
  }

  it('every report of the examples loads cleanly, draws its curve and matrix, and is screenshotted', async () => {
    const files = (await readdir(examples)).filter((f) => f.endsWith('.html'));
    expect(files).toHaveLength(8);
    for (const name of files) {
      const v = await visit(path.join(examples, name));
      expect({ name, errors: v.consoleErrors, requests: v.foreignRequests }).toEqual({
        name,
        errors: [],
        requests: [],
      });
      expect(await v.page.locator('script').count()).toBe(0);
      if (name.startsWith('journey-')) {
        const stages = await v.page.locator('tr.stage').count();
        expect(stages).toBeGreaterThan(0);
        expect(await v.page.locator('svg.emotion-curve circle.point').count()).toBe(stages);
        const rows = await v.page.locator('table.matrix tbody tr').count();
        const columns = await v.page.locator('table.matrix thead th.col').count();
        expect(await v.page.locator('table.matrix td.cell').count()).toBe(rows * columns);
        if (name === 'journey-multi-site-operator-buys-dock-scheduling.html') {
          expect([stages, rows, columns]).toEqual([11, 11, 7]);
          expect(await v.page.locator('table.matrix td.cell.aligned').count()).toBe(11);
        }
      }
      if (name.startsWith('persona-shift-planner-priya')) {
        expect(
          await v.page.locator('img.avatar').evaluate((img) => (img as { naturalWidth?: number }).naturalWidth ?? 0),
        ).toBeGreaterThan(0);
      }
      const shot = path.join(shots, name.replace(/\.html$/, '.png'));
      await v.page.screenshot({ path: shot, fullPage: true });
      expect(existsSync(shot)).toBe(true);
      await v.page.close();
    }
  }, 120_000);

  it('stays within a phone’s width', async () => {
    for (const name of [
      'persona-ops-director-dana.html',
      'journey-multi-site-operator-buys-dock-scheduling.html',
      'index.html',
    ]) {
      const v = await visit(path.join(examples, name), 390);
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      expect(await v.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await v.page.screenshot({ path: path.join(shots, `phone-${name.replace(/\.html$/, '.png')}`), fullPage: true });
      await v.page.close();
    }
  });

  it('the hostile reports run no script, open no dialog and show the markup as text', async () => {
    for (const name of (await readdir(hostile)).filter((f) => f.endsWith('.html'))) {
      const v = await visit(path.join(hostile, name));
      expect({ name, errors: v.consoleErrors, requests: v.foreignRequests, dialogs: v.dialogs }).toEqual({
        name,
        errors: [],
        requests: [],
        dialogs: [],
      });
      expect(await v.page.locator('script').count()).toBe(0);
      expect(await v.page.locator('img:not(.avatar), [onerror], iframe, object, embed').count()).toBe(0);
      const text = await v.page.locator('main').innerText();
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('{{constructor}}');
      await v.page.screenshot({ path: path.join(shots, `hostile-${name.replace(/\.html$/, '.png')}`), fullPage: true });
      await v.page.close();
    }
  });

  // `PERSONAKIT_DOCS_SCREENSHOTS=1 npx vitest run test/render/browser.test.ts` refreshes the README's pictures.
  it.runIf(process.env.PERSONAKIT_DOCS_SCREENSHOTS === '1')('writes the README screenshots to docs/', async () => {
    const docs = path.join(REPO_ROOT, 'docs');
    await mkdir(docs, { recursive: true });
    for (const [name, file, height] of [
      ['persona-shift-planner-priya.html', 'screenshot-persona.png', 1350],
      ['journey-multi-site-operator-buys-dock-scheduling.html', 'screenshot-journey.png', 1250],
    ] as const) {
      const v = await visit(path.join(examples, name), 1100);
      await v.page.screenshot({
        path: path.join(docs, file),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1100, height },
      });
      await v.page.close();
    }
  });

  it('prints to A4 PDF pages', async () => {
    const v = await visit(path.join(examples, 'persona-shift-planner-priya.html'));
    const pdf = await v.page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await v.page.close();
  });
});
