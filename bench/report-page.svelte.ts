/**
 * Runs inside Chromium, driven by bench/report-bench.ts: reads a generated cohort's CSV files
 * into the in-memory working set with its women spread over 40 areas (cases.csv's area column
 * rewritten; parsed on this thread, not timed), then times the commissioner's report: the real
 * report screen mounted with every chart chosen until it is drawn, and the offline HTML file
 * serialised from it, as "Download report (HTML)" does.
 */
import { flushSync, mount, unmount } from 'svelte';
import '../src/styles.css';
import { buildWorkingSet } from '../src/data/working-set';
import type { ColumnBlock } from '../src/data/columns';
import { ingestText } from '../src/ingest/ingest-file';
import { AppData } from '../src/views/shared/app-data.svelte';
import { DefinitionsState } from '../src/views/shared/definitions.svelte';
import { ShareMode } from '../src/views/shared/share-mode.svelte';
import { appStateContext } from '../src/views/shared/context';
import ReportScreen from '../src/views/report/ReportScreen.svelte';
import { reportHtml } from '../src/views/report/report-html';
import { ALL_REPORT_CHARTS, buildReport } from '../src/model/report/report';
import { parseCohortQuery } from '../src/model/cohort/cohort-query';

declare global {
  interface Window {
    reportBench: typeof reportBench;
  }
}

const AREAS = 40;
const target = document.getElementById('report') as HTMLElement;
let app: ReturnType<typeof mount> | null = null;
const appData = new AppData();
const definitions = new DefinitionsState(() => false);
const context = appStateContext({ data: appData, definitions, shareMode: new ShareMode() });
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Each woman's area rewritten to one of 40 ("Area 01" to "Area 40"), by her line. */
function spreadOverAreas(text: string): string {
  const lines = text.split('\n');
  if (!/^case_id,area,/.test(lines[0])) throw new Error('cases.csv: expected case_id,area first');
  for (let i = 1; i < lines.length; i++)
    if (lines[i]) lines[i] = lines[i].replace(/^([^,]*),[^,]*,/, (_, id: string) => `${id},Area ${String((i % AREAS) + 1).padStart(2, '0')},`);
  return lines.join('\n');
}

const reportBench = {
  async load(): Promise<{ women: number; areas: number }> {
    const input = document.getElementById('files') as HTMLInputElement;
    const blocks: ColumnBlock[] = [];
    for (const file of Array.from(input.files ?? [])) {
      const text = await file.text();
      blocks.push(...ingestText(file.name === 'cases.csv' ? spreadOverAreas(text) : text, file.name, { scanner: null, chunkSize: 4 << 20 }).blocks);
    }
    const ws = buildWorkingSet(blocks);
    appData.workingSet = ws;
    appData.loading = false;
    const area = ws.tables.cases.text('area');
    const areas = new Set<string>();
    for (let i = 0; i < ws.tables.cases.rowCount; i++) areas.add(area(i) ?? '');
    return { women: ws.casesWithRow, areas: areas.size };
  },

  /** The report with every chart, for the Cohort screen's query: built (drawn) and saved as HTML. */
  async build(query: string): Promise<{ drawMs: number; mountMs: number; htmlMs: number; totalMs: number; modelMs: number; htmlKb: number; charts: number }> {
    if (app) unmount(app);
    app = null;
    target.textContent = '';
    await afterPaint();
    const t0 = performance.now();
    app = mount(ReportScreen, { target, props: { query }, context });
    flushSync();
    const mounted = performance.now();
    await afterPaint();
    const t1 = performance.now();
    const html = reportHtml(target.querySelector<HTMLElement>('article.report-document')!, "Commissioner's report");
    const t2 = performance.now();
    // The model alone, after the drawing (so the drawing above was not warmed by it).
    buildReport({ ws: appData.workingSet, defs: definitions.current, history: [], query: parseCohortQuery(query), threshold: 9, charts: ALL_REPORT_CHARTS, trends: true, areaComparison: true });
    const modelMs = performance.now() - t2;
    return {
      drawMs: t1 - t0,
      mountMs: mounted - t0,
      htmlMs: t2 - t1,
      totalMs: t2 - t0,
      modelMs,
      htmlKb: Math.round(html.length / 1024),
      charts: target.querySelectorAll('article svg[role="img"]').length,
    };
  },
};

window.reportBench = reportBench;
document.body.dataset.ready = 'true';
