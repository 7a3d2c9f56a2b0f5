/**
 * The ingest module worker: runs one IngestSession per worker, reading the files in helper
 * workers (both cores) and committing in this worker, so the page never parses or writes. The
 * page cancels by terminating this worker, which ends its helpers too; nothing is written before
 * commitImport's single transaction, which is aborted if the worker dies mid-way. In session only
 * this worker stores nothing: it hands the import to the page (page-commit.ts).
 */
import { openDb } from '../db/db';
import { commitImport } from '../db/import-batch';
import { setVaultKey } from '../db/vault';
import { helperCount, helperWorkerRunner } from './file-runner';
import type { IngestInMessage, IngestOutMessage } from './ingest-messages';
import { IngestSession } from './ingest-session';
import { PageCommit } from './page-commit';

interface WorkerScope {
  onmessage: ((event: MessageEvent<IngestInMessage>) => void) | null;
  postMessage(message: IngestOutMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let session: IngestSession | null = null;
const pageCommit = new PageCommit((m, transfer) => scope.postMessage(m, transfer));

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'start') {
    if (session) return;
    setVaultKey(message.vaultKey ?? 'plain');
    const helpers = Array.from({ length: helperCount() }, () => helperWorkerRunner());
    session = new IngestSession({
      post: (m) => scope.postMessage(m),
      commit: message.commitInPage
        ? (pending) => pageCommit.commit(pending)
        : (pending, dbName, onProgress) => commitImport(openDb(dbName), pending, { onProgress }),
      runners: helpers.length ? helpers.map((h) => h.run) : undefined,
    });
    void session.run(message.files, message.allOrNothing, message.dbName, { targets: message.targets, profiles: message.profiles }).finally(() => {
      for (const helper of helpers) helper.terminate();
    });
  } else if (message.type === 'decision') {
    session?.decide(message.action);
  } else if (message.type === 'confirm') {
    session?.confirm();
  } else if (message.type === 'committed' || message.type === 'commit-failed') {
    pageCommit.answer(message);
  }
};
