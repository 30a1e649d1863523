import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { footerTemplate, withoutPageFooter } from '../../src/render/pdf/page-footer.js';

type Node = { nodeName: string; value?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[] };
const text = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(''));
const elements = (n: Node): Node[] => [
  ...(n.nodeName.startsWith('#') ? [] : [n]),
  ...(n.childNodes ?? []).flatMap(elements),
];
const classOf = (n: Node) => n.attrs?.find((a) => a.name === 'class')?.value;

describe('the PDF footer template', () => {
  it('carries every line of the report footer as text, joined, and the page number elements Chromium fills', () => {
    const root = parseFragment(
      footerTemplate(['Prepared for A · 7 December 2026', '  Confidential\n  draft ', '']),
    ) as unknown as Node;
    const [outer, left, right] = root.childNodes!.flatMap((n) => [n, ...(n.childNodes ?? [])]);
    expect(outer!.nodeName).toBe('div');
    expect(text(left!)).toBe('Prepared for A · 7 December 2026 · Confidential draft');
    expect(text(right!)).toBe('Page  of ');
    expect(elements(root).map(classOf).filter(Boolean)).toEqual(['pageNumber', 'totalPages']);
  });

  it('keeps markup in a footer line as text: no element, and no page number it could fake', () => {
    const hostile = '<span class="totalPages"></span> & </div><img src=x onerror=alert(1)> <!-- " \' `';
    const root = parseFragment(footerTemplate([hostile])) as unknown as Node;
    const [, left] = root.childNodes!.flatMap((n) => [n, ...(n.childNodes ?? [])]);
    expect(text(left!)).toBe(hostile.replace(/\s+/g, ' '));
    expect(elements(root).map((n) => n.nodeName)).toEqual(['div', 'span', 'span', 'span', 'span']);
    expect(elements(root).map(classOf).filter(Boolean)).toEqual(['pageNumber', 'totalPages']);
  });

  it('hides the page footer only in the copy served for printing, by a style at the end of the head', () => {
    const page =
      '<!doctype html><html><head><title>t</title></head><body><footer class="wrap">x</footer></body></html>';
    expect(withoutPageFooter(page)).toBe(
      page.replace('</head>', '<style>footer.wrap { display: none; }</style></head>'),
    );
    expect(withoutPageFooter('no head')).toBe('no head');
  });
});
