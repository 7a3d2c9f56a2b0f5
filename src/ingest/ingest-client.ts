/**
 * The page's handle on one import: starts the ingest worker, relays progress and privacy
 * findings, and resolves once with the outcome. Cancelling terminates the worker, which aborts
 * any uncommitted write, so the store stays as it was. No Svelte.
 */
import type { ImportSummary } from '../domain/import-report';
import type {
  DecisionAction,
  FindingsMessage,
  HeldMessage,
  IngestInMessage,
  IngestOutMessage,
  FilePreview,
  FileTarget,
  ProgressMessage,
} from './ingest-messages';
import type { MappingProfile } from '../domain/mapping';
import type { PendingImport } from '../db/import-batch';
import { vaultKey } from '../db/vault';
import { importErrorMessage } from './import-errors';

export type ImportResult =
  | { status: 'done'; summary: ImportSummary; previews?: FilePreview[] }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface ImportOptions {
  allOrNothing: boolean;
  /** IndexedDB database name; default: the app's. */
  dbName?: string;
  /** Per file: how to read it (a sheet, a column mapping). */
  targets?: (FileTarget | null)[];
  /** Saved mapping profiles, applied by header row. */
  profiles?: MappingProfile[];
  /**
   * Session only: the worker stores nothing and this stores the import in the page instead
   * (reporting rows done). Once it has begun, cancel() is too late: the import completes.
   */
  commit?: (pending: PendingImport, onProgress: (done: number, total: number) => void) => Promise<ImportSummary>;
}

export interface ImportCallbacks {
  progress(p: ProgressMessage): void;
  /** The privacy guard found something; answer with handle.decide(). */
  findings(f: FindingsMessage): void;
  /** Files lost lines to an unterminated quote; answer with handle.confirm() or handle.cancel(). */
  held?(h: HeldMessage): void;
}

export interface ImportHandle {
  /** Answers a findings message: drop the flagged columns and import, or cancel. */
  decide(action: DecisionAction): void;
  /** Answers a held message: import what could be read. */
  confirm(): void;
  /** Stops at once: terminates the worker; result resolves as cancelled (unless already settled). */
  cancel(): void;
  readonly result: Promise<ImportResult>;
}

/** What startImport needs of a Worker (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: IngestInMessage): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<IngestOutMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export function createIngestWorker(): WorkerLike {
  return new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export function startImport(
  files: File[],
  opts: ImportOptions,
  on: ImportCallbacks,
  createWorker: () => WorkerLike = createIngestWorker,
): ImportHandle {
  let settle!: (r: ImportResult) => void;
  const result = new Promise<ImportResult>((resolve) => (settle = resolve));
  let settled = false;
  let worker: WorkerLike | null = null;
  /** Session only: the page is storing the import (cancel no longer applies). */
  let committing = false;
  let lastProgress: ProgressMessage | null = null;

  const finish = (r: ImportResult): void => {
    if (settled) return;
    settled = true;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      worker = null;
    }
    settle(r);
  };

  try {
    worker = createWorker();
  } catch (e) {
    finish({ status: 'error', message: `The import could not start: ${e instanceof Error ? e.message : String(e)}` });
  }

  if (worker) {
    worker.onmessage = (event) => {
      const m = event.data;
      switch (m.type) {
        case 'progress':
          lastProgress = m;
          on.progress(m);
          break;
        case 'commit':
          void commitHere(m.pending);
          break;
        case 'findings':
          on.findings(m);
          break;
        case 'held':
          on.held?.(m);
          break;
        case 'done':
          finish({ status: 'done', summary: m.summary, ...(m.previews ? { previews: m.previews } : {}) });
          break;
        case 'cancelled':
          finish({ status: 'cancelled' });
          break;
        case 'error':
          finish({ status: 'error', message: m.message });
          break;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish({ status: 'error', message: `The import stopped unexpectedly${event.message ? `: ${event.message}` : '.'}` });
    };
    worker.onmessageerror = () => finish({ status: 'error', message: 'The import worker sent a message that could not be read.' });
    worker.postMessage({
      type: 'start',
      files,
      allOrNothing: opts.allOrNothing,
      dbName: opts.dbName,
      vaultKey: vaultKey(),
      ...(opts.targets ? { targets: opts.targets } : {}),
      ...(opts.profiles?.length ? { profiles: opts.profiles } : {}),
      ...(opts.commit ? { commitInPage: true } : {}),
    });
  }

  /** Session only: stores the import the worker sent, then tells the worker how it went. */
  async function commitHere(pending: PendingImport): Promise<void> {
    if (!opts.commit || committing || settled) return;
    committing = true;
    const onProgress = (done: number) => {
      if (lastProgress && !settled) on.progress({ ...lastProgress, phase: 'storing', rowsDone: done });
    };
    let answer: IngestInMessage;
    try {
      answer = { type: 'committed', summary: await opts.commit(pending, onProgress) };
    } catch (e) {
      answer = { type: 'commit-failed', message: importErrorMessage(e) };
    }
    committing = false;
    if (worker) worker.postMessage(answer);
  }

  return {
    decide(action) {
      if (!settled && worker) worker.postMessage({ type: 'decision', action });
    },
    confirm() {
      if (!settled && worker) worker.postMessage({ type: 'confirm' });
    },
    cancel() {
      if (!committing) finish({ status: 'cancelled' });
    },
    result,
  };
}
