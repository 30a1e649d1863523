/** Escapers for the line-based outputs: GitHub workflow commands and CSV. */

/** A workflow command's data (the message after `::`), as @actions/core escapes it. */
export function workflowData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value (`file=…,line=…`), as @actions/core escapes it. */
export function workflowProperty(value: string): string {
  return workflowData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A text a spreadsheet reads as text, never as a formula (OWASP, CSV injection): one that starts
 * with `=`, `+`, `-`, `@`, tab or carriage return gets the leading `'` spreadsheets hide.
 */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One CSV cell (RFC 4180) that a spreadsheet opens as text, never as a formula. After OWASP's
 * advice on CSV injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading `'` (which spreadsheets hide), then a cell holding the separator, a quote or a line
 * break is quoted with its quotes doubled. Numbers are written as they are: a negative amount is
 * data, not a formula.
 */
export function csvCell(value: string | number, separator = ','): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaSafe(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
