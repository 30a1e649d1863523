import type Handlebars from 'handlebars';
import { formatNumber, formatPercent } from '../model/market-format.js';
import { emotionCurveSvg } from './emotion-curve.js';
import { ESCAPERS, htmlText, type OutputContext } from '../escape/index.js';
import { MarkdownText, plainText } from './markdown-view.js';
import type { StageView } from './views/journey.js';

export type HandlebarsInstance = typeof Handlebars;

/**
 * The helpers every template can use (documented in the README, section "render"). Helpers that
 * build markup escape every value they put into it themselves; the others return plain strings,
 * which Handlebars escapes in HTML templates. The context helpers (CONTEXT_HELPERS) print a value
 * for the context their name says.
 */
export function registerHelpers(hb: HandlebarsInstance, format: 'html' | 'md'): void {
  hb.registerHelper(helperTable(format));
}

/** The helper names of a format, for the compiler's `knownHelpers` (helper calls become direct calls). */
export function helperNames(format: 'html' | 'md'): string[] {
  return Object.keys(helperTable(format));
}

type Helper = (...args: unknown[]) => unknown;

/** Markup a helper built (its values escaped): Handlebars prints anything with toHTML() as it is. */
class Markup {
  constructor(private readonly html: string) {}
  toHTML(): string {
    return this.html;
  }
  toString(): string {
    return this.html;
  }
}
const markup = (html: string) => new Markup(html);

/**
 * The escaping helpers of each format, by the output context they print for. HTML templates get
 * the HTML contexts, Markdown templates the Markdown ones (HTML written inside Markdown has its own
 * rules), so a helper of the wrong format is a "Missing helper" error, not a silent hole. In
 * Markdown a value arrives as Markdown text (markdown-view.ts); these helpers take its plain text.
 */
export const CONTEXT_HELPERS: Readonly<Record<'html' | 'md', readonly OutputContext[]>> = {
  html: ['html-text', 'html-attr', 'url-attr'],
  md: ['md-text', 'md-cell', 'md-html-text', 'md-html-attr', 'md-url', 'mermaid-label'],
};

/** The helpers of a format, by name. */
export function helperTable(format: 'html' | 'md'): Record<string, Helper> {
  const helpers = format === 'md' ? markdownValues(generalHelpers(format)) : generalHelpers(format);
  for (const context of CONTEXT_HELPERS[format]) {
    const escaper = ESCAPERS[context];
    helpers[context] =
      format === 'html' ? (value) => markup(escaper(plainText(value))) : (value) => escaper(plainText(value));
  }
  return helpers;
}

/**
 * In Markdown, the general helpers see a report text as the Markdown text it prints as (as they
 * did before texts kept their plain form): `eq` compares it with a literal, `join` joins it.
 */
function markdownValues(helpers: Record<string, Helper>): Record<string, Helper> {
  const out: Record<string, Helper> = {};
  for (const [name, helper] of Object.entries(helpers))
    out[name] = function (this: unknown, ...args: unknown[]) {
      return helper.apply(
        this,
        args.map((a) => (a instanceof MarkdownText ? a.valueOf() : a)),
      );
    };
  return out;
}

function generalHelpers(format: 'html' | 'md'): Record<string, Helper> {
  const helpers: Record<string, Helper> = {
    eq: (a, b) => a === b,
    gt: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
    join: (list, separator) =>
      Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
    plural: (count, singular, plural) => {
      const n = typeof count === 'number' ? count : 0;
      const word = n === 1 ? String(singular) : typeof plural === 'string' ? plural : `${String(singular)}s`;
      return `${formatNumber(n)} ${word}`;
    },
    'format-number': (value) => (typeof value === 'number' ? formatNumber(value) : '—'),
    'format-percent': (share) => (typeof share === 'number' ? formatPercent(share) : '—'),
    'format-money': (value, currency) =>
      typeof value === 'number' ? formatCurrency(value, typeof currency === 'string' ? currency : null) : '—',
    signed: (value) => (typeof value === 'number' ? (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0') : '—'),
  };
  if (format === 'html') {
    helpers['completeness-bar'] = (percent) => {
      const p = clampPercent(percent);
      const tone = p === 100 ? 'full' : p >= 50 ? 'part' : 'low';
      return markup(
        `<span class="bar bar-${tone}" role="img" aria-label="${p}% complete"><span class="bar-fill" style="width:${p}%"></span></span>`,
      );
    };
    helpers['emotion-curve'] = (stages, title) =>
      markup(
        emotionCurveSvg(Array.isArray(stages) ? (stages as StageView[]) : [], typeof title === 'string' ? title : ''),
      );
    helpers['initials-avatar'] = (initials) =>
      markup(`<span class="avatar avatar-initials" aria-hidden="true">${htmlText(String(initials ?? ''))}</span>`);
  } else {
    // Markdown: a text bar of ten cells that reads in the source and on every forge.
    helpers['completeness-bar'] = (percent) => {
      const p = clampPercent(percent);
      const filled = Math.round(p / 10);
      return `\`${'█'.repeat(filled)}${'░'.repeat(10 - filled)}\` ${p} %`;
    };
  }
  return helpers;
}

function clampPercent(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}

const currencyFormats = new Map<string, Intl.NumberFormat | null>();

/**
 * The signs Intl (ICU) prints before an amount in en-GB, for the currencies consultants use most.
 * These are formatted by hand: the first Intl.NumberFormat of a process costs ~20 ms of ICU set-up.
 */
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { GBP: '£', EUR: '€', USD: 'US$' };

/** "£3,800,000" for GBP; an ISO code the runtime does not know prints as "XYZ 1,000". */
export function formatCurrency(value: number, currency: string | null): string {
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) return formatNumber(value);
  // Whole units for large sums (a market is £47,880,000, not £47,880,000.00); pence for small ones.
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  const sign = CURRENCY_SIGNS[currency];
  const byHand = sign === undefined ? undefined : signedAmount(value, sign, digits);
  if (byHand !== undefined) return byHand;
  const key = `${currency}:${digits}`;
  if (!currencyFormats.has(key)) {
    try {
      currencyFormats.set(
        key,
        new Intl.NumberFormat('en-GB', {
          style: 'currency',
          currency,
          minimumFractionDigits: 0,
          maximumFractionDigits: digits,
        }),
      );
    } catch {
      currencyFormats.set(key, null);
    }
  }
  const format = currencyFormats.get(key);
  return format ? format.format(value) : `${currency} ${formatNumber(value)}`;
}

/**
 * What Intl prints for an amount with at most `digits` decimals: like ICU, the shortest decimal
 * form of the number is rounded half away from zero (1.005 → 1.01), trailing zeros are dropped,
 * and a negative amount keeps its minus even when it rounds to 0. Undefined for numbers that
 * print in exponent form, which are left to Intl.
 */
function signedAmount(value: number, sign: string, digits: number): string | undefined {
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const [whole = '', fraction = ''] = text.split('.');
  let units = BigInt(whole + fraction.slice(0, digits).padEnd(digits, '0'));
  if (fraction.length > digits && fraction[digits]! >= '5') units += 1n;
  const all = units.toString().padStart(digits + 1, '0');
  const integer = all.slice(0, all.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = all.slice(all.length - digits).replace(/0+$/, '');
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${sign}${integer}${decimals ? `.${decimals}` : ''}`;
}
