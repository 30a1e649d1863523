import type { Diagnostic, Finding } from '../diagnostic.js';
import type { CsvProblem } from '../load/accounts-csv.js';
import { evaluateMarket, type MarketModel, type Misfit } from '../model/market-model.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { reportedDocuments } from './facts.js';
import type { RuleContext } from './rule.js';

/** One market's model plus what its rules report in full (every misfit, every CSV problem). */
export interface MarketEvaluation {
  doc: WorkspaceDocument;
  model: MarketModel;
  /** Every inline misfit. */
  misfits: Misfit[];
  /**
   * Every CSV misfit as its account-misfit finding, made whole: at the row's line, with the rule's
   * severity and nothing a diagnostic lacks, so that the engine takes it as its own diagnostic
   * (70,000 misfits are one object each, not two: bench/README.md, "Accounts rows in memory").
   */
  csvMisfits: Diagnostic[];
  /** The account name of each of `csvMisfits`, at the same index (for accepted_misfits). */
  csvMisfitNames: string[];
  csvProblems: Array<CsvProblem & { file: string }>;
}

/**
 * The market model of every reported market, computed once per run and shared by the schema
 * check of the CSV, account-misfit, market-share and accounts_file.
 */
export function marketEvaluations(context: RuleContext): MarketEvaluation[] {
  return reportedDocuments(context, 'market').map((doc) =>
    context.memo(`market-fit:${doc.file}#${doc.docIndex}`, (): MarketEvaluation => {
      const misfits: Misfit[] = [];
      const csvMisfits: Diagnostic[] = [];
      const csvMisfitNames: string[] = [];
      const csvProblems: MarketEvaluation['csvProblems'] = [];
      const model = evaluateMarket(doc, context.workspace, {
        onMisfit: (misfit) => misfits.push(misfit),
        onCsvMisfit: ({ file, line, name, summary }) => {
          // The keys of a diagnostic, in its order (PositionResolver.resolve); reported with the
          // market, whose accounts file is reported with it (lint.ts).
          csvMisfits.push({
            file,
            line,
            column: 1,
            severity: 'warning',
            rule: 'account-misfit',
            message: misfitMessage(name, summary),
          });
          csvMisfitNames.push(name);
        },
        onCsvProblem: (problem) => csvProblems.push(problem),
        rankLimit: 0,
      });
      return { doc, model, misfits, csvMisfits, csvMisfitNames, csvProblems };
    }),
  );
}

/**
 * The words of an account-misfit warning, for inline and CSV accounts alike. Joined into one flat
 * string: a concatenation would keep its parts alive, and reporters would copy it again to read
 * it (a CRM export can have 70,000 misfits).
 */
export function misfitMessage(name: string, summary: string, market?: string): string {
  return market === undefined
    ? ['account "', name, '" does not fit: ', summary].join('')
    : ['account "', name, '" does not fit market "', market, '": ', summary].join('');
}

/**
 * The same warning naming its market: a CSV row read by two markets gets a warning from each, at
 * the same line of the same file, and only the market's id tells them apart.
 */
export function namingMarket(misfit: Diagnostic, name: string, market: string): Diagnostic {
  const summary = misfit.message.slice(misfitMessage(name, '').length);
  return { ...misfit, message: misfitMessage(name, summary, market) };
}

/** A finding about a row of a market's accounts CSV: reported with (owned by) the market file. */
export function csvFinding(
  rule: string,
  doc: WorkspaceDocument,
  file: string,
  line: number,
  column: number,
  message: string,
): Finding {
  return { rule, file, owner: doc.file, line, column, message };
}
