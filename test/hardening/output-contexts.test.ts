import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { parse, parseFragment } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';
import { hostileText, hostileWorkspace, plainSlot, SLOTS } from './hostile-workspace.js';
import { budget } from './properties.js';

/**
 * Issue 20: every text field of a persona, a journey and a market holds a string of the hostile
 * alphabet; the Markdown reports, rendered by markdown-it and marked (GFM, raw HTML allowed), and
 * the HTML reports, all parsed by parse5, hold exactly the elements and attributes of the same
 * reports drawn from plain letters. Checked by parsers, not patterns: an attribute that escaped
 * its quotes or a tag that escaped the text shows up as an element or attribute of its own.
 */

const REPORTS = ['persona-pat', 'journey-pat-buys', 'market-mid', 'cards', 'index'];
type Format = 'md' | 'html';
type Audience = 'client' | 'team';
const CASES = [
  ['md', 'client'],
  ['md', 'team'],
  ['html', 'client'],
  ['html', 'team'],
] as const;

const markdownIt = new MarkdownIt({ html: true });
const marked = new Marked({ gfm: true, async: false });

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

/** Every element of the tree as `tag` and every attribute as `tag[name]`; `<br>` (a line break in a text) aside. */
function shapeOf(root: Node, attrs: Array<{ tag: string; name: string; value: string }> = []): Set<string> {
  const shape = new Set<string>();
  const visit = (node: Node) => {
    if (node.tagName !== undefined) {
      for (const a of node.attrs ?? []) attrs.push({ tag: node.tagName, name: a.name, value: a.value });
      if (node.tagName !== 'br' || (node.attrs?.length ?? 0) > 0) {
        shape.add(node.tagName);
        for (const a of node.attrs ?? []) shape.add(`${node.tagName}[${a.name}]`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(root);
  return shape;
}

/** The HTML each renderer makes of a report, parsed. */
function documentsOf(format: Format, text: string): Record<string, Node> {
  if (format === 'html') return { parse5: parse(text) as unknown as Node };
  return {
    'markdown-it': parseFragment(markdownIt.render(text)) as unknown as Node,
    marked: parseFragment(marked.parse(text) as string) as unknown as Node,
  };
}

async function renderWorkspace(
  t: (slot: number) => string,
  format: Format,
  audience: Audience,
): Promise<Record<string, string>> {
  const dir = await makeTempDir('personakit-contexts-');
  try {
    await writeTree(dir, hostileWorkspace(t));
    const out = path.join(dir, 'out');
    const result = await renderReports({ cwd: dir, paths: [], format, out, force: true, audience });
    expect(result.refused).toBe(false);
    const reports: Record<string, string> = {};
    for (const name of REPORTS) reports[name] = await readFile(path.join(out, `${name}.${format}`), 'utf8');
    return reports;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What a reader sees of a text: the HTML parser turns CR and CRLF into LF, the encoder lone surrogates into U+FFFD. */
const seen = (text: string) => Buffer.from(text, 'utf8').toString('utf8').replace(/\r\n?/g, '\n');

describe('property: hostile text in every field changes no element or attribute of a report (issue 20)', () => {
  // The shapes of the plain reports, by `format audience`, report and parser.
  const reference: Record<string, Record<string, Record<string, Set<string>>>> = {};

  beforeAll(async () => {
    for (const [format, audience] of CASES) {
      const shapes: Record<string, Record<string, Set<string>>> = (reference[`${format} ${audience}`] = {});
      const reports = await renderWorkspace(plainSlot, format, audience);
      for (const [name, text] of Object.entries(reports)) {
        shapes[name] = {};
        for (const [parser, doc] of Object.entries(documentsOf(format, text))) shapes[name][parser] = shapeOf(doc);
      }
    }
    // The reference has what the property compares against: the picture, links, tables, a list.
    expect(reference['md client']!['persona-pat']!['markdown-it']).toContain('img[alt]');
    expect(reference['html team']!['persona-pat']!.parse5).toContain('a[href]');
  }, 120_000);

  it.each(CASES)('%s reports for the %s', { timeout: 180_000 }, async (format, audience) => {
    const { numRuns, seed } = budget(8);
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: SLOTS, maxLength: SLOTS }), async (texts) => {
        const reports = await renderWorkspace((i) => texts[i]!, format, audience);
        for (const [name, text] of Object.entries(reports)) {
          for (const [parser, doc] of Object.entries(documentsOf(format, text))) {
            const attrs: Array<{ tag: string; name: string; value: string }> = [];
            const where = `${name}.${format} (${audience}) through ${parser}`;
            expect(shapeOf(doc, attrs), where).toEqual(reference[`${format} ${audience}`]![name]![parser]);
            for (const a of attrs) {
              expect(a.name, where).not.toMatch(/^on/i);
              if (a.name === 'href' || a.name === 'src')
                expect(a.value.replace(/[\s\u0000-\u001f]/g, ''), where).not.toMatch(/^javascript:/i);
              // Alt texts and titles show the plain text: no Markdown escape, no entity left over.
              if (a.name === 'alt') expect(seen(a.value), where).toBe(seen(`Picture of ${texts[0]}`));
            }
          }
        }
      }),
      { numRuns, seed, endOnFailure: true },
    );
  });
});
