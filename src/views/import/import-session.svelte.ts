/**
 * One import run as the screen sees it: running with progress, waiting on the privacy decision,
 * then done, cancelled or failed. The work itself happens in the ingest worker.
 */
import { startImport, type ImportHandle } from '../../ingest/ingest-client';
import type { DecisionAction, ProgressMessage, FindingsMessage, FilePreview, FileTarget } from '../../ingest/ingest-messages';
import { ProfileStore } from './profiles.svelte';
import type { ImportSummary } from '../../domain/import-report';
import type { AppData } from '../shared/app-data.svelte';

export type SessionState =
  | { status: 'idle' }
  | { status: 'running'; progress: ProgressMessage | null; fileNames: string[]; startedAt: number }
  | { status: 'findings'; findings: FindingsMessage; fileNames: string[] }
  /** previews and files: the files not read, and every file of the import, for "Map columns" (never stored). */
  | { status: 'done'; summary: ImportSummary; previews: FilePreview[]; files: File[] }
  | { status: 'cancelled'; reason: string }
  | { status: 'error'; message: string };

export class ImportSession {
  state = $state.raw<SessionState>({ status: 'idle' });
  /** The person's choice, shared by the file input and drag-and-drop. */
  allOrNothing = $state(false);
  /** The column mapping profiles; every import is sent the current list. */
  readonly profiles: ProfileStore;
  readonly #data: AppData;
  #handle: ImportHandle | null = null;

  constructor(data: AppData) {
    this.#data = data;
    this.profiles = new ProfileStore(data);
  }

  #status(): SessionState['status'] {
    return this.state.status;
  }

  get busy(): boolean {
    return this.state.status === 'running' || this.state.status === 'findings';
  }

  async run(files: File[], allOrNothing: boolean, targets?: (FileTarget | null)[]): Promise<void> {
    if (this.busy || files.length === 0) return;
    const fileNames = files.map((f) => f.name);
    this.state = { status: 'running', progress: null, fileNames, startedAt: performance.now() };
    const profiles = await this.profiles.forImport();
    const handle = startImport(files, { allOrNothing, targets, profiles }, {
      progress: (progress) => {
        if (this.state.status === 'running') this.state = { ...this.state, progress };
      },
      findings: (findings) => {
        this.state = { status: 'findings', findings, fileNames };
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
      this.state = { status: 'error', message: result.message };
    }
  }

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

  cancel(): void {
    if (!this.#handle) return;
    this.state = { status: 'cancelled', reason: 'The import was cancelled. Nothing was stored; your data is as it was.' };
    this.#handle.cancel();
  }

  dismiss(): void {
    if (!this.busy) this.state = { status: 'idle' };
  }
}
