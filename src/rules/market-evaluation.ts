import type { Finding } from '../diagnostic.js';
import type { CsvProblem } from '../load/accounts-csv.js';
import { evaluateMarket, type CsvMisfit, type MarketModel, type Misfit } from '../model/market-model.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { reportedDocuments } from './facts.js';
import type { RuleContext } from './rule.js';

/** One market's model plus what its rules report in full (every misfit, every CSV problem). */
export interface MarketEvaluation {
  doc: WorkspaceDocument;
  model: MarketModel;
  /** Every inline misfit. */
  misfits: Misfit[];
  /** Every CSV misfit. */
  csvMisfits: CsvMisfit[];
  csvProblems: Array<CsvProblem & { file: string }>;
}

/**
 * The market model of every reported market, computed once per run (the CSV is streamed once)
 * and shared by the schema check of the CSV, account-misfit, market-share and accounts_file.
 */
export function marketEvaluations(context: RuleContext): Promise<MarketEvaluation[]> {
  return Promise.all(
    reportedDocuments(context, 'market').map((doc) =>
      context.memo(`market-fit:${doc.file}#${doc.docIndex}`, async (): Promise<MarketEvaluation> => {
        const misfits: Misfit[] = [];
        const csvMisfits: CsvMisfit[] = [];
        const csvProblems: MarketEvaluation['csvProblems'] = [];
        const model = await evaluateMarket(doc, context.workspace, {
          onMisfit: (misfit) => misfits.push(misfit),
          onCsvMisfit: (misfit) => csvMisfits.push(misfit),
          onCsvProblem: (problem) => csvProblems.push(problem),
          rankLimit: 0,
        });
        return { doc, model, misfits, csvMisfits, csvProblems };
      }),
    ),
  );
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
