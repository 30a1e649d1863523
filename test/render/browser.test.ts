import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, ConsoleMessage, Dialog, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { FIXTURES, makeTempDir, REPO_ROOT, writeTree } from '../support/run-bin.js';
import { hostileText, hostileWorkspace, plainSlot } from '../hardening/hostile-workspace.js';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { parseFragment } from 'parse5';
import { longPersona, workspace } from './workspace.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
// .ci/run sets PERSONAKIT_REQUIRE_CHROMIUM=1 after installing Chromium: there a missing browser fails
// the run instead of skipping these tests.
const REQUIRED = process.env.PERSONAKIT_REQUIRE_CHROMIUM === '1';
if (!HAS_CHROMIUM && !REQUIRED) {
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

interface SvgNode {
  tagName?: string;
  attrs?: Array<{ name: string }>;
  childNodes?: SvgNode[];
}

interface Visit {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
  dialogs: string[];
  /** Stop recording this visit's console errors, requests and dialogs (the tab stays open for the next visit). */
  end(): void;
}

// Skipped (with the warning above) only where Debian's Chromium is not installed; playwright-core brings no browser.
// Each case visits many pages; a machine shared with other work can take a minute over them.
describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('HTML reports in a real browser (Chromium)', { timeout: 120_000 }, () => {
  let context: BrowserContext;
  let profile: string;
  let shots: string;
  let examples: string;
  let hostile: string;
  let team: string;

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`PERSONAKIT_REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM}`);
    const { chromium } = await import('playwright-core');
    profile = await makeTempDir('personakit-chromium-');
    // The screenshots are removed with the other temp folders unless PERSONAKIT_SCREENSHOTS names a folder to keep them in.
    shots = process.env.PERSONAKIT_SCREENSHOTS
      ? path.resolve(process.env.PERSONAKIT_SCREENSHOTS)
      : await makeTempDir('personakit-screenshots-');
    await mkdir(shots, { recursive: true });
    examples = await makeTempDir('personakit-browser-');
    hostile = await makeTempDir('personakit-browser-hostile-');
    await renderReports({ cwd: REPO_ROOT, paths: ['examples'], format: 'html', out: examples, force: false });
    // The same reports for the team audience (status, problems, file paths): checked like the client's.
    team = await makeTempDir('personakit-browser-team-');
    await renderReports({
      cwd: REPO_ROOT,
      paths: ['examples'],
      format: 'html',
      out: team,
      force: false,
      audience: 'team',
    });
    await renderReports({
      cwd: path.join(FIXTURES, 'render-hostile'),
      paths: [],
      format: 'html',
      out: hostile,
      force: false,
    });
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    if (process.env.PERSONAKIT_SCREENSHOTS) console.log(`browser screenshots: ${shots}`);
  });

  afterAll(async () => {
    await context?.close();
  });

  /** A new tab, its viewport `width` × 900. */
  async function tab(width = 1100): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    return page;
  }

  /**
   * The tab every visit loads its page in. A tab per visit costs Chromium a renderer process, and a
   * full-page screenshot in a new tab costs about three times as much as in a tab that has drawn before;
   * the reports run no script, so a page loaded into the same tab starts as it would in a new one.
   */
  let visits: Page | undefined;
  let current: Visit | undefined;

  async function visit(file: string, width = 1100): Promise<Visit> {
    current?.end(); // a visit a failed test left open records nothing of this one
    visits ??= await context.newPage();
    const page = visits;
    await page.setViewportSize({ width, height: 900 });
    const onConsole = (m: ConsoleMessage) => m.type() === 'error' && v.consoleErrors.push(m.text());
    const onPageError = (e: Error) => v.consoleErrors.push(e.message);
    const onRequest = (r: Request) => !r.url().startsWith('file:') && v.foreignRequests.push(r.url());
    const onDialog = (d: Dialog) => {
      v.dialogs.push(d.message());
      void d.dismiss();
    };
    const v: Visit = {
      page,
      consoleErrors: [],
      foreignRequests: [],
      dialogs: [],
      end: () => {
        page.off('console', onConsole);
        page.off('pageerror', onPageError);
        page.off('request', onRequest);
        page.off('dialog', onDialog);
      },
    };
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    page.on('request', onRequest);
    page.on('dialog', onDialog);
    current = v;
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return v;
  }

  it('every report of the examples loads cleanly, draws its curve and matrix, and is screenshotted', async () => {
    const files = (await readdir(examples)).filter((f) => f.endsWith('.html'));
    expect(files).toHaveLength(10);
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
      v.end();
    }
  }, 120_000);

  // Issue 23: the persona card is a one-pager, a printed A4 page and a 16:9 slide. Measured on the
  // examples' cards and on one whose lists all run past the card, each text as long as the examples' longest.
  it('fits each persona card in a 16:9 slide (1280 × 720) and in an A4 page', async () => {
    const long = await workspace({ 'p.yaml': longPersona('long') });
    await renderReports({ cwd: long, paths: [], format: 'html', out: path.join(long, 'out'), force: false });
    const pages = [
      ...(await readdir(examples))
        .filter((f) => /^(persona-.*|cards)\.html$/.test(f))
        .map((f) => path.join(examples, f)),
      path.join(long, 'out', 'persona-long.html'),
      path.join(long, 'out', 'cards.html'),
    ];
    expect(pages).toHaveLength(7);
    // A4 less the @page margins of the stylesheet (12 mm at the sides, 12 mm + 14 mm top and bottom), in CSS pixels.
    const mm = 96 / 25.4;
    const a4 = { width: Math.floor((210 - 24) * mm), height: Math.floor((297 - 26) * mm) };
    // One tab for all of them: each load starts afresh (media and size are set before it).
    const page = await context.newPage();
    for (const file of pages) {
      for (const [media, size] of [
        ['screen', { width: 1280, height: 720 }],
        ['print', a4],
      ] as const) {
        await page.emulateMedia({ media });
        await page.setViewportSize(size);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const boxes = await page.locator('.persona-card').evaluateAll((cards) =>
          cards.map((c) => {
            const r = c.getBoundingClientRect();
            return { width: r.width, height: r.height };
          }),
        );
        expect(boxes.length, file).toBeGreaterThan(0);
        for (const box of boxes) {
          const where = `${path.basename(file)} (${media}): card ${Math.round(box.width)} × ${Math.round(box.height)}`;
          expect(box.width, where).toBeLessThanOrEqual(size.width);
          expect(box.height, where).toBeLessThanOrEqual(size.height);
        }
      }
    }
    await page.close();
  });

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
      v.end();
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
      v.end();
    }
  });

  it('the Mermaid blocks of the Markdown reports parse with mermaid, one task per stage, hostile names included', async () => {
    const workspaces = [path.join(REPO_ROOT, 'examples'), path.join(FIXTURES, 'render-hostile')];
    // Stage names from the hostile alphabet of issue 20 (test/hardening/output-contexts.test.ts).
    const samples = fc.sample(fc.array(hostileText, { minLength: 40, maxLength: 40 }), { numRuns: 6, seed: 20261123 });
    const generated = await makeTempDir('personakit-mermaid-');
    for (const [i, texts] of samples.entries()) {
      await writeTree(
        path.join(generated, `ws${i}`),
        hostileWorkspace((slot) => texts[slot] ?? plainSlot(slot)),
      );
      workspaces.push(path.join(generated, `ws${i}`));
    }
    const blocks: Array<{ from: string; text: string }> = [];
    for (const [i, cwd] of workspaces.entries()) {
      const out = path.join(generated, `out${i}`);
      await renderReports({ cwd, paths: [], format: 'md', out, force: true });
      for (const name of (await readdir(out)).filter((f) => f.startsWith('journey-'))) {
        const md = await readFile(path.join(out, name), 'utf8');
        for (const m of md.matchAll(/```mermaid\n([\s\S]*?)\n```\n/g)) blocks.push({ from: name, text: m[1]! });
      }
    }
    await rm(generated, { recursive: true, force: true });
    expect(blocks.length).toBeGreaterThanOrEqual(workspaces.length);

    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
    for (const block of blocks) {
      const stages = block.text.split('\n').filter((l) => /^ {4}\S/.test(l)).length;
      const result = await page.evaluate(async (text) => {
        const { mermaid } = globalThis as unknown as {
          mermaid: {
            initialize(o: object): void;
            parse(t: string): Promise<unknown>;
            mermaidAPI: { getDiagramFromText(t: string): Promise<{ db: { getTasks(): unknown[] } }> };
            render(id: string, t: string): Promise<{ svg: string }>;
          };
        };
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        try {
          await mermaid.parse(text);
          const tasks = (await mermaid.mermaidAPI.getDiagramFromText(text)).db.getTasks().length;
          const { svg } = await mermaid.render(`d${Math.random().toString(36).slice(2)}`, text);
          return { ok: true, tasks, svg };
        } catch (e) {
          return { ok: false, error: String(e) };
        }
      }, block.text);
      const { svg, ...outcome } = result;
      expect({ from: block.from, ...outcome }, block.text).toEqual({ from: block.from, ok: true, tasks: stages });
      // The drawing, parsed: the names are text, never an element or handler of their own.
      const unsafe: string[] = [];
      const visit = (node: SvgNode) => {
        if (node.tagName !== undefined && /^(script|iframe|object|embed|img|a)$/i.test(node.tagName))
          unsafe.push(node.tagName);
        for (const a of node.attrs ?? []) if (/^on/i.test(a.name)) unsafe.push(`${node.tagName}[${a.name}]`);
        for (const child of node.childNodes ?? []) visit(child);
      };
      visit(parseFragment(svg ?? '') as unknown as SvgNode);
      expect(unsafe, block.text).toEqual([]);
    }
    await page.close();
  });

  // The README's pictures: drawn on every run (into the temp folder), written to docs/ only by
  // `PERSONAKIT_DOCS_SCREENSHOTS=1 npx vitest run test/render/browser.test.ts`.
  it('draws the README screenshots (written to docs/ when PERSONAKIT_DOCS_SCREENSHOTS=1)', async () => {
    const docs = process.env.PERSONAKIT_DOCS_SCREENSHOTS === '1' ? path.join(REPO_ROOT, 'docs') : shots;
    await mkdir(docs, { recursive: true });
    // The persona as its card shows on a 16:9 screen; the journey as a laptop shows its top.
    for (const [name, file, width, height] of [
      ['persona-shift-planner-priya.html', 'screenshot-persona.png', 1280, 720],
      ['journey-multi-site-operator-buys-dock-scheduling.html', 'screenshot-journey.png', 1100, 1250],
    ] as const) {
      const v = await visit(path.join(examples, name), width);
      const png = await v.page.screenshot({
        path: path.join(docs, file),
        fullPage: true,
        clip: { x: 0, y: 0, width, height },
      });
      // A PNG's width and height are the big-endian words at bytes 16 and 20 of its IHDR chunk.
      expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
        'PNG',
        width,
        height,
      ]);
      v.end();
    }
  });

  it('prints the journey map with its title on one landscape A4 page, for up to ten stages', async () => {
    // The example with 11 stages, cut to 10 (the stage's references dropped too), and the one with 6.
    const source = jsYaml.load(
      await readFile(path.join(REPO_ROOT, 'examples/journeys/multi-site-operator-buys-dock-scheduling.yaml'), 'utf8'),
    ) as {
      stages: Array<{ id: string }>;
      sales_stages: Array<{ aligns_with: string[] }>;
      milestones: Array<{ stage: string }>;
    };
    const [dropped] = source.stages.splice(3, 1);
    for (const s of source.sales_stages) s.aligns_with = s.aligns_with.filter((id) => id !== dropped!.id);
    source.milestones = source.milestones.filter((m) => m.stage !== dropped!.id);
    expect(source.stages).toHaveLength(10);
    const cwd = await makeTempDir('personakit-map-print-');
    await writeTree(cwd, {
      'personakit.yaml': 'name: Map print\n',
      'journeys/ten.yaml': JSON.stringify({ ...source, id: 'ten', personas: [] }),
      'journeys/six.yaml': (
        await readFile(path.join(REPO_ROOT, 'examples/journeys/planner-adopts-at-her-site.yaml'), 'utf8')
      ).replace(/^personas: .*$/m, 'personas: []'),
    });
    const out = path.join(cwd, 'out');
    await renderReports({ cwd, paths: [], format: 'html', out, force: true });
    for (const [name, stages] of [
      ['journey-ten.html', 10],
      ['journey-planner-adopts-at-her-site.html', 6],
    ] as const) {
      const v = await visit(path.join(out, name));
      expect(await v.page.locator('table.journey-map thead th.map-stage').count()).toBe(stages);
      // Only the title and the map: the detail that follows starts a portrait page of its own.
      await v.page
        .locator('main > :not(.map-page), footer')
        .evaluateAll((els) => els.forEach((el) => (el as { remove(): void }).remove()));
      const pdf = (await v.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      expect({ name, pages: pdf.match(/\/Type\s*\/Page\b/g)?.length }).toEqual({ name, pages: 1 });
      // Landscape A4: 842 × 595 points.
      expect(pdf).toMatch(/\/MediaBox \[0 0 84[12]\.\d+ 59[45]\.\d+\]/);
      v.end();
    }
  });

  it('finds no serious or critical accessibility violation (axe-core) on any page, for the client and the team', async () => {
    const axe = await readFile(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const found: string[] = [];
    // One tab visits every page: a new tab would compile axe-core afresh for each page.
    const page = await tab();
    for (const dir of [examples, team]) {
      for (const name of (await readdir(dir)).filter((f) => f.endsWith('.html'))) {
        await page.goto(pathToFileURL(path.join(dir, name)).href, { waitUntil: 'load' });
        // Evaluated rather than added as a script element: the reports' Content-Security-Policy allows no script.
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => {
          const { axe } = globalThis as unknown as {
            axe: {
              run(
                o: object,
              ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
            };
          };
          const result = await axe.run({ resultTypes: ['violations'] });
          return result.violations.map((x) => ({
            id: x.id,
            impact: x.impact,
            targets: x.nodes.map((n) => n.target.join(' ')),
          }));
        });
        for (const x of violations)
          if (x.impact === 'serious' || x.impact === 'critical')
            found.push(
              `${dir === team ? 'team' : 'client'} ${name}: ${x.impact} ${x.id} at ${x.targets.slice(0, 3).join(', ')}`,
            );
      }
    }
    await page.close();
    expect(found).toEqual([]);
  });

  it('prints to A4 PDF pages', async () => {
    const v = await visit(path.join(examples, 'persona-shift-planner-priya.html'));
    const pdf = await v.page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    v.end();
  });

  // A page carries the base stylesheet and the rules of its own kind only (styles.hbs): none that
  // one of its elements needs may be left out. Checked against every rule of the three partials.
  it('each page carries every rule of the stylesheets that applies to one of its elements', async () => {
    const partials = ['styles', 'styles-persona', 'styles-journey-market'].map((n) =>
      path.join(REPO_ROOT, 'templates', 'partials', `${n}.hbs`),
    );
    const css = (await Promise.all(partials.map((f) => readFile(f, 'utf8'))))
      .join('\n')
      .replace(/\{\{!--[\s\S]*?--\}\}|\{\{[^}]*\}\}/g, '');
    const missing: string[] = [];
    const page = await tab();
    for (const dir of [team, hostile]) {
      for (const name of (await readdir(dir)).filter((f) => f.endsWith('.html'))) {
        await page.goto(pathToFileURL(path.join(dir, name)).href, { waitUntil: 'load' });
        const left = await page.evaluate((all: string) => {
          // The DOM's types, as far as used here (the tests compile without the DOM library).
          interface Rule {
            type: number;
            selectorText: string;
            cssRules?: ArrayLike<Rule>;
          }
          interface Sheet {
            cssRules: ArrayLike<Rule>;
            replaceSync(text: string): void;
          }
          const { document, CSSStyleSheet } = globalThis as unknown as {
            document: {
              styleSheets: ArrayLike<Sheet>;
              querySelectorAll(selector: string): ArrayLike<{ closest(selector: string): unknown }>;
            };
            CSSStyleSheet: new () => Sheet;
          };
          // Style rules (type 1), also inside @media blocks.
          const selectors = (rules: ArrayLike<Rule>, into: string[] = []): string[] => {
            for (const rule of Array.from(rules)) {
              if (rule.type === 1) into.push(rule.selectorText);
              else if (rule.cssRules !== undefined) selectors(rule.cssRules, into);
            }
            return into;
          };
          const own = new Set(Array.from(document.styleSheets).flatMap((s) => selectors(s.cssRules)));
          const whole = new CSSStyleSheet();
          whole.replaceSync(all);
          // An HTML element the rule applies to (SVG elements only for rules written for SVG: a chart's
          // line.grid is no .grid of persona headings).
          const applies = (selector: string) =>
            selector
              .split(',')
              .some((one) =>
                Array.from(document.querySelectorAll(one.replace(/::?(before|after)\b/g, ''))).some(
                  (el) => el.closest('svg') === null || one.includes('svg'),
                ),
              );
          return selectors(whole.cssRules).filter((s) => !own.has(s) && applies(s));
        }, css);
        for (const s of left) missing.push(`${dir === team ? 'examples (team)' : 'hostile'} ${name}: ${s}`);
      }
    }
    await page.close();
    expect(missing).toEqual([]);
  });
});
