/**
 * How market figures are written in reasons and messages. One place, so that "2,500" in an
 * account-misfit reason and "£3,800,000" in a market-share message read alike.
 * British grouping (commas) because money reads that way in the consultants' reports.
 */
export function formatNumber(value: number): string {
  // By hand rather than Intl.NumberFormat: this runs for every misfit of a 100,000-row CSV.
  if (Number.isSafeInteger(value)) return groupDigits(value);
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  const grouped = /e/i.test(whole) ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

const currencyFormats = new Map<string, Intl.NumberFormat | null>();

/**
 * The signs Intl (ICU) prints before an amount in en-GB, for the currencies consultants use most.
 * These are formatted by hand: the first Intl.NumberFormat of a process costs ~20 ms of ICU set-up.
 */
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { GBP: '£', EUR: '€', USD: 'US$' };

/**
 * Money as Intl writes it in en-GB ("£3,800,000", "€12.50", "US$1,000", "CHF 12.50"): the one
 * notation of every report, reason and message. Just the number when the market states no currency
 * (or a code that is not three capital letters).
 */
export function formatMoney(value: number, currency: string | null): string {
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

/**
 * A share as a percentage with one decimal ("7.9 %", "10 %"). `against` is a share it is
 * compared with: decimals are added until the two no longer print alike, so a message never
 * says "10 % exceeds the achievable 10 %".
 */
export function formatPercent(share: number, against?: number): string {
  let digits = 1;
  const show = (x: number, d: number) => String(Number((x * 100).toFixed(d)));
  while (against !== undefined && share !== against && digits < 6 && show(share, digits) === show(against, digits))
    digits++;
  return `${show(share, digits)} %`;
}

/** "a, b or c" for criterion values in reasons; long lists are shortened. */
export function formatList(items: readonly string[], conjunction: 'and' | 'or' = 'or', max = 8): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

/** A fit score such as 0.875 → "0.88"; whole values stay short ("1"). */
export function formatScore(score: number): string {
  return String(Number(score.toFixed(2)));
}

/** 1234567 → "1,234,567" for a safe integer. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
