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
    // One column or index at a time, each its own task: a copy of a few megabytes at most.
    for (const kind of KINDS) {
      const { columns, ...table } = plain.tables[kind];
      for (const [name, column] of Object.entries(columns)) {
        post({ type: 'column', kind, name, column });
        await nextTask();
      }
      post({ type: 'kind', kind, table: { ...table, columns: {} }, byCase: { offsets: plain.byCase[kind].offsets, rows: new Uint32Array(0) } });
      await nextTask();
      post({ type: 'rows', kind, rows: plain.byCase[kind].rows });
      await nextTask();
    }
    post({ type: 'build', caseIds: plain.caseIds, casesWithRow: plain.casesWithRow, defs: { ...defs }, query, imports, madeAt });
    return await done;
  } finally {
    worker.terminate();
  }
}
