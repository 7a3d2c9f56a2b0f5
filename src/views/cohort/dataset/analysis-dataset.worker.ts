/**
 * The analysis dataset worker: rebuilds the working set the page sent, derives the dataset and
 * writes the whole ZIP here, so the page never waits on it. The ZIP is sent back only when
 * complete (transferred, not copied); a failure sends a message instead, never part of a file.
 */
import type { Kind } from '../../../domain/contract';
import type { CaseRows } from '../../../data/working-set';
import type { Column } from '../../../data/columns';
import { workingSetFromPlain, type PlainTable } from '../../../data/working-set-transfer';
import { buildDataset } from './build-dataset';
import { tableParquet } from './dataset-files';
import type { DatasetTable } from '../../../model/dataset/dataset-table';
import type { DatasetIn, DatasetOut, ParquetIn, ParquetOut } from './dataset-messages';

/** The events' Parquet (the largest file) is written by a helper worker, in parallel; the rest here. */
function parquetElsewhere(table: DatasetTable, metadata: Record<string, string>): Uint8Array | Promise<Uint8Array> {
  if (table.name !== 'events' || typeof Worker !== 'function') return tableParquet(table, metadata);
  const helper = new Worker(new URL('./dataset-parquet.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    helper.onmessage = (event: MessageEvent<ParquetOut>) => {
      helper.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    // A helper that cannot start (or stops) leaves the work to this worker.
    helper.onerror = (event) => {
      event.preventDefault();
      helper.terminate();
      try {
        resolve(tableParquet(table, metadata));
      } catch (e) {
        reject(e);
      }
    };
    helper.postMessage({ table, metadata } satisfies ParquetIn);
  });
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<DatasetIn>) => void) | null;
  postMessage(message: DatasetOut, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const tables = {} as Record<Kind, PlainTable>;
const byCase = {} as Record<Kind, CaseRows>;

const columns = {} as Record<Kind, Record<string, Column>>;

scope.onmessage = async (event) => {
  const m = event.data;
  if (m.type === 'column') {
    (columns[m.kind] ??= {})[m.name] = m.column;
    return;
  }
  if (m.type === 'kind') {
    tables[m.kind] = { ...m.table, columns: columns[m.kind] ?? {} };
    byCase[m.kind] = m.byCase;
    return;
  }
  if (m.type === 'rows') {
    byCase[m.kind] = { offsets: byCase[m.kind].offsets, rows: m.rows };
    return;
  }
  try {
    const ws = workingSetFromPlain({ tables, byCase, caseIds: m.caseIds, casesWithRow: m.casesWithRow });
    const result = await buildDataset(ws, m.defs, m.query, m.imports, m.madeAt, parquetElsewhere);
    scope.postMessage(result.ok ? { ok: true, blob: new Blob([result.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), women: result.women, events: result.events } : result);
  } catch (e) {
    scope.postMessage({ ok: false, failed: true, message: `The dataset could not be written: ${e instanceof Error ? e.message : String(e)}` });
  }
};
