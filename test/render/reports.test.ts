import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';

const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'render-golden');
const PERSONAS = ['finance-director-farid', 'it-manager-gareth', 'ops-director-dana', 'shift-planner-priya'];
const JOURNEYS = ['multi-site-operator-buys-dock-scheduling', 'planner-adopts-at-her-site'];
const REPORTS = [
  ...PERSONAS.map((id) => `persona-${id}`),
  ...JOURNEYS.map((id) => `journey-${id}`),
  'market-uk-ie-midmarket-warehousing',
  'market-uk-ie-warehousing-icp',
  'cards',
  'index',
];

async function renderExamples(format: 'html' | 'md' | 'json'): Promise<string> {
  const out = await makeTempDir('personakit-render-');
  // A fixed day and no commit: the stamp of golden reports must not change with the calendar or git.
  const result = await renderReports({
    cwd: REPO_ROOT,
    paths: ['examples'],
    format,
    out,
    force: false,
    today: new Date('2026-12-01T12:00:00Z'),
    git: false,
  });
  expect(result.refused).toBe(false);
  return out;
}

describe.each(['html', 'md'] as const)('the examples rendered as %s', (format) => {
  let out: string;
  const read = (name: string) => readFile(path.join(out, `${name}.${format}`), 'utf8');
  beforeAll(async () => {
    out = await renderExamples(format);
  });

  it('writes one report per document, an index and the copied picture, and nothing else', async () => {
    expect((await readdir(out)).sort()).toEqual([...REPORTS.map((r) => `${r}.${format}`), 'images'].sort());
    expect(await readdir(path.join(out, 'images'))).toEqual(['persona-shift-planner-priya.png']);
  });

  it.each(REPORTS)('%s matches its golden file', async (name) => {
    await expect(await read(name)).toMatchFileSnapshot(path.join(GOLDEN, format, `${name}.${format}`));
  });

  it('opens the persona with its card (goals, challenges, objections, the message), the details after', async () => {
    const text = await read('persona-ops-director-dana');
    const card = ['Goals', 'Challenges', 'Objections', 'The message'];
    const details = ['About them', 'Personality', 'Hangouts', 'What we can do for them'];
    const positions = [
      ...card.map((t) => text.indexOf(format === 'md' ? `\n## ${t}\n` : `<h2>${t}</h2>`)),
      ...details.map((t) => text.indexOf(format === 'md' ? `\n## ${t}\n` : `<h3>${t}</h3>`)),
    ];
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts every persona card on the cards page, each linked to its report', async () => {
    const cards = await read('cards');
    const links = PERSONAS.map((id) =>
      cards.indexOf(format === 'md' ? `](persona-${id}.md)` : `href="persona-${id}.html"`),
    );
    expect(links.every((p) => p > 0)).toBe(true);
    expect([...links].sort((a, b) => a - b)).toEqual(links);
  });

  it('links the index to every report', async () => {
    const index = await read('index');
    for (const name of REPORTS.filter((r) => r !== 'index'))
      expect(index).toContain(format === 'md' ? `](${name}.md)` : `href="${name}.html"`);
  });
});

describe('HTML specifics', () => {
  let out: string;
  beforeAll(async () => {
    out = await renderExamples('html');
  });
  const read = (name: string) => readFile(path.join(out, `${name}.html`), 'utf8');

  it('has no script element, no external resource and a print stylesheet in any report', async () => {
    for (const name of REPORTS) {
      const html = await read(name);
      expect(html).not.toMatch(/<script/i);
      // Links to https pages are fine (never fetched); anything loaded must be a local file.
      expect(html).not.toMatch(/\ssrc="(?!images\/)/i);
      expect(html).not.toMatch(/<link\b|@import|url\(/i);
      expect(html).toMatch(/@media print/);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    }
  });

  it('draws one curve point per stage and one matrix cell per buying × sales stage', async () => {
    const html = await read('journey-multi-site-operator-buys-dock-scheduling');
    expect(html.match(/<circle class="point/g)).toHaveLength(11);
    expect(html.match(/<td class="cell/g)).toHaveLength(11 * 7);
  });

  it('shows the picture from the copied file', async () => {
    expect(await read('persona-shift-planner-priya')).toContain(
      '<img class="avatar" src="images/persona-shift-planner-priya.png"',
    );
  });
});

describe('Markdown specifics', () => {
  it('draws the journey as a Mermaid diagram with one task per stage', async () => {
    const out = await renderExamples('md');
    const md = await readFile(path.join(out, 'journey-multi-site-operator-buys-dock-scheduling.md'), 'utf8');
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1] ?? '';
    expect(block.split('\n').filter((l) => /^ {4}\d+\. .*: [1-5]$/.test(l))).toHaveLength(11);
    expect(block).toContain('    7. Builds the case and clears the review: 1');
  });
});

describe('JSON', () => {
  it('writes the computed models: completeness, alignment, market fit and sizing', async () => {
    const out = await renderExamples('json');
    const persona = JSON.parse(await readFile(path.join(out, 'persona-ops-director-dana.json'), 'utf8'));
    expect(persona.completeness.percent).toBe(100);
    const journey = JSON.parse(
      await readFile(path.join(out, 'journey-multi-site-operator-buys-dock-scheduling.json'), 'utf8'),
    );
    expect(journey.alignment.matrix).toHaveLength(11);
    expect(journey.alignment.matrix[0]).toHaveLength(7);
    const market = JSON.parse(await readFile(path.join(out, 'market-uk-ie-midmarket-warehousing.json'), 'utf8'));
    expect(market.market.totals).toMatchObject({ accounts: 30, fitting: 19 });
    expect(market.market.sizing.requiredShare).toBeCloseTo(3_800_000 / 47_880_000, 10);
    const index = JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8'));
    expect(index.documents).toHaveLength(8);
    const icp = JSON.parse(await readFile(path.join(out, 'market-uk-ie-warehousing-icp.json'), 'utf8'));
    expect(icp.market.ranked[0]).toMatchObject({ tier: 'A', points: 100 });
    expect(icp.market.ranked.at(-1)).toMatchObject({ name: 'Tamar Beverages Ltd', standing: 'disqualified' });
  });
});
