import type { CheckedFile } from './checked-file.js';
import type { Placeholders } from '../model/placeholders.js';
import type { Settings } from './settings.js';

/**
 * The document-scope parts of the rules (Rule.checkDocument), run by the reading lanes right after
 * a file is parsed and validated, so that they are spread over every core like the parsing. Plain
 * data: it is handed to the worker threads as it is.
 */
export interface DocumentPass {
  mode: 'validate' | 'check';
  /** Today, in ms since the epoch (evidence-stale). */
  today: number;
  completenessMin: number;
  evidenceMaxAgeDays: number;
  placeholders: Placeholders;
  /** Rules turned off in personakit.yaml: not run. */
  off: string[];
  /** Cut personas down to what the workspace-scope rules read (diagnostics alone are wanted). */
  summaries: boolean;
}

/** What a run asks for: the rules of `mode` as of `today`; the rest comes from personakit.yaml. */
export interface DocumentPassRequest {
  mode: DocumentPass['mode'];
  today: Date;
  /** Overrides completeness.min (--min-completeness). */
  minCompleteness?: number;
  /** Keep only summaries of personas (default); false keeps every document whole, for render. */
  summaries?: boolean;
}

export function documentPassFor(request: DocumentPassRequest, settings: Settings): DocumentPass {
  return {
    mode: request.mode,
    today: request.today.getTime(),
    completenessMin: request.minCompleteness ?? settings.completenessMin,
    evidenceMaxAgeDays: settings.evidenceMaxAgeDays,
    placeholders: settings.placeholders,
    off: Object.keys(settings.rules).filter((id) => settings.rules[id] === 'off'),
    summaries: request.summaries ?? true,
  };
}

/** Runs the pass on one file just read: findings into `file.ruleFindings`, personas cut to summaries if asked. */
export type DocumentRunner = (file: CheckedFile, reported: boolean) => void;

/**
 * The runner of a pass. Loaded on demand, which also keeps the rule modules (some of which use
 * the workspace module) out of the workspace module's own imports: no import cycle.
 */
export async function loadDocumentRunner(pass: DocumentPass): Promise<DocumentRunner> {
  const { documentRunner } = await import('./document-runner.js');
  return documentRunner(pass);
}
