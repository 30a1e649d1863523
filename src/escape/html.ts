/**
 * Escapers for the markup contexts of HTML reports, their inline SVG and JUnit XML.
 * HTML and SVG use the entity set Handlebars uses for `{{value}}`, so a value reads the same
 * whether a template prints it directly or through a helper.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
const HTML_SPECIAL = /[&<>"'`=]/g;

function entities(value: string): string {
  return value.replace(HTML_SPECIAL, (c) => HTML_ENTITIES[c]!);
}

/** Text between HTML tags. */
export function htmlText(value: string): string {
  return entities(value);
}

/** An HTML attribute value; the template always writes the quotes around it. */
export function htmlAttr(value: string): string {
  return entities(value);
}

/** What an unsafe address becomes: a URL that loads nothing and says why (as Closure's safe URLs do). */
export const UNSAFE_URL = 'about:invalid#personakit-unsafe-url';

/** A relative path as personakit writes them into --out: folders and file names of letters, digits, `._-`. */
const OWN_PATH = /^(?:[a-z0-9_][a-z0-9._-]*\/)*[a-z0-9_][a-z0-9._-]*$/i;
/** An https address without characters that could end an attribute, a Markdown link or a tag. */
const HTTPS_URL = /^https:\/\/[^\s<>"'`\\(){}|^[\]]+$/i;

/**
 * A URL personakit may put in an href or src: a relative path it wrote, or a plain https address.
 * Anything else (javascript:, data:, file:, `//host`, `../`) becomes UNSAFE_URL.
 */
export function safeUrl(value: string): string {
  return (OWN_PATH.test(value) && !value.split('/').includes('..')) || HTTPS_URL.test(value) ? value : UNSAFE_URL;
}

/** A URL attribute (href, src): only safe URLs (see safeUrl), escaped as an attribute value. */
export function urlAttr(value: string): string {
  return htmlAttr(safeUrl(value));
}

/** Text of an SVG element drawn inline in an HTML page (parsed by the HTML parser, so HTML rules apply). */
export function svgText(value: string): string {
  return entities(value);
}

/** An attribute value of inline SVG, always quoted. */
export function svgAttr(value: string): string {
  return entities(value);
}

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF;
 * unpaired surrogates). They cannot even be written as character references, so they are dropped.
 */
const ILLEGAL_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** XML text content (JUnit). */
export function xmlText(value: string): string {
  return value
    .replace(ILLEGAL_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XML attribute value; tab, LF and CR become references so parsers do not normalise them to spaces. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
