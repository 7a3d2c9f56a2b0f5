/**
 * The page's side of the analysis dataset: sends the working set to a module worker one kind at a
 * time (only the columns it reads), yielding between kinds so that no task on
 * the page runs long, and waits for the finished ZIP. Loaded only when an export is asked for.
 */
import { KINDS } from '../../../domain/contract';
import type { WorkingSet } from '../../../data/working-set';
import { plainWorkingSet } from '../../../data/working-set-transfer';
import type { Definitions } from '../../../model/definitions';
import type { CohortQuery } from '../../../model/cohort/cohort-query';
import type { DatasetAbout } from './dataset-files';
import { DATASET_COLUMNS, type DatasetIn, type DatasetOut } from './dataset-messages';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function writeAnalysisDataset(
  ws: WorkingSet,
  defs: Definitions,
  query: CohortQuery,
  imports: DatasetAbout['imports'],
  madeAt = Date.now(),
): Promise<DatasetOut> {
  const worker = new Worker(new URL('./analysis-dataset.worker.ts', import.meta.url), { type: 'module' });
  try {
    const done = new Promise<DatasetOut>((resolve) => {
      worker.onmessage = (event: MessageEvent<DatasetOut>) => resolve(event.data);
      worker.onerror = (event) => resolve({ ok: false, failed: true, message: `The dataset could not be written: ${event.message || 'the export worker stopped'}` });
    });
    const plain = plainWorkingSet(ws, (kind, name) => DATASET_COLUMNS[kind].includes(name));
    const post = (m: DatasetIn) => worker.postMessage(m);
    for (const kind of KINDS) {
      post({ type: 'kind', kind, table: plain.tables[kind], byCase: plain.byCase[kind] });
      await nextTask();
    }
    post({ type: 'build', caseIds: plain.caseIds, casesWithRow: plain.casesWithRow, defs: { ...defs }, query, imports, madeAt });
    return await done;
  } finally {
    worker.terminate();
  }
}
