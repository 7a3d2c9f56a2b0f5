/**
 * Runs inside Chromium, driven by bench/run.ts: times the PapaParse floor, the full import, the
 * read-back of everything after a reload, and reading one woman, and watches the main thread.
 */
import { startImport } from '../src/ingest/ingest-client';
import { openDb } from '../src/db/db';
import { deleteAllData } from '../src/db/delete-all';
import { loadWorkingSet, recordsOf, summaryOf, type WorkingSet } from '../src/db/working-set';

declare global {
  interface Window {
    bench: typeof bench;
  }
}

function chosenFiles(): File[] {
  const input = document.getElementById('files') as HTMLInputElement;
  return Array.from(input.files ?? []);
}

let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

let workingSet: WorkingSet | null = null;

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
  },

  async fullImport(): Promise<{
    ms: number;
    rowsImported: number;
    rowsQuarantined: number;
    longestTaskMs: number;
    longTasks: number;
    maxProgressGapMs: number;
    progressUpdates: number;
  }> {
    const files = chosenFiles();
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
      rowsImported: result.summary.rowsImported,
      rowsQuarantined: result.summary.rowsQuarantined,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
      maxProgressGapMs: maxGap,
      progressUpdates: stamps.length - 2,
    };
  },

  async readBack(): Promise<{ ms: number; women: number; events: number }> {
    const started = performance.now();
    workingSet = await loadWorkingSet(openDb());
    const ms = performance.now() - started;
    const summary = summaryOf(workingSet);
    return { ms, women: summary.women, events: summary.events };
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
