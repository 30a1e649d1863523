import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';
import { persona, workspace } from './workspace.js';

const CHROMIUM = '/usr/bin/chromium';
const hasTool = (name: string) => {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// pdftotext, pdfinfo and pdftoppm come from poppler-utils (.ci/run installs it with Chromium).
const READY = existsSync(CHROMIUM) && hasTool('pdftotext') && hasTool('pdfinfo') && hasTool('pdftoppm');
if (!READY)
  console.warn('\n!! SKIPPING the PDF tests: they need /usr/bin/chromium and poppler-utils (.ci/run installs both).\n');

type Page = { lines: string[]; footer: string | undefined };
/** Each PDF is read once: several tests look at the same pages (the PDFs are not written again). */
const read = new Map<string, Page[]>();

/** The text of each page of a PDF, its empty lines dropped, with the footer line in its margin apart. */
function pagesWithFooters(file: string): Page[] {
  const known = read.get(file);
  if (known) return structuredClone(known);
  const pages = readPages(file);
  read.set(file, structuredClone(pages));
  return pages;
}

function readPages(file: string): Page[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  // pdftotext ends each page's text with a form feed, so one run gives every page's text as a run per
  // page (-f n -l n) would, for one process instead of one per page.
  const texts = execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f');
  expect(texts.length - 1, `${file}: pages by pdftotext and by pdfinfo`).toBe(count);
  return texts.slice(0, count).map((text) => {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const footer = /Page \d+ of \d+$/.test(lines.at(-1) ?? '') ? lines.pop() : undefined;
    return { lines, footer };
  });
}

/** The text of each page of a PDF, its empty lines and its margin's footer dropped. */
function pagesOf(file: string): string[][] {
  return pagesWithFooters(file).map((p) => p.lines);
}

/** A4's bottom margin (styles.hbs, 14 mm) in points: the footer line is printed there, not the text. */
const BOTTOM_MARGIN_PT = (14 / 25.4) * 72;

/** How far down each page of a PDF its text reaches, as a share of the page's height (the footer in the margin aside). */
function fillOf(file: string): number[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', file, '-']).toString();
  return [...xhtml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, height, words]) => {
    const bottoms = [...words!.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
      .filter((m) => Number(m[1]) < Number(height) - BOTTOM_MARGIN_PT)
      .map((m) => Number(m[2]));
    return Math.max(0, ...bottoms) / Number(height);
  });
}

/** The h1–h3 headings of an HTML page, as text. */
function headingsOf(html: string): string[] {
  type Node = { nodeName: string; value?: string; childNodes?: Node[] };
  const text = (n: Node): string =>
    n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join('');
  const found: string[] = [];
  const walk = (n: Node) => {
    if (/^h[1-3]$/.test(n.nodeName)) found.push(text(n).replace(/\s+/g, ' ').trim());
    else for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parse(html) as unknown as Node);
  return found;
}

describe.skipIf(!READY)('render --format pdf (Chromium through playwright-core)', () => {
  let pdf: string;
  let html: string;
  beforeAll(async () => {
    [pdf, html] = [await makeTempDir('personakit-pdf-'), await makeTempDir('personakit-pdf-html-')];
    const common = { cwd: REPO_ROOT, paths: ['examples'], force: false, git: false };
    const result = await renderReports({ ...common, format: 'pdf', out: pdf, browser: { flag: CHROMIUM } });
    expect(result.refused).toBe(false);
    await renderReports({ ...common, format: 'html', out: html });
  }, 180_000);

  it('writes a PDF per report and the index, A4, and nothing else', async () => {
    const names = (await readdir(pdf)).sort();
    expect(names).toEqual(
      (await readdir(html))
        .filter((n) => n.endsWith('.html'))
        .map((n) => n.replace(/\.html$/, '.pdf'))
        .sort(),
    );
    for (const name of names) {
      expect((await readFile(path.join(pdf, name))).subarray(0, 5).toString()).toBe('%PDF-');
      expect(execFileSync('pdfinfo', [path.join(pdf, name)]).toString()).toMatch(/Page size:.*\(A4\)/);
    }
  });

  it("prints the report's footer and the page number in the margin of every page", async () => {
    const confidentiality = "Confidential: prepared for Quayline Ltd's leadership team";
    for (const name of (await readdir(pdf)).sort()) {
      const pages = pagesWithFooters(path.join(pdf, name));
      pages.forEach(({ lines, footer }, i) => {
        expect(footer, `${name} page ${i + 1}`).toMatch(
          new RegExp(
            `^Prepared for Quayline Ltd by Northbank Marketing Consultants · .*${confidentiality}\\s+Page ${i + 1} of ${pages.length}$`,
          ),
        );
        // The page's own footer is not printed as well (the margin carries it).
        expect(lines.join(' '), `${name} page ${i + 1}`).not.toContain(confidentiality);
      });
    }
  });

  it('leaves no heading alone at the bottom of a page', async () => {
    for (const name of (await readdir(pdf)).sort()) {
      // Compared without case: some headings print in capitals (text-transform).
      const page = await readFile(path.join(html, name.replace(/\.pdf$/, '.html')), 'utf8');
      const headings = new Set(headingsOf(page).map((h) => h.toLowerCase()));
      const pages = pagesOf(path.join(pdf, name));
      pages.forEach((lines, i) =>
        expect(headings.has((lines.at(-1) ?? '').toLowerCase()), `${name} page ${i + 1}: ${lines.at(-1)}`).toBe(false),
      );
    }
  });

  it('prints each persona in two pages: its card alone on the first, the details from "Profile" on the second', async () => {
    const personas = (await readdir(pdf)).filter((n) => n.startsWith('persona-'));
    expect(personas).toHaveLength(4);
    for (const name of personas) {
      const pages = pagesOf(path.join(pdf, name));
      expect(pages.length, name).toBe(2);
      const first = pages[0]!.join(' ');
      for (const title of ['GOALS', 'CHALLENGES', 'OBJECTIONS', 'THE MESSAGE']) expect(first, name).toContain(title);
      expect(first, name).not.toMatch(/Profile|About them|Hangouts|Research behind/);
      expect(pages[1]![0], name).toBe('Profile');
    }
  });

  it('prints the cards page as one persona card per page, in the order of the index', async () => {
    const pages = pagesOf(path.join(pdf, 'cards.pdf'));
    const names = ['Finance Farid', 'Gatekeeper Gareth', 'Operations Dana', 'Planner Priya'];
    expect(pages).toHaveLength(names.length);
    pages.forEach((lines, i) => {
      const text = lines.join(' ');
      expect(
        names.filter((n) => text.includes(n)),
        `cards.pdf page ${i + 1}`,
      ).toEqual([names[i]]);
      expect(text, `cards.pdf page ${i + 1}`).toContain('THE MESSAGE');
    });
  });

  // The README's pictures of a printed persona: drawn on every run (into the temp folder), written
  // to docs/ only by `PERSONAKIT_DOCS_SCREENSHOTS=1 npx vitest run test/render/pdf.test.ts`.
  it('draws the README images of printed pages (written to docs/ when PERSONAKIT_DOCS_SCREENSHOTS=1)', async () => {
    const docs =
      process.env.PERSONAKIT_DOCS_SCREENSHOTS === '1' ? path.join(REPO_ROOT, 'docs') : await makeTempDir('pk-pdf-png-');
    // 60 dpi: an A4 page of 496 × 702 pixels (702 × 496 landscape), enough to read the layout in the README.
    for (const [report, page, image, size] of [
      ['persona-shift-planner-priya', 1, 'screenshot-pdf-page-1', [496, 702]],
      ['persona-shift-planner-priya', 2, 'screenshot-pdf-page-2', [496, 702]],
      ['journey-multi-site-operator-buys-dock-scheduling', 1, 'screenshot-pdf-journey-map', [702, 496]],
    ] as const) {
      const prefix = path.join(docs, image);
      const p = String(page);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        p,
        '-l',
        p,
        '-singlefile',
        path.join(pdf, `${report}.pdf`),
        prefix,
      ]);
      const png = await readFile(`${prefix}.png`);
      expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', ...size]);
    }
  });

  it('leaves no page before the last half empty', async () => {
    for (const name of (await readdir(pdf)).filter((n) => n !== 'cards.pdf')) {
      const fill = fillOf(path.join(pdf, name));
      fill.slice(0, -1).forEach((share, i) => {
        if (name.startsWith('persona-') && i === 0) return;
        expect(share, `${name} page ${i + 1} is filled to ${Math.round(share * 100)} %`).toBeGreaterThan(0.5);
      });
    }
  });

  it('keeps the other reports within their page budgets', async () => {
    // The ICP example lists every scored account with its points: as long as its list, no budget.
    const budget = (name: string) =>
      name === 'index.pdf' ? 2 : name.startsWith('journey-') ? 6 : name.includes('-icp') ? Infinity : 5;
    for (const name of (await readdir(pdf)).filter((n) => !/^(persona-|cards\.)/.test(n)))
      expect(pagesOf(path.join(pdf, name)).length, name).toBeLessThanOrEqual(budget(name));
  });
});

describe.skipIf(!READY)('the PDF footer of a hostile theme', () => {
  it('prints the footer lines as written, markup and all', async () => {
    const confidentiality = '<span class="totalPages"></span> & </div><b>bold?</b>';
    const dir = await workspace({
      'personakit.yaml': `name: W\ncompleteness: { min: 0 }\ntheme:\n  prepared_for: "A & <i>B</i>"\n  confidentiality: '${confidentiality}'\n`,
      'p.yaml': persona('p'),
    });
    const out = path.join(dir, 'out');
    const result = await renderReports({
      cwd: dir,
      paths: [],
      force: false,
      git: false,
      format: 'pdf',
      out,
      browser: { flag: CHROMIUM },
    });
    expect(result.refused).toBe(false);
    for (const { footer } of pagesWithFooters(path.join(out, 'persona-p.pdf')))
      expect(footer).toMatch(
        /^Prepared for A & <i>B<\/i> · .* · <span class="totalPages"><\/span> & <\/div><b>bold\?<\/b>\s+Page \d of \d$/,
      );
  }, 120_000);
});

// In-process (runCli, what the binary runs); the first case through the built binary too (same bytes).
describe('render --format pdf without a browser', () => {
  it('is exit 2 saying how to install one, before anything is read or written', async () => {
    const dir = await workspace({ 'p.yaml': persona('p') });
    const r = await runBoth(['render', '--format', 'pdf', '--out', 'out'], {
      cwd: dir,
      env: { PATH: path.join(dir, 'no-such-folder'), PERSONAKIT_BROWSER: undefined },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format pdf needs a Chromium-family browser, and none was found on the PATH');
    expect(r.stderr).toContain('apt-get install chromium');
    expect(r.stderr).toContain('--format html');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('names a --browser or PERSONAKIT_BROWSER that is not an executable', async () => {
    const dir = await workspace({ 'p.yaml': persona('p') });
    const flag = await run(['render', '--format', 'pdf', '--browser', 'nope'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('the browser nope is not an executable file');
    const env = await run(['render', '--format', 'pdf'], { cwd: dir, env: { PERSONAKIT_BROWSER: 'p.yaml' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('the browser p.yaml (PERSONAKIT_BROWSER) is not an executable file');
  });
});
