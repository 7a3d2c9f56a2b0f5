/**
 * Runs inside Chromium, driven by bench/cohort-bench.ts (issue 4, point 8): our lifelines and
 * vis-timeline 7 (the timeline component most users would reach for) over the same women's
 * events, in the same browser. Each is timed from the call that creates it to the first painted
 * frame after it stops redrawing (first render), and from a pan request (a drag on our canvas;
 * setWindow without animation on vis-timeline) to the painted frame (pan). Both show the
 * calendar, one row (group) per woman, 420 px tall, at the same zoom when panned. vis-timeline
 * gets each woman's incidents, support and milestones (and her referral and closure) as point
 * items, grouped by woman, not stacked. Only this benchmark page loads vis-timeline; its CSS is
 * bundled from node_modules.
 */
import { flushSync, mount, unmount } from 'svelte';
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import '../src/styles.css';
import { buildWorkingSet, rowsOfCase, type WorkingSet } from '../src/data/working-set';
import { UNKNOWN_DAY, type ColumnBlock } from '../src/data/columns';
import { ingestText } from '../src/ingest/ingest-file';
import { DEFAULT_DEFINITIONS } from '../src/model/definitions';
import { shown } from '../src/model/disclosure';
import { cohortWomen, type CohortWoman } from '../src/model/cohort/cohort-women';
import { groupWomen } from '../src/model/cohort/cohort-query';
import CohortLifelines from '../src/views/cohort/CohortLifelines.svelte';

declare global {
  interface Window {
    cohortVisBench: typeof cohortVisBench;
  }
}

const MS_PER_DAY = 86_400_000;
const PANS = 10;
const ZOOM = 4;
const PAN_PX = 100;

const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Waits frame by frame until a frame passes with no new redraw (at most 10 frames); the time of
 * the paint after the last one.
 */
async function settled(redraws: () => number, t0: number): Promise<number> {
  let seen = -1;
  let end = performance.now() - t0;
  for (let i = 0; i < 10; i++) {
    await afterPaint();
    const now = redraws();
    if (now === seen) break;
    seen = now;
    end = performance.now() - t0;
  }
  return end;
}

let ws: WorkingSet | null = null;
let women: CohortWoman[] = [];

const cohortVisBench = {
  async load(): Promise<{ women: number }> {
    const input = document.getElementById('files') as HTMLInputElement;
    const blocks: ColumnBlock[] = [];
    for (const file of Array.from(input.files ?? [])) blocks.push(...ingestText(await file.text(), file.name, { scanner: null, chunkSize: 4 << 20 }).blocks);
    ws = buildWorkingSet(blocks);
    women = cohortWomen(ws, DEFAULT_DEFINITIONS).filter((w) => w.referral !== null);
    return { women: women.length };
  },

  /** Our lifelines of the first `count` women on the calendar: first render, then drag-pans at 4x zoom. */
  async lifelines(count: number): Promise<{ women: number; firstRenderMs: number; panMedianMs: number; panWorstMs: number }> {
    if (!ws) throw new Error('load first');
    const some = women.slice(0, count);
    const target = document.getElementById('lifelines') as HTMLElement;
    const props = {
      ws,
      groups: groupWomen(some, 'none'),
      groupCounts: [shown(some.length)],
      defs: DEFAULT_DEFINITIONS,
      alignment: 'calendar' as const,
      threshold: 0,
    };
    await afterPaint();
    const t0 = performance.now();
    const app = mount(CohortLifelines, { target, props });
    flushSync();
    await afterPaint();
    const firstRenderMs = performance.now() - t0;

    const zoomIn = Array.from(target.querySelectorAll('button')).find((b) => b.textContent === 'Zoom in');
    for (let k = 1; k < ZOOM; k *= 2) {
      zoomIn?.click();
      flushSync();
      await afterPaint();
    }
    const canvas = target.querySelector('canvas');
    if (!canvas) throw new Error('no lifelines canvas');
    const box = canvas.getBoundingClientRect();
    const y = box.top + 200;
    const pans: number[] = [];
    for (let i = 0; i < PANS; i++) {
      const from = box.left + box.width / 2;
      const to = from + (i % 2 ? -PAN_PX : PAN_PX);
      const t = performance.now();
      canvas.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, clientX: from, clientY: y, button: 0, view: window }));
      window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, cancelable: true, clientX: to, clientY: y, view: window }));
      window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, clientX: to, clientY: y, view: window }));
      flushSync();
      await afterPaint();
      pans.push(performance.now() - t);
    }
    unmount(app);
    target.textContent = '';
    return { women: some.length, firstRenderMs, panMedianMs: median(pans), panWorstMs: Math.max(...pans) };
  },

  /** vis-timeline over the same (first `count`) women's events: first render, then pans of the same width at the same zoom. */
  async visTimeline(count: number): Promise<{ items: number; groups: number; dataSetMs: number; firstRenderMs: number; panMedianMs: number; panWorstMs: number }> {
    if (!ws) throw new Error('load first');
    const some = women.slice(0, count);
    const container = document.getElementById('timeline') as HTMLElement;
    const t0 = performance.now();
    const incDay = ws.tables.incidents.days('date');
    const supDay = ws.tables.support.days('date');
    const msDay = ws.tables.milestones.days('date');
    const closure = ws.tables.cases.days('closure_date');
    const caseRow = new Int32Array(ws.caseIds.length).fill(-1);
    const cases = ws.tables.cases;
    for (let r = cases.rowCount - 1; r >= 0; r--) if (cases.caseIx[r] >= 0) caseRow[cases.caseIx[r]] = r;
    const items: DataItem[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    const push = (group: number, day: number, className: string) => {
      if (day === UNKNOWN_DAY) return;
      if (day < lo) lo = day;
      if (day > hi) hi = day;
      items.push({ id: items.length, group, start: day * MS_PER_DAY, type: 'point', className, content: '' });
    };
    for (const w of some) {
      push(w.ix, w.referral as number, 'referral');
      for (const r of rowsOfCase(ws, 'incidents', w.ix)) push(w.ix, incDay[r], 'incident');
      for (const r of rowsOfCase(ws, 'support', w.ix)) push(w.ix, supDay[r], 'support');
      for (const r of rowsOfCase(ws, 'milestones', w.ix)) push(w.ix, msDay[r], 'milestone');
      if (caseRow[w.ix] >= 0) push(w.ix, closure[caseRow[w.ix]], 'closure');
    }
    const groups = new DataSet<DataGroup>(some.map((w) => ({ id: w.ix, content: w.caseId })));
    const itemSet = new DataSet<DataItem>(items);
    const dataSetMs = performance.now() - t0;
    const options: TimelineOptions = {
      height: '420px',
      verticalScroll: true,
      stack: false,
      zoomKey: 'ctrlKey',
      start: lo * MS_PER_DAY,
      end: hi * MS_PER_DAY,
    };
    let redraws = 0;
    console.log(`vis-timeline: ${items.length} items in ${Math.round(dataSetMs)} ms; creating the timeline`);
    const timeline = new Timeline(container, itemSet, groups, options);
    timeline.on('changed', () => redraws++);
    const firstRenderMs = await settled(() => redraws, t0);
    console.log(`vis-timeline: first render ${Math.round(firstRenderMs)} ms`);

    // The same zoom and pan as ours: the middle quarter of the span, moved by 100 px' worth of time.
    const span = ((hi - lo) * MS_PER_DAY) / ZOOM;
    let start = ((lo + hi) / 2) * MS_PER_DAY - span / 2;
    timeline.setWindow(start, start + span, { animation: false });
    await settled(() => redraws, performance.now());
    const step = (span * PAN_PX) / container.clientWidth;
    const pans: number[] = [];
    for (let i = 0; i < PANS; i++) {
      start += i % 2 ? -step : step;
      const t = performance.now();
      timeline.setWindow(start, start + span, { animation: false });
      pans.push(await settled(() => redraws, t));
      console.log(`vis-timeline: pan ${i + 1} ${Math.round(pans[i])} ms`);
    }
    timeline.destroy();
    return { items: items.length, groups: some.length, dataSetMs, firstRenderMs, panMedianMs: median(pans), panWorstMs: Math.max(...pans) };
  },
};

window.cohortVisBench = cohortVisBench;
document.body.dataset.ready = 'true';
