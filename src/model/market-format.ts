/**
 * How market figures are written in reasons and messages. One place, so that "2,500" in an
 * account-misfit reason and "GBP 3,800,000" in a market-share message read alike.
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

/** "GBP 3,800,000", or just the number when the market states no currency. */
export function formatMoney(value: number, currency: string | null): string {
  return currency ? `${currency} ${formatNumber(value)}` : formatNumber(value);
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
