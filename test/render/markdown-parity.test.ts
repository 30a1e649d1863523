import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import jsYaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { parse, parseFragment } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReports, type Audience } from '../../src/render/render.js';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';

/**
 * Issue 23: a Markdown report carries the same content as the HTML one. Every free text of the
 * examples' documents (a string with a space in it: goals, questions, messages, reasons…) that a
 * reader sees on one page must be readable on the other. Both are read as a reader sees them:
 * the HTML parsed by parse5, the Markdown rendered by markdown-it, text nodes only.
 */

type Node = { nodeName: string; value?: string; childNodes?: Node[]; content?: Node };

function textOf(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === 'style' || node.nodeName === 'head') return;
    if (node.nodeName === '#text') parts.push(node.value ?? '');
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

const markdown = new MarkdownIt({ html: true });
const htmlText = (html: string) => textOf(parse(html) as unknown as Node);
const markdownText = (md: string) => textOf(parseFragment(markdown.render(md)) as unknown as Node);

/** Document texts that are also words of the templates (a sales stage named like the market report's kicker). */
const TEMPLATE_WORDS = new Set(['Addressable market']);

/** The free texts of the examples' YAML documents. */
async function freeTexts(): Promise<string[]> {
  const texts = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string') {
      const t = value.replace(/\s+/g, ' ').trim();
      if (t.includes(' ') && t.length >= 8 && !TEMPLATE_WORDS.has(t)) texts.add(t);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const folder of ['personas', 'journeys', 'markets']) {
    const dir = path.join(REPO_ROOT, 'examples', folder);
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml')))
      jsYaml.loadAll(await readFile(path.join(dir, name), 'utf8'), collect);
  }
  return [...texts];
}

describe.each(['client', 'team'] as const)(
  'Markdown and HTML reports carry the same texts (%s)',
  (audience: Audience) => {
    const pages: Record<'html' | 'md', Map<string, string>> = { html: new Map(), md: new Map() };
    let texts: string[];

    beforeAll(async () => {
      texts = await freeTexts();
      for (const format of ['html', 'md'] as const) {
        const out = await makeTempDir('personakit-parity-');
        await renderReports({ cwd: REPO_ROOT, paths: ['examples'], format, out, force: false, audience });
        for (const name of (await readdir(out)).filter((n) => n.endsWith(`.${format}`))) {
          const source = await readFile(path.join(out, name), 'utf8');
          pages[format].set(
            name.slice(0, -format.length - 1),
            format === 'html' ? htmlText(source) : markdownText(source),
          );
        }
      }
    }, 60_000);

    it('renders the same reports in both formats', () => {
      expect([...pages.md.keys()].sort()).toEqual([...pages.html.keys()].sort());
    });

    it('shows on each Markdown page every document text its HTML page shows, and the other way round', () => {
      const missing: string[] = [];
      let compared = 0;
      for (const [name, html] of pages.html) {
        const md = pages.md.get(name) ?? '';
        for (const t of texts) {
          const inHtml = html.includes(t);
          const inMd = md.includes(t);
          if (inHtml || inMd) compared++;
          if (inHtml && !inMd) missing.push(`${name}.md lacks: ${t}`);
          if (inMd && !inHtml) missing.push(`${name}.html lacks: ${t}`);
        }
      }
      expect(missing).toEqual([]);
      // The comparison is about something: the stage questions and the accounts' reasons among them.
      expect(compared).toBeGreaterThan(200);
      const journey = pages.md.get('journey-multi-site-operator-buys-dock-scheduling')!;
      expect(journey).toContain('Is a two-hour queue at six in the morning normal for a site like ours?');
    });
  },
);

/** Line numbers (1-based) of blank lines that follow a blank line, outside fenced code. */
function blankRuns(md: string): number[] {
  const found: number[] = [];
  let fenced = false;
  let previousBlank = false;
  md.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    const blank = !fenced && line.trim() === '';
    if (blank && previousBlank && i < md.split('\n').length - 1) found.push(i + 1);
    previousBlank = blank;
  });
  return found;
}

describe('Markdown reports are tidy where a section is left out', () => {
  const workspaces = [
    ['examples'],
    ['test/fixtures/one-fault-per-rule'],
    ['test/fixtures/render-hostile'],
    ['test/fixtures/foundation-problems'],
  ];
  it.each(
    workspaces.flatMap((paths) => (['client', 'team'] as const).map((audience) => [paths[0]!, audience] as const)),
  )('%s (%s): no two blank lines in a row, one newline at the end', async (folder, audience) => {
    const out = await makeTempDir('personakit-md-tidy-');
    await renderReports({ cwd: REPO_ROOT, paths: [folder], format: 'md', out, force: true, audience });
    const runs: string[] = [];
    const names = (await readdir(out)).filter((n) => n.endsWith('.md'));
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) {
      const md = await readFile(path.join(out, name), 'utf8');
      for (const line of blankRuns(md)) runs.push(`${name}:${line}`);
      if (!/[^\n]\n$/.test(md)) runs.push(`${name}: does not end with exactly one newline`);
    }
    expect(runs).toEqual([]);
  });
});
