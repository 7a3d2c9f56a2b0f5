/**
 * Runs inside Chromium, driven by bench/run.ts: times the PapaParse floor, the full import, the
 * read-back of everything after a reload, and reading one woman, and watches the main thread.
 */
import { startImport } from '../src/ingest/ingest-client';
import { allowWrites, openDb, readBlocks, type BlockRecord } from '../src/db/db';
import { setVaultKey } from '../src/db/vault';
import { encryptStore, unlockStore } from '../src/db/vault-store';
import { acceptChanges, undoImport } from '../src/db/extract-changes';
import { digestStore } from '../src/db/store-digest';
import { deleteAllData } from '../src/db/delete-all';
import { loadWorkingSet } from '../src/db/load-working-set';
import { recordsOf, summaryOf, type WorkingSet } from '../src/data/working-set';

declare global {
  interface Window {
    bench: typeof bench;
  }
}

function chosenFiles(inputId = 'files'): File[] {
  const input = document.getElementById(inputId) as HTMLInputElement;
  return Array.from(input.files ?? []);
}

let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

let workingSet: WorkingSet | null = null;

/** What the stored block records hold, in MB, and how many there are. */
function storedMegabytes(records: readonly BlockRecord[]): Record<string, number> {
  return { records: records.length, mb: Math.round(records.reduce((n, r) => n + r.data.byteLength, 0) / 1024 / 1024) };
}

/** Times an action in the page, with the longest main-thread task while it ran. */
async function timed(action: () => Promise<unknown>): Promise<{ ms: number; longestTaskMs: number }> {
  longTasks = [];
  const started = performance.now();
  await action();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 100));
  return { ms, longestTaskMs: Math.max(0, ...longTasks) };
}

const bench = {
  async parseOnly(): Promise<{ rows: number; ms: number }> {
    const worker = new Worker(new URL('./parse-only.worker.ts', import.meta.url), { type: 'module' });
    const result = await new Promise<{ rows: number; ms: number }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ files: chosenFiles() });
    });
    worker.terminate();
    return result;
  },

  async clear(): Promise<void> {
    workingSet = null;
    await deleteAllData();
    allowWrites();
    setVaultKey('plain');
  },

  /** Sets a passphrase on the (empty) store, as "Encrypt with this passphrase" does. */
  async encrypt(passphrase: string): Promise<void> {
    await encryptStore(openDb(), passphrase);
  },

  /** After a reload of an encrypted store: unlocks it and reads everything back, timed together. */
  async unlockAndReadBack(passphrase: string): Promise<{ ms: number; deriveKeyMs: number; women: number; events: number }> {
    setVaultKey('locked');
    const started = performance.now();
    await unlockStore(openDb(), passphrase);
    const deriveKeyMs = performance.now() - started;
    workingSet = await loadWorkingSet(openDb());
    const ms = performance.now() - started;
    const summary = summaryOf(workingSet);
    return { ms, deriveKeyMs, women: summary.women, events: summary.events };
  },

  /** Imports the files of an input (`files`, or `extract` for a second extract) through to its report. */
  async fullImport(inputId = 'files'): Promise<{
    ms: number;
    importId: number;
    rowsImported: number;
    rowsAlreadyPresent: number;
    rowsChanged: number;
    cellsChanged: number;
    cellsListed: number;
    rowsQuarantined: number;
    longestTaskMs: number;
    longTasks: number;
    maxProgressGapMs: number;
    progressUpdates: number;
  }> {
    const files = chosenFiles(inputId);
    longTasks = [];
    const stamps: number[] = [];
    const started = performance.now();
    stamps.push(started);
    const handle = startImport(files, { allOrNothing: false }, {
      progress: () => stamps.push(performance.now()),
      findings: () => handle.decide('cancel'),
    });
    const result = await handle.result;
    const ended = performance.now();
    stamps.push(ended);
    if (result.status !== 'done') throw new Error(`import ended as ${result.status}`);
    // Let the long-task observer deliver the last entries.
    await new Promise((r) => setTimeout(r, 100));
    let maxGap = 0;
    for (let i = 1; i < stamps.length; i += 1) maxGap = Math.max(maxGap, stamps[i] - stamps[i - 1]);
    return {
      ms: ended - started,
      importId: result.summary.id,
      rowsImported: result.summary.rowsImported,
      rowsAlreadyPresent: result.summary.rowsAlreadyPresent,
      rowsChanged: result.summary.changes.reduce((n, c) => n + c.rows, 0),
      cellsChanged: result.summary.changes.reduce((n, c) => n + c.cells, 0),
      cellsListed: result.summary.changes.reduce((n, c) => n + c.listed.length, 0),
      rowsQuarantined: result.summary.rowsQuarantined,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
      maxProgressGapMs: maxGap,
      progressUpdates: stamps.length - 2,
    };
  },

  /** Accepts every change of an import, as "Accept all changes" does (in the page). */
  async acceptAll(importId: number): Promise<{ ms: number; longestTaskMs: number }> {
    return timed(() => acceptChanges(openDb(), importId, 'all'));
  },

  /** Undoes an import, as "Undo this import" does (in the page). */
  async undo(importId: number): Promise<{ ms: number; longestTaskMs: number }> {
    return timed(() => undoImport(openDb(), importId));
  },

  digest(): Promise<string> {
    return digestStore(openDb());
  },

  /** Reads everything back (timed), then IndexedDB's share of it alone: reading the blocks and nothing else. */
  async readBack(): Promise<{ ms: number; idbOnlyMs: number; decodeMs: number; women: number; events: number; storedMb: Record<string, number> }> {
    const started = performance.now();
    workingSet = await loadWorkingSet(openDb());
    const ms = performance.now() - started;
    const idbStarted = performance.now();
    const blocks = await openDb().blocks.toArray();
    const idbOnlyMs = performance.now() - idbStarted;
    const decodeStarted = performance.now();
    await readBlocks(blocks);
    const decodeMs = performance.now() - decodeStarted;
    const summary = summaryOf(workingSet);
    return { ms, idbOnlyMs, decodeMs, women: summary.women, events: summary.events, storedMb: storedMegabytes(blocks) };
  },

  readWomen(count: number): { medianMs: number; maxMs: number; records: number } {
    if (!workingSet) throw new Error('read back first');
    const ids = workingSet.caseIds;
    const times: number[] = [];
    let records = 0;
    for (let i = 0; i < count; i += 1) {
      const id = ids[Math.floor((i * 7919) % ids.length)];
      const t0 = performance.now();
      const woman = recordsOf(workingSet, id);
      times.push(performance.now() - t0);
      for (const rows of Object.values(woman)) if (Array.isArray(rows)) records += rows.length;
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1], records };
  },
};

window.bench = bench;
document.body.dataset.ready = 'true';
