import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { FIXTURES, makeTempDir } from '../support/run-bin.js';

const WORKSPACE = path.join(FIXTURES, 'render-hostile');
const REPORTS = ['persona-hostile-persona', 'journey-hostile-journey', 'market-hostile-market', 'index'];

async function render(format: 'html' | 'md'): Promise<string> {
  const out = await makeTempDir('personakit-hostile-');
  const result = await renderReports({ cwd: WORKSPACE, paths: [], format, out, force: false });
  expect(result.refused).toBe(false);
  return out;
}

/** Pipes that separate cells: not escaped with a backslash. */
function cellSeparators(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

describe('a hostile persona, journey and market (every text field holds markup and template syntax)', () => {
  describe('HTML', () => {
    let out: string;
    beforeAll(async () => {
      out = await render('html');
    });

    it.each(REPORTS)('%s has no executable markup and shows the text literally', async (name) => {
      const html = await readFile(path.join(out, `${name}.html`), 'utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img(?![^>]*class="avatar")/i);
      expect(html).not.toMatch(/<[^>]+\son\w+=/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      // Data is never compiled as a template: the braces arrive as text.
      expect(html).toContain('{{constructor}}');
    });
  });

  describe('Markdown', () => {
    let out: string;
    const read = (name: string) => readFile(path.join(out, `${name}.md`), 'utf8');
    beforeAll(async () => {
      out = await render('md');
    });

    it.each(REPORTS)('%s keeps every table row to the header’s cells', async (name) => {
      const lines = (await read(name)).split('\n');
      let header: number | undefined;
      let rows = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          header = undefined;
          continue;
        }
        if (header === undefined) header = cellSeparators(line);
        else expect({ line, cells: cellSeparators(line) }).toEqual({ line, cells: header });
        rows++;
      }
      expect(rows).toBeGreaterThan(0);
    });

    it.each(REPORTS)('%s holds no HTML but its own line breaks', async (name) => {
      const md = await read(name);
      expect(md.replace(/<br>/g, '')).not.toMatch(/</);
      expect(md).toContain('&lt;script&gt;');
    });

    it('keeps the Mermaid block whole: one statement per line, names coded', async () => {
      const md = await read('journey-hostile-journey');
      const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)\n```\n/g)];
      expect(blocks).toHaveLength(1);
      const lines = blocks[0]![1]!.split('\n');
      expect(lines[0]).toBe('journey');
      expect(lines[1]).toMatch(/^ {2}title [^:;#]*(#\d+;[^:;#]*)*$/);
      const body = lines.slice(2);
      expect(body.filter((l) => /^ {2}section /.test(l))).toHaveLength(3);
      const tasks = body.filter((l) => !/^ {2}section /.test(l));
      expect(tasks).toHaveLength(3);
      for (const task of tasks) expect(task).toMatch(/^ {4}\d+\. [^:;#%`<>]*(#\d+;[^:;#%`<>]*)*: [1-5]$/);
      // The stage named "section Evil: 5: x; # ..." stays a task of the adoption section.
      expect(tasks[1]).toMatch(/^ {4}2\. section Evil#58; 5#58; x#59; #35; .*: 5$/);
      // No fence inside the block: the only ``` lines are the block's own.
      expect(md.match(/^```/gm)).toHaveLength(2);
    });
  });
});
