import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { counted } from '../../src/util/plural.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const market = (id: string, accounts: string) => `kind: market
id: ${id}
name: Market ${id}
currency: GBP
criteria:
  sectors: [retail]
${accounts}`;

const journey = (stages: number, sales: number, milestones: number) => `kind: journey
id: buy
name: Buying
personas: []
stages:
${Array.from({ length: stages }, (_, i) => `  - { id: s${i}, name: Stage ${i}, phase: awareness }`).join('\n')}
sales_stages:
${Array.from({ length: sales }, (_, i) => `  - { id: q${i}, name: Sales ${i}, aligns_with: [s0] }`).join('\n')}
milestones:
${Array.from({ length: milestones }, (_, i) => `  - { id: m${i}, trigger: Trigger ${i}, stage: s0 }`).join('\n')}
`;

/** The index's Markdown table row of the document named `name`. */
async function indexRow(files: Record<string, string>, name: string): Promise<string> {
  const index = await rendered(files, 'md', 'index.md');
  const row = index.split('\n').find((line) => line.startsWith(`| [${name}]`));
  if (row === undefined) throw new Error(`no index row for ${name} in:\n${index}`);
  return row;
}

/** One report of the workspace `files`, rendered with --force. */
async function rendered(files: Record<string, string>, format: 'md' | 'html', report: string): Promise<string> {
  const cwd = await writeTree(await makeTempDir('personakit-index-summary-'), files);
  dirs.push(cwd);
  const out = path.join(cwd, 'out');
  await renderReports({ cwd, paths: Object.keys(files), format, out, force: true });
  return readFile(path.join(out, report), 'utf8');
}

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}
const hasClass = (node: Node, name: string) =>
  node.attrs?.some((a) => a.name === 'class' && a.value.split(/\s+/).includes(name)) ?? false;
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');
function elementsWithClass(node: Node, name: string, found: Node[] = []): Node[] {
  if (hasClass(node, name)) found.push(node);
  for (const child of node.childNodes ?? []) elementsWithClass(child, name, found);
  return found;
}

/** Each tile of the HTML page as "value label", in order, read with parse5. */
function tileLabels(html: string): string[] {
  return elementsWithClass(parse(html) as unknown as Node, 'tile').map((tile) =>
    ['value', 'label'].map((part) => elementsWithClass(tile, part).map(textOf).join('')).join(' '),
  );
}

describe('counted', () => {
  it('puts the word in the singular for one and in the plural otherwise', () => {
    expect(counted(1, 'stage')).toBe('1 stage');
    expect(counted(0, 'stage')).toBe('0 stages');
    expect(counted(2, 'criterion', 'criteria')).toBe('2 criteria');
    expect(counted(1, 'criterion', 'criteria')).toBe('1 criterion');
  });
});

describe("the index's summaries count in words that agree with the number", () => {
  it('one account, one criterion', async () => {
    const one = await indexRow(
      { 'm.yaml': market('one', 'accounts:\n  - { name: Shop, sector: retail }\n') },
      'Market one',
    );
    expect(one).toContain('| 1 account, 1 fit ·');
    const none = await indexRow({ 'm.yaml': market('none', '') }, 'Market none');
    expect(none).toContain('| 1 criterion, no accounts listed |');
  });

  it('several accounts', async () => {
    const row = await indexRow(
      {
        'm.yaml': market('two', 'accounts:\n  - { name: Shop, sector: retail }\n  - { name: Bank, sector: banking }\n'),
      },
      'Market two',
    );
    expect(row).toContain('| 2 accounts, 1 fit ·');
  });

  it('one stage, one sales stage, one milestone; and several of each', async () => {
    expect(await indexRow({ 'j.yaml': journey(1, 1, 1) }, 'Buying')).toContain(
      '1 stage · 1 sales stage · 1 milestone |',
    );
    expect(await indexRow({ 'j.yaml': journey(3, 2, 0) }, 'Buying')).toContain(
      '3 stages · 2 sales stages · 0 milestones |',
    );
  });
});

describe('the tiles of the HTML pages', () => {
  it('name one persona, journey, market or account in the singular', async () => {
    const files = {
      'j.yaml': journey(1, 1, 1),
      'm.yaml': market('one', 'accounts:\n  - { name: Shop, sector: retail }\n'),
    };
    expect(tileLabels(await rendered(files, 'html', 'index.html'))).toEqual(['0 personas', '1 journey', '1 market']);
    expect(tileLabels(await rendered(files, 'html', 'market-one.html'))[0]).toBe('1 account listed');
  });

  it('and several in the plural', async () => {
    const files = {
      'm.yaml': market('two', 'accounts:\n  - { name: Shop, sector: retail }\n  - { name: Bank, sector: banking }\n'),
      'n.yaml': market('three', ''),
    };
    expect(tileLabels(await rendered(files, 'html', 'index.html'))).toEqual(['0 personas', '0 journeys', '2 markets']);
    expect(tileLabels(await rendered(files, 'html', 'market-two.html'))[0]).toBe('2 accounts listed');
  });
});
