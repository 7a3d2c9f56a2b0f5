/**
 * A helper of the analysis dataset worker, on the other core: receives the same working set
 * (forwarded message by message), derives the events table itself, sends a copy of it back (the
 * dataset worker derives the women's meanwhile) and writes its Parquet (the largest file) while the
 * dataset worker writes the rest.
 */
import { eventsParquet, eventsTable } from './build-dataset';
import { WorkingSetInbox } from './dataset-inbox';
import type { DatasetIn, ParquetOut } from './dataset-messages';

interface HelperScope {
  onmessage: ((event: MessageEvent<DatasetIn>) => void) | null;
  postMessage(message: ParquetOut, transfer?: Transferable[]): void;
}

const scope = self as unknown as HelperScope;
const inbox = new WorkingSetInbox();

scope.onmessage = (event) => {
  try {
    const ws = inbox.take(event.data);
    if (!ws || event.data.type !== 'build') return;
    const { defs, query, madeAt } = event.data;
    const events = eventsTable(ws, defs, query);
    // A copy of the table to the dataset worker, which writes the events' CSV from it meanwhile.
    scope.postMessage({ events });
    const bytes = eventsParquet(ws, defs, query, madeAt, events);
    if (!bytes) throw new Error('there are no events to write');
    scope.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    scope.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
