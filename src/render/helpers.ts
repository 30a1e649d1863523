import type Handlebars from 'handlebars';
import { formatNumber, formatPercent } from '../model/market-format.js';
import { emotionCurveSvg } from './emotion-curve.js';
import { escapeHtml } from './escape.js';
import type { StageView } from './views/journey.js';

export type HandlebarsInstance = typeof Handlebars;

/**
 * The helpers every template can use (documented in the README, section "render"). Helpers that
 * build markup escape every value they put into it themselves; the others return plain strings,
 * which Handlebars escapes in HTML templates.
 */
export function registerHelpers(hb: HandlebarsInstance, format: 'html' | 'md'): void {
  const markup = (html: string) => new hb.SafeString(html);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
  hb.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : ''));
  hb.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) => {
    const n = typeof count === 'number' ? count : 0;
    const word = n === 1 ? String(singular) : typeof plural === 'string' ? plural : `${String(singular)}s`;
    return `${formatNumber(n)} ${word}`;
  });
  hb.registerHelper('format-number', (value: unknown) => (typeof value === 'number' ? formatNumber(value) : '—'));
  hb.registerHelper('format-percent', (share: unknown) => (typeof share === 'number' ? formatPercent(share) : '—'));
  hb.registerHelper('format-money', (value: unknown, currency: unknown) => (typeof value === 'number' ? formatCurrency(value, typeof currency === 'string' ? currency : null) : '—'));
  hb.registerHelper('signed', (value: unknown) => (typeof value === 'number' ? (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0') : '—'));

  if (format === 'html') {
    hb.registerHelper('completeness-bar', (percent: unknown) => {
      const p = clampPercent(percent);
      const tone = p === 100 ? 'full' : p >= 50 ? 'part' : 'low';
      return markup(`<span class="bar bar-${tone}" role="img" aria-label="${p}% complete"><span class="bar-fill" style="width:${p}%"></span></span>`);
    });
    hb.registerHelper('emotion-curve', (stages: unknown, title: unknown) => markup(emotionCurveSvg(Array.isArray(stages) ? (stages as StageView[]) : [], typeof title === 'string' ? title : '')));
    hb.registerHelper('initials-avatar', (initials: unknown) => markup(`<span class="avatar avatar-initials" aria-hidden="true">${escapeHtml(initials)}</span>`));
  } else {
    // Markdown: a text bar of ten cells that reads in the source and on every forge.
    hb.registerHelper('completeness-bar', (percent: unknown) => {
      const p = clampPercent(percent);
      const filled = Math.round(p / 10);
      return `\`${'█'.repeat(filled)}${'░'.repeat(10 - filled)}\` ${p} %`;
    });
  }
}

function clampPercent(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}

const currencyFormats = new Map<string, Intl.NumberFormat | null>();

/** "£3,800,000" for GBP; an ISO code the runtime does not know prints as "XYZ 1,000". */
export function formatCurrency(value: number, currency: string | null): string {
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) return formatNumber(value);
  // Whole units for large sums (a market is £47,880,000, not £47,880,000.00); pence for small ones.
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  const key = `${currency}:${digits}`;
  if (!currencyFormats.has(key)) {
    try {
      currencyFormats.set(key, new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: digits }));
    } catch {
      currencyFormats.set(key, null);
    }
  }
  const format = currencyFormats.get(key);
  return format ? format.format(value) : `${currency} ${formatNumber(value)}`;
}
