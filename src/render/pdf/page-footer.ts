import { htmlText } from '../../escape/html.js';

/**
 * The line Chromium prints in the bottom margin of every page of a PDF: the report's own footer
 * (who it was prepared for and by, the stamp, the confidentiality line) and the page number. The
 * HTML footer itself stands once at the end of the text, so a confidentiality line would otherwise
 * reach only the last page of a report.
 *
 * Chromium draws the template apart from the page (none of the page's styles apply) and fills the
 * elements of class pageNumber and totalPages: every text of ours goes in escaped, so a footer
 * that reads `<span class="totalPages">` prints those characters.
 */
export function footerTemplate(lines: readonly string[]): string {
  const text = lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map(htmlText)
    .join(' · ');
  return (
    '<div style="box-sizing: border-box; width: 100%; padding: 0 12mm; display: flex; gap: 6mm; ' +
    'justify-content: space-between; font: 7px/1.3 system-ui, sans-serif; color: #555;">' +
    `<span>${text}</span>` +
    '<span style="white-space: nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>' +
    '</div>'
  );
}

/** Chromium prints a header too when it prints a footer: an empty one. */
export const EMPTY_HEADER = '<span></span>';

/**
 * A printed page's own footer is hidden while the margin carries it (served to the browser with
 * this style added; the HTML reports on disk keep their footer, for reading and for printing
 * from a browser).
 */
export function withoutPageFooter(html: string): string {
  const style = '<style>footer.wrap { display: none; }</style>';
  const head = html.indexOf('</head>');
  return head < 0 ? html : html.slice(0, head) + style + html.slice(head);
}
