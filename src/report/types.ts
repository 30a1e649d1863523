import type { Diagnostic } from '../diagnostic.js';
import type { RuleMeta } from '../rules/types.js';

export const FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  /** Colour the output (stylish only). The CLI decides from TTY, NO_COLOR and FORCE_COLOR. */
  color: boolean;
  /** Every file that was checked, in order, including files without problems (JUnit needs them). */
  files: readonly string[];
  /** Metadata of every rule that can appear, for SARIF's tool.driver.rules. */
  rules: readonly RuleMeta[];
  /** The terminal's width in columns when stylish output goes to one; undefined otherwise (no padding). */
  width?: number;
  /**
   * `check --max-warnings n`: a run with more warnings fails (exit 1). JUnit shows the limit as a
   * test case of its own, failed when it is exceeded, so a CI widget agrees with the exit code.
   */
  maxWarnings?: number;
  /** personakit's version, for SARIF's tool.driver.version. */
  version: string;
}

/** A reporter is a pure function: diagnostics in, the whole output text out. */
export type Reporter = (diagnostics: readonly Diagnostic[], options: ReportOptions) => string;
