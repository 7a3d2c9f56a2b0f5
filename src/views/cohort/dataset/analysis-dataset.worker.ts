/**
 * The analysis dataset worker: rebuilds the working set the page sent, derives the dataset and
 * writes the whole ZIP here, so the page never waits on it. The events' Parquet (the largest file)
 * is written on the other core by a helper worker that is forwarded the same working set and
 * derives the events itself, in parallel with everything written here. The ZIP is sent back only
 * when complete (transferred, not copied); a failure sends a message instead, never part of a file.
 */
import { buildDataset } from './build-dataset';
import { tableParquet } from './dataset-files';
import { WorkingSetInbox } from './dataset-inbox';
import type { DatasetTable } from '../../../model/dataset/dataset-table';
import type { DatasetIn, DatasetOut, ParquetOut } from './dataset-messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<DatasetIn>) => void) | null;
  postMessage(message: DatasetOut, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const inbox = new WorkingSetInbox();

/** The helper and its answer; null where a worker cannot start one (the events' Parquet is then written here). */
function startHelper(): { worker: Worker; events: Promise<DatasetTable | null>; answer: Promise<Uint8Array | null> } | null {
  if (typeof Worker !== 'function') return null;
  try {
    const worker = new Worker(new URL('./dataset-parquet.worker.ts', import.meta.url), { type: 'module' });
    // A helper that fails or stops answers null: this worker then writes the events' Parquet itself.
    let tableIs = (_: DatasetTable | null) => {};
    const events = new Promise<DatasetTable | null>((resolve) => (tableIs = resolve));
    const answer = new Promise<Uint8Array | null>((resolve) => {
      worker.onmessage = (event: MessageEvent<ParquetOut>) => {
        const m = event.data;
        if ('events' in m) tableIs(m.events);
        else (tableIs(null), resolve(m.ok ? m.bytes : null));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        tableIs(null);
        resolve(null);
      };
    });
    return { worker, events, answer };
  } catch {
    return null;
  }
}

const helper = startHelper();

async function parquetOf(table: DatasetTable, metadata: Record<string, string>): Promise<Uint8Array> {
  const apart = table.name === 'events' && helper ? await helper.answer : null;
  return apart ?? tableParquet(table, metadata);
}

/** What the page sent, forwarded to the helper only once it has all been sent (no copying while the page is sending). */
const forward: DatasetIn[] = [];

scope.onmessage = async (event) => {
  const m = event.data;
  if (helper) forward.push(m);
  const ws = inbox.take(m);
  if (!ws || m.type !== 'build') return;
  for (const f of forward.splice(0)) helper?.worker.postMessage(f);
  try {
    const result = await buildDataset(ws, m.defs, m.query, m.imports, m.madeAt, parquetOf, helper?.events);
    scope.postMessage(result.ok ? { ok: true, blob: new Blob([result.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), women: result.women, events: result.events } : result);
  } catch (e) {
    scope.postMessage({ ok: false, failed: true, message: `The dataset could not be written: ${e instanceof Error ? e.message : String(e)}` });
  } finally {
    helper?.worker.terminate();
  }
};
