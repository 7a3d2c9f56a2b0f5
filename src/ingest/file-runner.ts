/**
 * File runners backed by helper workers (ingest-file.worker.ts), so that the files of one import
 * are read in parallel while the ingest worker itself stays free to report progress.
 */
import type { FileLike, FileReadOptions, FileRunner, FileTaskResult } from './ingest-session';
import type { ColumnSet } from '../data/columns';

export interface FileTaskIn {
  file: FileLike;
  fileIndex: number;
  read?: FileReadOptions;
}

export type FileTaskOut =
  | { type: 'progress'; fraction: number; rowsDone: number }
  | { type: 'result'; task: FileTaskResult }
  | { type: 'error'; message: string };

/** The buffers of a result's typed-array columns, each once, to transfer instead of copy. */
export function transferablesOf(task: FileTaskResult): ArrayBuffer[] {
  return blockTransferables(task.result.blocks);
}

/** The buffers of these blocks' typed-array columns, each once. */
export function blockTransferables(blocks: readonly ColumnSet[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const block of blocks) {
    for (const column of Object.values(block.columns)) {
      if (column.type !== 'text' && column.values.buffer instanceof ArrayBuffer) buffers.add(column.values.buffer);
    }
  }
  return [...buffers];
}

export interface WorkerFileRunner {
  run: FileRunner;
  terminate(): void;
}

/** A runner that sends each file (or sheet of a workbook) to its own helper worker. */
export function helperWorkerRunner(): WorkerFileRunner {
  const worker = new Worker(new URL('./ingest-file.worker.ts', import.meta.url), { type: 'module' });
  const run: FileRunner = (file, fileIndex, onProgress, read) =>
    new Promise<FileTaskResult>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FileTaskOut>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.fraction, message.rowsDone);
        else if (message.type === 'result') resolve(message.task);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`A file could not be read${event.message ? `: ${event.message}` : '.'}`));
      };
      worker.postMessage({ file, fileIndex, read } satisfies FileTaskIn);
    });
  return { run, terminate: () => worker.terminate() };
}

/** How many helper workers an import uses: two where there are two cores, else none. */
export function helperCount(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return cores >= 2 && typeof Worker !== 'undefined' ? 2 : 0;
}
