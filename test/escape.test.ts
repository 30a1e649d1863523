import { describe, expect, it } from 'vitest';
import {
  csvCell,
  htmlAttr,
  htmlText,
  markdownCell,
  markdownHtmlAttr,
  markdownText,
  mermaidLabel,
  urlAttr,
  UNSAFE_URL,
  workflowData,
  workflowProperty,
  xmlAttr,
  xmlText,
} from '../src/escape/index.js';
import { mermaidJourney } from '../src/render/mermaid.js';
import type { StageView } from '../src/render/views/journey.js';

const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> {{constructor}}';

describe('htmlText', () => {
  it('leaves no markup-significant character unescaped', () => {
    const out = htmlText(HOSTILE);
    expect(out).not.toMatch(/[<>"'`=]/);
    expect(out).toContain('&lt;script&gt;');
  });
});

describe('markdownCell', () => {
  it('turns HTML into text so a forge cannot render it', () => {
    expect(markdownCell('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(markdownCell('"><img src=x onerror=alert(2)>')).toBe('"&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('keeps a table row in one piece: pipes escaped, line breaks become <br>', () => {
    expect(markdownCell('a | b\nc\r\nd')).toBe('a \\| b<br>c<br>d');
  });

  it('escapes code spans, emphasis, links and template braces', () => {
    expect(markdownCell('`x` *y* _z_ [l](javascript:1) {{constructor}} ~s~ \\')).toBe(
      '\\`x\\` \\*y\\* \\_z\\_ \\[l\\](javascript:1) \\{\\{constructor\\}\\} \\~s\\~ \\\\',
    );
  });

  it('escapes an entity start but leaves a plain ampersand readable', () => {
    expect(markdownCell('Crumb & Co')).toBe('Crumb & Co');
    expect(markdownCell('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('stops text from starting a heading, list or quote, but not a decimal', () => {
    expect(markdownCell('# Title')).toBe('\\# Title');
    expect(markdownCell('- item')).toBe('\\- item');
    expect(markdownCell('1. first')).toBe('1\\. first');
    expect(markdownCell('63.3 %')).toBe('63.3 %');
    expect(markdownCell('> quote')).toBe('&gt; quote');
  });
});

describe('mermaidLabel', () => {
  it('codes the characters that end a task, a line or a comment', () => {
    expect(mermaidLabel('a: b; c # d')).toBe('a#58; b#59; c #35; d');
  });

  it('codes directive, markup and fence characters', () => {
    expect(mermaidLabel('%%{init}%% <b> & ```')).toBe('#37;#37;#123;init#125;#37;#37; #60;b#62; #38; #96;#96;#96;');
  });

  it('flattens line breaks so a name cannot start a new statement', () => {
    expect(mermaidLabel('first\ntitle evil')).toBe('first title evil');
  });

  it('codes the first letter of a name that would read as a keyword', () => {
    expect(mermaidLabel('section Evil')).toBe('#115;ection Evil');
    expect(mermaidLabel('Title case')).toBe('#84;itle case');
  });
});

describe('markdownText', () => {
  it('escapes like a cell but leaves a pipe alone', () => {
    expect(markdownText('a | *b*')).toBe('a | \\*b\\*');
    expect(markdownCell('a | *b*')).toBe('a \\| \\*b\\*');
  });

  it('drops surrounding white space, which Markdown would read as indentation or a hard break', () => {
    expect(markdownText('     code?\t')).toBe('code?');
    expect(markdownText('a  \nb')).toBe('a<br>b');
  });
});

describe('markdownHtmlAttr (an attribute of HTML written in a Markdown report)', () => {
  it('keeps the issue 20 name inside its quotes, as plain text with references', () => {
    expect(markdownHtmlAttr('Picture of Q" onerror="alert(1)" x="y')).toBe(
      'Picture of Q&#34; onerror&#61;&#34;alert(1)&#34; x&#61;&#34;y',
    );
  });

  it('writes no Markdown backslash escape, and no pipe or line break that Markdown would act on', () => {
    const out = markdownHtmlAttr('Priya | pipe \\ {{constructor}}\n\nnext');
    expect(out).not.toMatch(/[\\|\n{}]/);
    expect(out).toBe('Priya &#124; pipe &#92; &#123;&#123;constructor&#125;&#125;&#10;&#10;next');
  });
});

describe('htmlAttr and urlAttr', () => {
  it('escape quotes with the entities Handlebars uses', () => {
    expect(htmlAttr(`a"b'c=d\`e`)).toBe('a&quot;b&#x27;c&#x3D;d&#x60;e');
  });

  it('let through relative paths personakit writes and https addresses only', () => {
    expect(urlAttr('images/persona-priya.png')).toBe('images/persona-priya.png');
    expect(urlAttr('index.html')).toBe('index.html');
    expect(urlAttr('https://example.com/a?b=c&d')).toBe('https://example.com/a?b&#x3D;c&amp;d');
    const bad = ['javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', '//evil.example', '../up.html', '/etc/x'];
    for (const url of [...bad, 'https://x/"y', 'http://x', '']) expect(urlAttr(url)).toBe(UNSAFE_URL);
  });
});

describe('XML, workflow commands and CSV', () => {
  it('escape XML text and attributes, dropping what XML 1.0 cannot carry', () => {
    expect(xmlText('<a & "b">\u0001')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(xmlAttr('a\tb\nc')).toBe('a&#9;b&#10;c');
  });

  it('escape workflow command data and properties as @actions/core does', () => {
    expect(workflowData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(workflowProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('keep a spreadsheet from reading a CSV cell as a formula (OWASP)', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK(1)`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
  });

  it('quote cells with separators, quotes or line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
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
      salesStages: [],
      milestones: [],
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
