/**
 * A helper of the analysis dataset worker: writes one table's Parquet (the events, the largest
 * file) on the other core while the dataset worker writes the rest.
 */
import { tableParquet } from './dataset-files';
import type { ParquetIn, ParquetOut } from './dataset-messages';

interface HelperScope {
  onmessage: ((event: MessageEvent<ParquetIn>) => void) | null;
  postMessage(message: ParquetOut, transfer?: Transferable[]): void;
}

const scope = self as unknown as HelperScope;

scope.onmessage = (event) => {
  try {
    const bytes = tableParquet(event.data.table, event.data.metadata);
    scope.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    scope.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
