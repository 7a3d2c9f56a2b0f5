/**
 * Runs inside Chromium, driven by bench/dataset-bench.ts: reads a generated cohort's CSV files into
 * an in-memory working set (parsed on this thread; not what is timed), then times the analysis
 * dataset as the Cohort screen writes it (writeAnalysisDataset: the working set sent to the module
 * worker kind by kind, every file written there, the ZIP back), with the longest main-thread task
 * meanwhile.
 */
import { buildWorkingSet, type WorkingSet } from '../src/data/working-set';
import type { ColumnBlock } from '../src/data/columns';
import { ingestText } from '../src/ingest/ingest-file';
import { DEFAULT_DEFINITIONS } from '../src/model/definitions';
import { DEFAULT_QUERY } from '../src/model/cohort/cohort-query';
import { writeAnalysisDataset } from '../src/views/cohort/dataset/dataset-client';

declare global {
  interface Window {
    datasetBench: typeof datasetBench;
  }
}

let ws: WorkingSet | null = null;
let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

const datasetBench = {
  async load(): Promise<{ women: number; rows: number; ms: number }> {
    const t0 = performance.now();
    const input = document.getElementById('files') as HTMLInputElement;
    const blocks: ColumnBlock[] = [];
    for (const file of Array.from(input.files ?? [])) blocks.push(...ingestText(await file.text(), file.name, { scanner: null, chunkSize: 4 << 20 }).blocks);
    ws = buildWorkingSet(blocks);
    return { women: ws.casesWithRow, rows: blocks.reduce((n, b) => n + b.rowCount, 0), ms: performance.now() - t0 };
  },

  async run(): Promise<{ ms: number; longestTaskMs: number; longTasks: number; idleLongTasks: number; women: number; events: number; zipMb: number }> {
    if (!ws) throw new Error('load the cohort first');
    // Let the tasks of loading end, then count long tasks over 2 s of doing nothing (the page's own, e.g. garbage collection under load).
    await new Promise((r) => setTimeout(r, 200));
    longTasks = [];
    await new Promise((r) => setTimeout(r, 2000));
    const idleLongTasks = longTasks.length;
    longTasks = [];
    const t0 = performance.now();
    const result = await writeAnalysisDataset(ws, DEFAULT_DEFINITIONS, DEFAULT_QUERY, []);
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    if (!result.ok) throw new Error(result.message);
    return { ms, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length, idleLongTasks, women: result.women, events: result.events, zipMb: result.blob.size / 1024 / 1024 };
  },
};

window.datasetBench = datasetBench;
document.body.dataset.ready = 'true';
