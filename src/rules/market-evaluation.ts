import type { Finding } from '../diagnostic.js';
import type { CsvProblem } from '../load/accounts-csv.js';
import { evaluateMarket, type MarketModel, type Misfit } from '../model/market-model.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { reportedDocuments } from './facts.js';
import type { RuleContext } from './rule.js';

/** An account-misfit finding about a CSV row, with the account's name. */
export type CsvMisfitFinding = Finding & { account: string };

/** One market's model plus what its rules report in full (every misfit, every CSV problem). */
export interface MarketEvaluation {
  doc: WorkspaceDocument;
  model: MarketModel;
  /** Every inline misfit. */
  misfits: Misfit[];
  /**
   * Every CSV misfit as its account-misfit finding, with the account's name (for
   * accepted_misfits); made here so that 70,000 misfits are one object each, not two.
   */
  csvMisfits: CsvMisfitFinding[];
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
      const csvMisfits: MarketEvaluation['csvMisfits'] = [];
      const csvProblems: MarketEvaluation['csvProblems'] = [];
      const model = evaluateMarket(doc, context.workspace, {
        onMisfit: (misfit) => misfits.push(misfit),
        onCsvMisfit: ({ file, line, name, summary }) =>
          csvMisfits.push({
            rule: 'account-misfit',
            file,
            owner: doc.file,
            line,
            column: 1,
            message: misfitMessage(name, summary),
            account: name,
          }),
        onCsvProblem: (problem) => csvProblems.push(problem),
        rankLimit: 0,
      });
      return { doc, model, misfits, csvMisfits, csvProblems };
    }),
  );
}

/**
 * The words of an account-misfit warning, for inline and CSV accounts alike. Joined into one flat
 * string: a concatenation would keep its parts alive, and reporters would copy it again to read
 * it (a CRM export can have 70,000 misfits).
 */
export function misfitMessage(name: string, summary: string): string {
  return ['account "', name, '" does not fit: ', summary].join('');
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
