import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeMermaid } from '../../src/render/escape.js';
import { mermaidJourney } from '../../src/render/mermaid.js';
import type { StageView } from '../../src/render/views/journey.js';

const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> {{constructor}}';

describe('escapeHtml', () => {
  it('leaves no markup-significant character unescaped', () => {
    const out = escapeHtml(HOSTILE);
    expect(out).not.toMatch(/[<>"'`=]/);
    expect(out).toContain('&lt;script&gt;');
  });
});

describe('escapeMarkdown', () => {
  it('turns HTML into text so a forge cannot render it', () => {
    expect(escapeMarkdown('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(escapeMarkdown('"><img src=x onerror=alert(2)>')).toBe('"&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('keeps a table row in one piece: pipes escaped, line breaks become <br>', () => {
    expect(escapeMarkdown('a | b\nc\r\nd')).toBe('a \\| b<br>c<br>d');
  });

  it('escapes code spans, emphasis, links and template braces', () => {
    expect(escapeMarkdown('`x` *y* _z_ [l](javascript:1) {{constructor}} ~s~ \\')).toBe(
      '\\`x\\` \\*y\\* \\_z\\_ \\[l\\](javascript:1) \\{\\{constructor\\}\\} \\~s\\~ \\\\',
    );
  });

  it('escapes an entity start but leaves a plain ampersand readable', () => {
    expect(escapeMarkdown('Crumb & Co')).toBe('Crumb & Co');
    expect(escapeMarkdown('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('stops text from starting a heading, list or quote, but not a decimal', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('63.3 %')).toBe('63.3 %');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
  });
});

describe('escapeMermaid', () => {
  it('codes the characters that end a task, a line or a comment', () => {
    expect(escapeMermaid('a: b; c # d')).toBe('a#58; b#59; c #35; d');
  });

  it('codes directive, markup and fence characters', () => {
    expect(escapeMermaid('%%{init}%% <b> & ```')).toBe('#37;#37;#123;init#125;#37;#37; #60;b#62; #38; #96;#96;#96;');
  });

  it('flattens line breaks so a name cannot start a new statement', () => {
    expect(escapeMermaid('first\ntitle evil')).toBe('first title evil');
  });

  it('codes the first letter of a name that would read as a keyword', () => {
    expect(escapeMermaid('section Evil')).toBe('#115;ection Evil');
    expect(escapeMermaid('Title case')).toBe('#84;itle case');
  });
});

describe('mermaidJourney', () => {
  const stage = (number: number, name: string, phase: string, emotion?: number): StageView => {
    const s: StageView = {
      number,
      id: `s${number}`,
      name,
      phase,
      phaseTitle: phase[0]!.toUpperCase() + phase.slice(1),
      questions: [],
      emotionLabel: '',
      emotionTone: 'none',
      touchpoints: [],
      uncovered: false,
    };
    if (emotion !== undefined) s.emotion = emotion;
    return s;
  };

  it('maps emotion −2…2 to scores 1…5 and a missing emotion to 3, one section per phase run', () => {
    const text = mermaidJourney('Buy: now', [
      stage(1, 'Aware', 'exposure', -2),
      stage(2, 'Keen', 'exposure', 2),
      stage(3, 'Pays', 'adoption'),
      stage(4, 'Stays', 'retention', 0),
    ]);
    expect(text.split('\n')).toEqual([
      'journey',
      '  title Buy#58; now',
      '  section Exposure',
      '    1. Aware: 1',
      '    2. Keen: 5',
      '  section Adoption',
      '    3. Pays: 3',
      '  section Retention',
      '    4. Stays: 3',
    ]);
  });

  it('keeps every hostile stage on its own task line with exactly one score separator', () => {
    const text = mermaidJourney(HOSTILE, [stage(1, `${HOSTILE}: 5: x; # y\n  section z`, 'exposure', 1)]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^ {4}1\. [^:;#\n]*(#\d+;[^:;#\n]*)*: 4$/);
    expect(text).not.toMatch(/[<>`]/);
  });
});
