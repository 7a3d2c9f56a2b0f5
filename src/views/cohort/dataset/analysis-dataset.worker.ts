/**
 * The analysis dataset worker: rebuilds the working set the page sent, derives the dataset and
 * writes the whole ZIP here, so the page never waits on it. The ZIP is sent back only when
 * complete (transferred, not copied); a failure sends a message instead, never part of a file.
 */
import type { Kind } from '../../../domain/contract';
import type { CaseRows } from '../../../data/working-set';
import { workingSetFromPlain, type PlainTable } from '../../../data/working-set-transfer';
import { buildDataset } from './build-dataset';
import type { DatasetIn, DatasetOut } from './dataset-messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<DatasetIn>) => void) | null;
  postMessage(message: DatasetOut, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const tables = {} as Record<Kind, PlainTable>;
const byCase = {} as Record<Kind, CaseRows>;

scope.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'kind') {
    tables[m.kind] = m.table;
    byCase[m.kind] = m.byCase;
    return;
  }
  try {
    const ws = workingSetFromPlain({ tables, byCase, caseIds: m.caseIds, casesWithRow: m.casesWithRow });
    const result = buildDataset(ws, m.defs, m.query, m.imports, m.madeAt);
    scope.postMessage(result, result.ok ? [result.zip.buffer as ArrayBuffer] : []);
  } catch (e) {
    scope.postMessage({ ok: false, failed: true, message: `The dataset could not be written: ${e instanceof Error ? e.message : String(e)}` });
  }
};
