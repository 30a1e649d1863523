import type { Kind } from '../../schema/compile.js';

/** Errors and warnings of one document, as the index and each report's header show them. */
export interface DocStatus {
  errors: number;
  warnings: number;
  /** 'error' when any error, else 'warning' when any warning, else 'ok'. */
  level: 'ok' | 'warning' | 'error';
  /** "2 errors, 1 warning" or "no problems". */
  label: string;
  /** The diagnostics themselves, with positions (team audience only). */
  problems?: ProblemView[];
}

/** One diagnostic in a team report. */
export interface ProblemView {
  severity: 'error' | 'warning';
  /** `file:line:column`. */
  where: string;
  message: string;
  rule: string;
}

/** What every report knows about the document it shows. */
export interface DocHeader {
  kind: Kind;
  id?: string;
  /** The document's name, or its id, or a placeholder. */
  name: string;
  /** Display path of the YAML file. */
  file: string;
  /** The report's file name inside --out (relative link). */
  href: string;
  status: DocStatus;
}

/** Relative link to another rendered document, or undefined when it is not part of this run. */
export type LinkTo = (kind: Kind, id: string) => string | undefined;

export function statusOf(errors: number, warnings: number): DocStatus {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return {
    errors,
    warnings,
    level: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok',
    label: parts.length > 0 ? parts.join(', ') : 'no problems',
  };
}

/** A named reference to another document, linked when it was rendered in this run. */
export interface Ref {
  id: string;
  name: string;
  href?: string;
}
