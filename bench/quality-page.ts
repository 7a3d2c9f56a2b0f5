/**
 * Runs inside Chromium, driven by bench/quality-bench.ts: reads a generated cohort's CSV files
 * into an in-memory working set (parsed on this thread; not what is timed), then times the data
 * quality screen's pure computation: every finding and the headline list; and, apart, the log rows
 * the export builds on request.
 */
import { buildWorkingSet, type WorkingSet } from '../src/data/working-set';
import type { ColumnBlock } from '../src/data/columns';
import { ingestText } from '../src/ingest/ingest-file';
import { headlines, qualityLog, qualityReport } from '../src/model/quality/quality-report';

declare global {
  interface Window {
    qualityBench: typeof qualityBench;
  }
}

let ws: WorkingSet | null = null;

const qualityBench = {
  async load(): Promise<{ women: number; rows: number; ms: number }> {
    const t0 = performance.now();
    const input = document.getElementById('files') as HTMLInputElement;
    const blocks: ColumnBlock[] = [];
    for (const file of Array.from(input.files ?? [])) {
      const result = ingestText(await file.text(), file.name, { scanner: null, chunkSize: 4 << 20 });
      blocks.push(...result.blocks);
    }
    ws = buildWorkingSet(blocks);
    const rows = blocks.reduce((n, b) => n + b.rowCount, 0);
    return { women: ws.casesWithRow, rows, ms: performance.now() - t0 };
  },

  /** The screen's computation (report + headlines); the log is built only when exported. */
  run(): { ms: number; reportMs: number; logMs: number; findings: number; logRows: number } {
    if (!ws) throw new Error('load the cohort first');
    const t0 = performance.now();
    const report = qualityReport(ws, [], { engaged: 'both' });
    const t1 = performance.now();
    const heads = headlines(report, 28);
    const ms = performance.now() - t0;
    const t2 = performance.now();
    const log = qualityLog(report, 28);
    const logMs = performance.now() - t2;
    return { ms, reportMs: t1 - t0, logMs, findings: heads.reduce((n, h) => n + h.count, 0), logRows: log.length };
  },
};

window.qualityBench = qualityBench;
document.body.dataset.ready = 'true';
