import type Handlebars from 'handlebars';
import { formatMoney, formatNumber, formatPercent } from '../model/market-format.js';
import { emotionCurveSvg } from './emotion-curve.js';
import { fitBarsSvg, funnelSvg, type FitBar, type FunnelStep, type ShareMark } from './market-charts.js';
import { ESCAPERS, htmlText, type OutputContext } from '../escape/index.js';
import { MarkdownText, plainText } from './markdown-view.js';
import { plural } from '../util/plural.js';
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
    plural: (count, singular, pluralForm) => {
      const n = typeof count === 'number' ? count : 0;
      const word = plural(n, String(singular), typeof pluralForm === 'string' ? pluralForm : undefined);
      return `${formatNumber(n)} ${word}`;
    },
    'format-number': (value) => (typeof value === 'number' ? formatNumber(value) : '—'),
    'format-percent': (share) => (typeof share === 'number' ? formatPercent(share) : '—'),
    'format-money': (value, currency) =>
      typeof value === 'number' ? formatMoney(value, typeof currency === 'string' ? currency : null) : '—',
    signed: (value) => (typeof value === 'number' ? (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0') : '—'),
  };
  if (format === 'html') {
    helpers['completeness-bar'] = (percent) => {
      const p = clampPercent(percent);
      const tone = p === 100 ? 'full' : p >= 50 ? 'part' : 'low';
      // SVG rather than a styled span: the width is an attribute, not an inline style (html-validate).
      return markup(
        `<svg class="bar bar-${tone}" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${p}% complete"><rect class="bar-track" width="100" height="10"/><rect class="bar-fill" width="${p}" height="10"/></svg>`,
      );
    };
    helpers['emotion-curve'] = (stages, title) =>
      markup(
        emotionCurveSvg(Array.isArray(stages) ? (stages as StageView[]) : [], typeof title === 'string' ? title : ''),
      );
    helpers['fit-chart'] = (bars, title, id) =>
      markup(fitBarsSvg(Array.isArray(bars) ? (bars as FitBar[]) : [], String(title ?? ''), String(id ?? 'chart')));
    helpers['sizing-funnel'] = (funnel, id) => {
      const f = (funnel ?? {}) as { steps?: FunnelStep[]; share?: ShareMark };
      return markup(funnelSvg(f.steps ?? [], f.share, String(id ?? 'funnel')));
    };
    helpers['page-title'] = (title, site) => markup(pageTitle(String(title ?? ''), String(site ?? '')));
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

/** Browsers and html-validate want a title of at most this many characters (as written, entities included). */
const TITLE_MAX = 70;

/**
 * The page title as HTML text: "Page — Site" when that fits in TITLE_MAX characters as written,
 * else the page's name alone, shortened with "…" if need be (never inside a character or an entity).
 */
export function pageTitle(title: string, site: string): string {
  const both = htmlText(site === '' ? title : `${title} — ${site}`);
  if (both.length <= TITLE_MAX) return both;
  const alone = htmlText(title);
  if (alone.length <= TITLE_MAX) return alone;
  let short = '';
  for (const ch of title) {
    const written = htmlText(ch);
    if (short.length + written.length > TITLE_MAX - 1) break;
    short += written;
  }
  return `${short}…`;
}

function clampPercent(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}
