import type { Diagnostic } from '../../src/diagnostic.js';
import { lint, type LintOptions } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

/**
 * Small documents that pass every rule; tests change one thing and look at what fires.
 * Each is complete: eight headings, evidence, every goal and challenge addressed, journeys
 * covering all three phases with touchpoints, messages, aligned sales stages and celebrated milestones.
 */
export const PERSONA = `kind: persona
id: fiona
name: Finance Fiona
about:
  job_title: Finance director
personality:
  traits: [careful]
goals:
  - id: close-faster
    type: commercial
    text: Close the books in three days
challenges:
  - id: audit-risk
    type: regulation
    text: Audit findings
hangouts:
  - name: Finance forum
    type: community
value:
  - text: Automated reconciliations
    addresses: [close-faster, audit-risk]
objections:
  - text: Locked in to the ERP contract
messages:
  - theme: productivity
    text: Close in three days
evidence:
  - source: interview
    date: "2026-05-01"
`;

export const JOURNEY = `kind: journey
id: buys
name: Fiona buys
personas: [fiona]
stages:
  - id: aware
    name: Becomes aware
    phase: exposure
    message: Closing slowly costs money
    touchpoints:
      - channel: web
  - id: chooses
    name: Chooses
    phase: adoption
    message: Here is the plan
    touchpoints:
      - channel: sales-meeting
  - id: trusts
    name: Comes to trust us
    phase: retention
    message: Your numbers this month
    touchpoints:
      - channel: email
sales_stages:
  - id: prospect
    name: Prospecting
    aligns_with: [aware]
  - id: close
    name: Close
    aligns_with: [chooses]
  - id: grow
    name: Grow
    aligns_with: [trusts]
milestones:
  - id: signed
    stage: chooses
    trigger: The contract is signed
    celebrate:
      channel: letter
      message: Thank you
`;

export const MARKET = `kind: market
id: uk-finance
name: UK finance teams
criteria:
  buyer_personas: [fiona]
`;

/** The fixed "today" of rule tests (evidence ages are relative to it). */
export const TODAY = new Date('2026-11-23T10:00:00Z');

export interface TreeOptions extends Partial<Omit<LintOptions, 'cwd' | 'paths'>> {
  paths?: string[];
}

/** Write files (a personakit.yaml marks a workspace) into a temp folder and run `check` on them. */
export async function checkTree(
  files: Record<string, string | Uint8Array>,
  options: TreeOptions = {},
): Promise<{ dir: string; diagnostics: Diagnostic[] }> {
  const dir = await writeTree(await makeTempDir('personakit-rules-'), files);
  const result = await lint({ mode: 'check', today: TODAY, ...options, cwd: dir, paths: options.paths ?? [] });
  return { dir, diagnostics: result.diagnostics };
}

/** The diagnostics of one rule, as compact `file:line:column message` strings. */
export function of(diagnostics: Diagnostic[], rule: string): string[] {
  return diagnostics.filter((d) => d.rule === rule).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
}

/** 1-based line of the first line of `text` containing `needle` (so tests do not hard-code line numbers). */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  throw new Error(`"${needle}" not found`);
}

/** Replace exactly one occurrence; fail loudly when the base text changed under the test. */
export function change(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" not found in the base document`);
  return text.replace(from, to);
}
