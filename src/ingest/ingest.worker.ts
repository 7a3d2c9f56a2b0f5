/**
 * The ingest module worker: runs one IngestSession per worker and commits in this worker, so the
 * page never parses or writes. The page cancels by terminating the worker; nothing is written
 * before commitImport's single transaction, which is aborted if the worker dies mid-way.
 */
import { openDb } from '../db/db';
import { commitImport } from '../db/import-batch';
import type { IngestInMessage, IngestOutMessage } from './ingest-messages';
import { IngestSession } from './ingest-session';

interface WorkerScope {
  onmessage: ((event: MessageEvent<IngestInMessage>) => void) | null;
  postMessage(message: IngestOutMessage): void;
}

const scope = self as unknown as WorkerScope;
let session: IngestSession | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'start') {
    if (session) return;
    session = new IngestSession({
      post: (m) => scope.postMessage(m),
      commit: (pending, dbName) => commitImport(openDb(dbName), pending),
    });
    void session.run(message.files, message.allOrNothing, message.dbName);
  } else if (message.type === 'decision') {
    session?.decide(message.action);
  }
};
