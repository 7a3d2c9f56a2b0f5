/**
 * Session only, the worker's side: the worker cannot reach the page's in-memory database, so
 * instead of committing it sends the import to the page (typed arrays transferred, not copied)
 * and waits for the page's answer. Works with any post function, so it runs in node tests too.
 */
import type { PendingImport } from '../db/import-batch';
import type { ImportSummary } from '../domain/import-report';
import { blockTransferables } from './file-runner';
import type { CommittedMessage, IngestOutMessage } from './ingest-messages';

export class PageCommit {
  #waiting: { resolve(summary: ImportSummary): void; reject(e: Error): void } | null = null;

  constructor(private readonly post: (message: IngestOutMessage, transfer: Transferable[]) => void) {}

  /** Sends the import to the page; resolves with the page's summary, rejects with its message. */
  commit(pending: PendingImport): Promise<ImportSummary> {
    if (this.#waiting) return Promise.reject(new Error('An import is already being stored.'));
    return new Promise<ImportSummary>((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.post({ type: 'commit', pending }, blockTransferables(pending.blocks.map((p) => p.block)));
    });
  }

  /** The page's answer; ignored when nothing waits for one. */
  answer(message: CommittedMessage): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (!waiting) return;
    if (message.type === 'committed') waiting.resolve(message.summary);
    else waiting.reject(new Error(message.message));
  }
}
