import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { REPO_ROOT } from '../support/run-bin.js';
import { persona, workspace } from './workspace.js';

// A rule of each kind-specific stylesheet partial, and one of the base.
const PERSONA_RULE = '.pc-body {';
const JOURNEY_MARKET_RULE = 'table.journey-map {';
const BASE_RULE = '.topbar {';

async function render(files: Record<string, string>): Promise<(name: string) => Promise<string>> {
  const dir = await workspace({ 'p.yaml': persona('p'), ...files });
  const result = await renderReports({ cwd: dir, paths: [], format: 'html', out: 'out', force: false, git: false });
  expect(result.refused).toBe(false);
  return (name) => readFile(path.join(dir, 'out', name), 'utf8');
}

describe('the stylesheet of a page', () => {
  it('holds the base and the rules of its own kind of page only', async () => {
    const read = await render({});
    const [personaPage, cards, index] = await Promise.all(['persona-p.html', 'cards.html', 'index.html'].map(read));
    for (const page of [personaPage, cards, index]) expect(page).toContain(BASE_RULE);
    for (const page of [personaPage, cards]) expect(page).toContain(PERSONA_RULE);
    for (const page of [personaPage, cards, index]) expect(page).not.toContain(JOURNEY_MARKET_RULE);
    expect(index).not.toContain(PERSONA_RULE);
  });

  it('of journeys and markets holds their rules and not the persona card’s', async () => {
    const examples = path.join(REPO_ROOT, 'examples');
    const dir = await workspace({});
    await renderReports({ cwd: REPO_ROOT, paths: [examples], format: 'html', out: path.join(dir, 'ex'), force: false });
    for (const name of ['journey-planner-adopts-at-her-site.html', 'market-uk-ie-warehousing-icp.html']) {
      const page = await readFile(path.join(dir, 'ex', name), 'utf8');
      expect(page, name).toContain(JOURNEY_MARKET_RULE);
      expect(page, name).not.toContain(PERSONA_RULE);
    }
  });

  it('of an overriding page that names no kind holds every rule', async () => {
    const read = await render({
      'personakit.yaml': 'name: T\ncompleteness: { min: 0 }\ntemplates: tpl\n',
      'tpl/persona.html.hbs': '{{#> layout title=name crumb="Mine"}}{{> persona-card}}{{/layout}}\n',
    });
    const page = await read('persona-p.html');
    expect(page).toContain(PERSONA_RULE);
    expect(page).toContain(JOURNEY_MARKET_RULE);
  });

  it('an overriding styles.hbs that includes both partials itself keeps working', async () => {
    const read = await render({
      'personakit.yaml': 'name: T\ncompleteness: { min: 0 }\ntemplates: tpl\n',
      'tpl/partials/styles.hbs': 'body { color: #123; }\n{{> styles-persona}}\n{{> styles-journey-market}}\n',
    });
    const page = await read('persona-p.html');
    expect(page).toContain('body { color: #123; }');
    expect(page).not.toContain(BASE_RULE);
    expect(page).toContain(PERSONA_RULE);
    expect(page).toContain(JOURNEY_MARKET_RULE);
  });
});
