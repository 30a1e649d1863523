import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { tidyMarkdown } from '../../src/render/markdown-tidy.js';

const markdown = new MarkdownIt({ html: true });

describe('tidyMarkdown', () => {
  const cases: Array<[string, string, string]> = [
    ['folds a run of blank lines to one', '# A\n\n\n\nText\n', '# A\n\nText\n'],
    ['folds lines of spaces too', '| a |\n  \n\t\n\n## B\n', '| a |\n\n## B\n'],
    ['ends with one newline at most', 'Text\n\n\n', 'Text\n'],
    ['adds no final newline', 'Text\n\n\nText', 'Text\n\nText'],
    ['keeps a fenced block as it is', '```mermaid\na\n\n\n\nb\n```\n\n\nc\n', '```mermaid\na\n\n\n\nb\n```\n\nc\n'],
    [
      'a fence closes only with its own kind and length',
      '~~~~\n```\n\n\n~~~\n\n~~~~\n',
      '~~~~\n```\n\n\n~~~\n\n~~~~\n',
    ],
    [
      'keeps the blank lines before an indented line',
      'Text\n\n    code\n\n\n    more\n',
      'Text\n\n    code\n\n\n    more\n',
    ],
    ['an empty page stays empty', '\n\n', ''],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(tidyMarkdown(input)).toBe(expected);
    // What a reader sees does not change.
    expect(markdown.render(tidyMarkdown(input))).toBe(markdown.render(input));
  });
});
