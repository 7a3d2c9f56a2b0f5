/**
 * One import run as the screen sees it: running with progress, waiting on the privacy decision,
 * then done, cancelled or failed. The work itself happens in the ingest worker.
 */
import { startImport, type ImportHandle } from '../../ingest/ingest-client';
import type { DecisionAction, ProgressMessage, FindingsMessage, FilePreview, FileTarget, HeldMessage } from '../../ingest/ingest-messages';
import { ProfileStore } from './profiles.svelte';
import type { ImportSummary } from '../../domain/import-report';
import type { AppData } from '../shared/app-data.svelte';
import { allowWrites } from '../../db/db';
import { StorageStatus } from '../shared/storage-status.svelte';
import { isQuotaError, QUOTA_MESSAGE } from '../../ingest/import-errors';
import type { PendingImport } from '../../db/import-batch';

export type SessionState =
  | { status: 'idle' }
  | { status: 'running'; progress: ProgressMessage | null; fileNames: string[]; startedAt: number }
  | { status: 'findings'; findings: FindingsMessage; fileNames: string[] }
  /** Files that lost lines to an unterminated quote, waiting for the person to confirm. */
  | { status: 'held'; held: HeldMessage; fileNames: string[] }
  /** previews and files: the files not read, and every file of the import, for "Map columns" (never stored). */
  | { status: 'done'; summary: ImportSummary; previews: FilePreview[]; files: File[] }
  | { status: 'cancelled'; reason: string }
  /** files and targets: what to send again on "Retry" (never stored). */
  | { status: 'error'; message: string; files: File[]; targets?: (FileTarget | null)[] };

export class ImportSession {
  state = $state.raw<SessionState>({ status: 'idle' });
  /** The person's choice, shared by the file input and drag-and-drop. */
  allOrNothing = $state(false);
  /** The column mapping profiles; every import is sent the current list. */
  readonly profiles: ProfileStore;
  /** Persistent storage, asked for on the first import and shown on the Data screen. */
  readonly storage: StorageStatus;
  readonly #data: AppData;
  #handle: ImportHandle | null = null;

  constructor(data: AppData) {
    this.#data = data;
    this.profiles = new ProfileStore(data);
    this.storage = new StorageStatus();
  }

  #status(): SessionState['status'] {
    return this.state.status;
  }

  get busy(): boolean {
    return this.state.status === 'running' || this.state.status === 'findings' || this.state.status === 'held';
  }

  async run(files: File[], allOrNothing: boolean, targets?: (FileTarget | null)[]): Promise<void> {
    if (this.busy || files.length === 0) return;
    const fileNames = files.map((f) => f.name);
    this.state = { status: 'running', progress: null, fileNames, startedAt: performance.now() };
    // The first import asks the browser to keep the data (never blocks it: a browser may prompt); not in session only.
    if (!this.#data.sessionOnly) void this.storage.requestIfFirst(this.#data.history.length > 0);
    // Starting again after a deletion: writes are allowed again.
    allowWrites();
    await this.#data.change('importing', () => this.#import(files, allOrNothing, fileNames, targets));
  }

  async #import(files: File[], allOrNothing: boolean, fileNames: string[], targets?: (FileTarget | null)[]): Promise<void> {
    const profiles = await this.profiles.forImport();
    const commit = this.#data.sessionOnly ? this.#commitInMemory : undefined;
    const handle = startImport(files, { allOrNothing, targets, profiles, commit }, {
      progress: (progress) => {
        if (this.state.status === 'running') this.state = { ...this.state, progress };
      },
      findings: (findings) => {
        this.state = { status: 'findings', findings, fileNames };
      },
      held: (held) => {
        this.state = { status: 'held', held, fileNames };
      },
    });
    this.#handle = handle;
    const result = await handle.result;
    this.#handle = null;
    if (result.status === 'done') {
      this.state = { status: 'done', summary: result.summary, previews: result.previews ?? [], files };
      await this.#data.refresh();
    } else if (result.status === 'cancelled') {
      // cancel() or decide() may already have set the state while the import was awaited.
      if (this.#status() !== 'cancelled') {
        this.state = { status: 'cancelled', reason: 'The import was cancelled. Nothing was stored; your data is as it was.' };
      }
    } else {
      const message = isQuotaError(result.message) ? QUOTA_MESSAGE : result.message;
      this.state = { status: 'error', message, files, targets };
    }
    void this.storage.refresh();
  }

  /**
   * Session only: the worker hands the import over and it is stored here, in the tab's in-memory
   * database (a long task on this thread for a big import). Importing is starting again after a
   * deletion, so writes are allowed.
   */
  readonly #commitInMemory = async (pending: PendingImport, onProgress: (done: number, total: number) => void): Promise<ImportSummary> => {
    const { commitImport } = await import('../../db/import-batch');
    allowWrites();
    return commitImport(this.#data.db, pending, { onProgress });
  };

  /** The user's answer to the privacy dialog. */
  decide(action: DecisionAction): void {
    if (!this.#handle || this.state.status !== 'findings') return;
    if (action === 'cancel') {
      this.state = {
        status: 'cancelled',
        reason: 'The import was cancelled after the privacy check. Nothing was stored; your data is as it was.',
      };
      this.#handle.cancel();
      return;
    }
    this.state = { status: 'running', progress: null, fileNames: this.state.fileNames, startedAt: performance.now() };
    this.#handle.decide(action);
  }

  /** The user's answer to the held-files dialog: import what could be read, or store nothing. */
  confirmHeld(proceed: boolean): void {
    if (!this.#handle || this.state.status !== 'held') return;
    if (!proceed) {
      this.state = { status: 'cancelled', reason: 'The import was cancelled. Nothing was stored; your data is as it was.' };
      this.#handle.cancel();
      return;
    }
    this.state = { status: 'running', progress: null, fileNames: this.state.fileNames, startedAt: performance.now() };
    this.#handle.confirm();
  }

  cancel(): void {
    if (!this.#handle) return;
    this.state = { status: 'cancelled', reason: 'The import was cancelled. Nothing was stored; your data is as it was.' };
    this.#handle.cancel();
  }

  dismiss(): void {
    if (!this.busy) this.state = { status: 'idle' };
  }
}
