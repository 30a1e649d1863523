import path from 'node:path';
import { columnMapping } from '../load/accounts-csv-cells.js';
import { loadAccountsCsv } from '../load/accounts-csv.js';
import { lookAtPicture, pictureMissing, pictureReference, realFolder } from '../load/picture.js';
import { mapLimited } from '../util/map-limited.js';
import { display } from '../util/paths.js';
import { factKey, type Workspace } from '../workspace/workspace.js';

export interface FactNeeds {
  /** Look at the persona pictures (picture-invalid is on). The accounts files are always read. */
  pictures: boolean;
  /** Keep the accounts' own `x-` columns (render --format csv); scoring does not need them. */
  ownColumns?: boolean;
  /** Files read at once (--concurrency). */
  concurrency: number;
}

/**
 * Gather what the rules and the market model need from files other than the YAML, for the
 * reported documents: each market's accounts_file, read whole, and what the disk says about each
 * persona's picture. Into `workspace.facts`; facts already there are kept (a workspace loaded
 * for a model, then linted, is read once).
 */
export async function gatherFacts(workspace: Workspace, needs: FactNeeds): Promise<void> {
  const { facts, settings, cwd } = workspace;
  const tasks: Array<() => Promise<void>> = [];
  const realLimits = new Map<string, Promise<string>>();
  const realLimit = (folder: string) => {
    let real = realLimits.get(folder);
    if (!real) realLimits.set(folder, (real = realFolder(folder)));
    return real;
  };
  for (const doc of workspace.documents) {
    if (!doc.reported) continue;
    const key = factKey(doc);
    const { accounts_file: csv, picture } = doc.data;
    if (doc.kind === 'market' && typeof csv === 'string' && csv !== '' && !facts.accounts.has(key)) {
      const absPath = path.resolve(path.dirname(doc.absPath), csv);
      tasks.push(async () => {
        const table = await loadAccountsCsv(absPath, display(cwd, absPath), {
          maxBytes: settings.limits.maxCsvBytes,
          columns: columnMapping(doc.data.accounts_columns),
          keepOwnColumns: needs.ownColumns === true,
          // Without a workspace, the market file's own folder tree is the limit (as for persona pictures).
          within: settings.root ?? path.dirname(doc.absPath),
        });
        facts.accounts.set(key, table);
      });
    }
    if (
      needs.pictures &&
      doc.kind === 'persona' &&
      typeof picture === 'string' &&
      picture.trim() !== '' &&
      !facts.pictures.has(key)
    ) {
      const reference = pictureReference(picture, doc.absPath, settings.root);
      if (reference.is !== 'path' || !reference.inside) continue;
      if (pictureMissing(reference.target)) {
        facts.pictures.set(key, 'missing');
        continue;
      }
      tasks.push(async () => {
        facts.pictures.set(key, await lookAtPicture(reference.target, await realLimit(reference.limit)));
      });
    }
  }
  await mapLimited(tasks, needs.concurrency, (task) => task());
}
