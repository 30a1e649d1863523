/** Types for the generator, so tests written in TypeScript can import it. */
export interface GenerateOptions {
  personas?: number;
  journeys?: number;
  markets?: number;
  accountsRows?: number;
  /** 1: the first market's criteria fit every CSV row (no account-misfit findings). */
  accountsFit?: number;
  invalid?: number;
  seed?: number;
}
export interface Generated {
  dir: string;
  files: number;
  bytes: number;
  personaIds: string[];
  /** Ids of the personas that were broken on purpose (--invalid). */
  broken: string[];
}
export const DEFAULTS: Readonly<Required<GenerateOptions>>;
export function generateWorkspace(dir: string, options?: GenerateOptions): Generated;
