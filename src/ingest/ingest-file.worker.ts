/**
 * A helper of the ingest worker: reads, validates and scans the files it is given, one at a
 * time, and sends back their column blocks (typed arrays transferred, not copied). The ingest
 * worker runs two of these so a multi-file import uses both cores.
 */
import type { FileTaskResult } from './ingest-session';
import { runFileHere } from './ingest-session';
import type { FileTaskIn, FileTaskOut } from './file-runner';
import { transferablesOf } from './file-runner';
import { WorkbookCache } from './ingest-workbook';

interface HelperScope {
  onmessage: ((event: MessageEvent<FileTaskIn>) => void) | null;
  postMessage(message: FileTaskOut, transfer?: Transferable[]): void;
}

const scope = self as unknown as HelperScope;
const PROGRESS_INTERVAL_MS = 50;
/** The workbook last read, kept so that the next sheet of it is read without opening it again. */
const books = new WorkbookCache();

scope.onmessage = async (event) => {
  const { file, fileIndex, read } = event.data;
  let last = -Infinity;
  try {
    const task: FileTaskResult = await runFileHere(file, fileIndex, { ...read }, (fraction, rowsDone) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      scope.postMessage({ type: 'progress', fraction, rowsDone });
    }, books);
    scope.postMessage({ type: 'result', task }, transferablesOf(task));
  } catch (e) {
    // Our own errors carry no cell values; never pass on anything else.
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : 'A file could not be read.' });
  }
};
