/**
 * Runs inside Chromium, driven by bench/cohort-bench.ts: reads a generated cohort's CSV files into
 * the in-memory working set (parsed on this thread; not timed), then mounts the real Cohort screen
 * and times its first full render (every table, chart and the first lifelines frame), a filter
 * change, a grouping change and a definition change (each until the next frame is painted), and
 * lifeline scroll and zoom frames.
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
import CohortScreen from '../src/views/cohort/CohortScreen.svelte';
import { cohortWomen, type CohortWoman } from '../src/model/cohort/cohort-women';
import { parseCohortQuery } from '../src/model/cohort/cohort-query';
import { cohortView } from '../src/model/cohort/differencing';
import { cohortSummary } from '../src/model/cohort/cohort-summary';
import { dataEndDay } from '../src/model/cohort/incident-rates';
import { cohortTrends } from '../src/model/cohort/trends';
import { areaProfile } from '../src/model/cohort/area-profile';

declare global {
  interface Window {
    cohortBench: typeof cohortBench;
  }
}

const target = document.getElementById('cohort') as HTMLElement;
let app: ReturnType<typeof mount> | null = null;
const props = $state({ query: '' });
const appData = new AppData();
const definitions = new DefinitionsState();
const shareMode = new ShareMode();
const context = appStateContext({ data: appData, definitions, shareMode });

const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function stats(values: number[]): { median: number; worst: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    worst: sorted[sorted.length - 1],
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
  };
}

async function timed(step: () => void): Promise<number> {
  const t0 = performance.now();
  step();
  flushSync();
  await afterPaint();
  return performance.now() - t0;
}

const cohortBench = {
  async load(): Promise<{ women: number; rows: number; ms: number }> {
    const t0 = performance.now();
    const input = document.getElementById('files') as HTMLInputElement;
    const blocks: ColumnBlock[] = [];
    for (const file of Array.from(input.files ?? [])) blocks.push(...ingestText(await file.text(), file.name, { scanner: null, chunkSize: 4 << 20 }).blocks);
    const ws = buildWorkingSet(blocks);
    appData.workingSet = ws;
    appData.loading = false;
    return { women: ws.casesWithRow, rows: blocks.reduce((n, b) => n + b.rowCount, 0), ms: performance.now() - t0 };
  },

  async firstRender(): Promise<{ ms: number; lifelineRows: number }> {
    if (app) unmount(app);
    app = null;
    target.textContent = '';
    definitions.reset();
    props.query = '';
    await afterPaint();
    const ms = await timed(() => {
      app = mount(CohortScreen, { target, props, context });
    });
    const drawn = target.querySelector('#lifeline-readout') ? target.querySelectorAll('canvas').length : 0;
    return { ms, lifelineRows: drawn };
  },

  async filterChange(): Promise<number[]> {
    const out: number[] = [];
    for (const query of ['complex=yes', 'engagement=engaged', 'area=City', 'risk=high', '']) out.push(await timed(() => (props.query = query)));
    return out;
  },

  /**
   * Issue 14: share mode with coarsening on (threshold 9, counts rounded to 5, small areas allowed
   * to merge), grouped by area so that every chart coarsens and compares its cells with the
   * unfiltered view: a filter change until every chart is painted again.
   */
  async shareCoarseningFilterChange(): Promise<number[]> {
    shareMode.on = true;
    shareMode.setThreshold(9);
    shareMode.rounding = true;
    shareMode.mergeSmallAreas = true;
    await timed(() => (props.query = 'group=area'));
    const out: number[] = [];
    for (const query of ['complex=yes&group=area', 'engagement=engaged&group=area', 'area=City&group=area', 'group=area&risk=high', 'from=2015-01-01&group=area', 'group=area'])
      out.push(await timed(() => (props.query = query)));
    shareMode.rounding = false;
    shareMode.mergeSmallAreas = false;
    await timed(() => (props.query = ''));
    return out;
  },

  async groupingChange(): Promise<number[]> {
    const out: number[] = [];
    for (const query of ['group=area', 'group=complex', 'group=area_complex', 'group=engagement', '']) out.push(await timed(() => (props.query = query)));
    return out;
  },

  async definitionChange(): Promise<number[]> {
    const out: number[] = [];
    for (const engaged of ['worker', 'police', 'both'] as const) out.push(await timed(() => definitions.set({ engaged })));
    out.push(await timed(() => definitions.set({ complexNeeds: 'rule_only' })));
    out.push(await timed(() => definitions.set({ complexNeeds: 'column_or_rule' })));
    return out;
  },

  /**
   * The Trends and area-comparison sections' own computation (issue 14) per filter change, in
   * share mode: over the cohort's areas, or with its women spread over `areas` areas (a regional
   * load). Each filter's view and summary are worked out first, untimed, as the screen does.
   */
  sectionCompute(areas = 0): { trendsMs: number[]; profileMs: number[] } {
    const ws = appData.workingSet;
    const rule = { threshold: 9 };
    let all: CohortWoman[] = cohortWomen(ws, definitions.current);
    if (areas > 0) all = all.map((w) => ({ ...w, area: `Area ${String((w.ix % areas) + 1).padStart(2, '0')}` }));
    const end = dataEndDay(ws);
    const trendsMs: number[] = [];
    const profileMs: number[] = [];
    for (const query of ['complex=yes', 'engagement=engaged', `area=${all[0]?.area ?? ''}`, 'risk=high', '']) {
      const view = cohortView(all, parseCohortQuery(query), rule);
      const summary = cohortSummary(view.shownWomen, rule);
      let t0 = performance.now();
      cohortTrends(ws, view.shownWomen, end, rule, summary);
      trendsMs.push(performance.now() - t0);
      t0 = performance.now();
      areaProfile(ws, view.shownWomen, end, rule, summary);
      profileMs.push(performance.now() - t0);
    }
    return { trendsMs, profileMs };
  },

  /** Scrolls the lifelines one step per frame; times each frame's work (scroll handler + draw). */
  async scrollFrames(frames: number): Promise<{ work: ReturnType<typeof stats>; intervals: ReturnType<typeof stats> }> {
    const scroller = target.querySelector<HTMLElement>('.lifelines');
    if (!scroller) throw new Error('no lifelines');
    const work: number[] = [];
    const intervals: number[] = [];
    let last = performance.now();
    for (let i = 0; i < frames; i++) {
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          const t0 = performance.now();
          scroller.scrollTop += 120;
          scroller.dispatchEvent(new Event('scroll'));
          flushSync();
          resolve();
          intervals.push(t0 - last);
          last = t0;
        }),
      );
      await afterPaint();
      const readout = target.querySelector('[data-testid="lifeline-draw-ms"]')?.textContent ?? '';
      work.push(Number(/([\d.]+) ms/.exec(readout)?.[1] ?? NaN));
    }
    return { work: stats(work), intervals: stats(intervals) };
  },

  async zoomFrames(steps: number): Promise<{ work: ReturnType<typeof stats> }> {
    const zoomIn = Array.from(target.querySelectorAll('button')).find((b) => b.textContent === 'Zoom in');
    const zoomOut = Array.from(target.querySelectorAll('button')).find((b) => b.textContent === 'Zoom out');
    if (!zoomIn || !zoomOut) throw new Error('no zoom buttons');
    const work: number[] = [];
    for (let i = 0; i < steps; i++) {
      (i % 8 < 4 ? zoomIn : zoomOut).click();
      flushSync();
      await afterPaint();
      const readout = target.querySelector('[data-testid="lifeline-draw-ms"]')?.textContent ?? '';
      work.push(Number(/([\d.]+) ms/.exec(readout)?.[1] ?? NaN));
    }
    return { work: stats(work) };
  },
};

window.cohortBench = cohortBench;
document.body.dataset.ready = 'true';
