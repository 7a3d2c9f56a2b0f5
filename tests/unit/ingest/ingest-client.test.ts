import { describe, expect, it, vi } from 'vitest';
import { QUOTA_MESSAGE } from '../../../src/ingest/import-errors';
import type { ImportSummary } from '../../../src/domain/import-report';
import { startImport, type WorkerLike } from '../../../src/ingest/ingest-client';
import type { FindingsMessage, IngestInMessage, IngestOutMessage, ProgressMessage } from '../../../src/ingest/ingest-messages';

class FakeWorker implements WorkerLike {
  received: IngestInMessage[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<IngestOutMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: IngestInMessage): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(message: IngestOutMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<IngestOutMessage>);
  }
}

const summary = { id: 7, rowsImported: 3 } as ImportSummary;
const progress: ProgressMessage = { type: 'progress', phase: 'reading', fileIndex: 0, fileCount: 1, fileName: 'a.csv', bytesDone: 5, bytesTotal: 10, rowsDone: 2 };
const findings: FindingsMessage = { type: 'findings', findings: [], total: 1, columns: [] };

function start(opts = { allOrNothing: true, dbName: 'db-x' }) {
  const worker = new FakeWorker();
  const seen: { progress: ProgressMessage[]; findings: FindingsMessage[] } = { progress: [], findings: [] };
  const files = [new File(['a,b\n'], 'a.csv')];
  const handle = startImport(files, opts, { progress: (p) => seen.progress.push(p), findings: (f) => seen.findings.push(f) }, () => worker);
  return { worker, seen, handle, files };
}

describe('startImport', () => {
  it('starts the worker with the files and options, relays progress and findings, resolves done', async () => {
    const { worker, seen, handle, files } = start();
    expect(worker.received).toEqual([{ type: 'start', files, allOrNothing: true, dbName: 'db-x', vaultKey: null }]);
    worker.send(progress);
    worker.send(findings);
    handle.decide('drop-columns');
    expect(worker.received[1]).toEqual({ type: 'decision', action: 'drop-columns' });
    worker.send({ type: 'done', summary });
    expect(await handle.result).toEqual({ status: 'done', summary });
    expect(seen.progress).toEqual([progress]);
    expect(seen.findings).toEqual([findings]);
    expect(worker.terminated).toBe(true);
  });

  it('cancel terminates the worker at once and resolves cancelled', async () => {
    const { worker, handle } = start();
    worker.send(progress);
    handle.cancel();
    expect(worker.terminated).toBe(true);
    expect(await handle.result).toEqual({ status: 'cancelled' });
    // Late messages are ignored.
    worker.send({ type: 'done', summary });
    expect(await handle.result).toEqual({ status: 'cancelled' });
  });

  it('a cancel decision is passed on and the worker confirms', async () => {
    const { worker, handle } = start();
    worker.send(findings);
    handle.decide('cancel');
    expect(worker.received[1]).toEqual({ type: 'decision', action: 'cancel' });
    worker.send({ type: 'cancelled' });
    expect(await handle.result).toEqual({ status: 'cancelled' });
  });

  it('an error message, a worker crash, or a failure to start resolves as error', async () => {
    const a = start();
    a.worker.send({ type: 'error', message: 'The database is full.' });
    expect(await a.handle.result).toEqual({ status: 'error', message: 'The database is full.' });

    const b = start();
    b.worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(await b.handle.result).toEqual({ status: 'error', message: 'The import stopped unexpectedly: boom' });
    expect(b.worker.terminated).toBe(true);

    const c = startImport([], { allOrNothing: false }, { progress() {}, findings() {} }, () => {
      throw new Error('no workers here');
    });
    expect(await c.result).toEqual({ status: 'error', message: 'The import could not start: no workers here' });
  });

  it('decide after the end does nothing', async () => {
    const { worker, handle } = start();
    worker.send({ type: 'done', summary });
    await handle.result;
    handle.decide('drop-columns');
    expect(worker.received).toHaveLength(1);
  });
});

describe('startImport with column mappings', () => {
  it('sends the targets and profiles, and passes the previews of files not read back', async () => {
    const worker = new FakeWorker();
    const files = [new File(['a,b\n'], 'a.csv')];
    const profiles = [{ name: 'P', header: ['a', 'b'], kind: 'contacts' as const, fields: ['case_id', 'date'], createdAt: 1 }];
    const targets = [{ mapping: { kind: 'contacts' as const, fields: ['case_id', 'date'] } }];
    const handle = startImport(files, { allOrNothing: false, targets, profiles }, { progress: () => {}, findings: () => {} }, () => worker);
    expect(worker.received).toEqual([{ type: 'start', files, allOrNothing: false, dbName: undefined, targets, profiles, vaultKey: null }]);
    const previews = [{ fileIndex: 0, fileName: 'a.csv', header: ['a', 'b'], rows: [['1', '2']] }];
    worker.send({ type: 'done', summary, previews });
    expect(await handle.result).toEqual({ status: 'done', summary, previews });
  });
});

describe('startImport in session only (the page stores the import)', () => {
  function startInPage(commit: NonNullable<Parameters<typeof startImport>[1]['commit']>) {
    const worker = new FakeWorker();
    const seen: ProgressMessage[] = [];
    const files = [new File(['a,b\n'], 'a.csv')];
    const handle = startImport(files, { allOrNothing: false, commit }, { progress: (p) => seen.push(p), findings: () => {} }, () => worker);
    return { worker, seen, handle };
  }
  const pending = { blocks: [], files: [], privacyFindings: [], privacyFindingsOmitted: 0, allOrNothing: false };

  it('asks the worker not to store, stores what it sends here, relays storing progress and answers with the summary', async () => {
    const stored: unknown[] = [];
    const { worker, seen, handle } = startInPage(async (p, onProgress) => {
      stored.push(p);
      onProgress(2, 3);
      return summary;
    });
    expect(worker.received[0]).toMatchObject({ type: 'start', commitInPage: true });
    worker.send(progress);
    worker.send({ type: 'commit', pending });
    await vi.waitFor(() => expect(worker.received).toHaveLength(2));
    expect(stored).toEqual([pending]);
    expect(seen.at(-1)).toEqual({ ...progress, phase: 'storing', rowsDone: 2 });
    expect(worker.received[1]).toEqual({ type: 'committed', summary });
    worker.send({ type: 'done', summary });
    expect(await handle.result).toEqual({ status: 'done', summary });
  });

  it('a failed store is answered in plain words, and cancel while storing is too late', async () => {
    let fail!: (e: unknown) => void;
    const { worker, handle } = startInPage(() => new Promise((_, reject) => (fail = reject)));
    worker.send({ type: 'commit', pending });
    handle.cancel();
    expect(worker.terminated).toBe(false);
    fail(Object.assign(new Error('raw'), { name: 'QuotaExceededError' }));
    await vi.waitFor(() => expect(worker.received).toHaveLength(2));
    expect(worker.received[1]).toEqual({ type: 'commit-failed', message: QUOTA_MESSAGE });
    worker.send({ type: 'error', message: QUOTA_MESSAGE });
    expect(await handle.result).toEqual({ status: 'error', message: QUOTA_MESSAGE });
  });

  it('without a commit function the worker is not asked to hand the import over', () => {
    const { worker } = start();
    expect(worker.received[0]).not.toHaveProperty('commitInPage');
  });
});
