/**
 * The cohort benchmark (issue 4, point 8), called from bench/run.ts with a page of the built
 * benchmark site and the generated cohorts' folders: the Cohort screen's first full render under
 * 1 s for 10,000 women and 3 s for 50,000; a filter, grouping or definition change updating
 * every chart under 200 ms for 10,000 women; lifelines scrolling and zooming within a 60 fps
 * frame. Returns one record of figures per cohort; the caller prints them and checks the targets.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const round = (v: number) => Math.round(v * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runCohortBench(page: Page, baseUrl: string, cohortDirs: readonly string[]): Promise<Record<string, number>[]> {
  const out: Record<string, number>[] = [];
  for (const dir of cohortDirs) {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(new URL('cohort.html', baseUrl).href);
    await page.waitForSelector('body[data-ready="true"]');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
    await page.setInputFiles('#files', files);
    const loaded = await page.evaluate(() => window.cohortBench.load());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const renders = [];
    for (let i = 0; i < 3; i++) renders.push(await page.evaluate(() => window.cohortBench.firstRender()));
    const filters = await page.evaluate(() => window.cohortBench.filterChange());
    const grouping = await page.evaluate(() => window.cohortBench.groupingChange());
    const defs = await page.evaluate(() => window.cohortBench.definitionChange());
    const scroll = await page.evaluate(() => window.cohortBench.scrollFrames(60));
    const zoom = await page.evaluate(() => window.cohortBench.zoomFrames(16));
    out.push({
      women: loaded.women,
      rows: loaded.rows,
      firstRenderColdMs: Math.round(renders[0].ms),
      firstRenderMedianMs: Math.round(median(renders.map((r) => r.ms))),
      filterChangeMedianMs: Math.round(median(filters)),
      filterChangeWorstMs: Math.round(Math.max(...filters)),
      groupingChangeMedianMs: Math.round(median(grouping)),
      groupingChangeWorstMs: Math.round(Math.max(...grouping)),
      definitionChangeMedianMs: Math.round(median(defs)),
      definitionChangeWorstMs: Math.round(Math.max(...defs)),
      lifelineScrollDrawMedianMs: round(scroll.work.median),
      lifelineScrollDrawWorstMs: round(scroll.work.worst),
      lifelineZoomDrawMedianMs: round(zoom.work.median),
      lifelineZoomDrawWorstMs: round(zoom.work.worst),
    });
  }
  return out;
}

/** The targets of issue 4 for a cohort of this size: [figure, limit, label]. */
export function cohortTargets(women: number): [string, number, string][] {
  const t: [string, number, string][] = [['firstRenderMedianMs', women > 20000 ? 3000 : 1000, `cohort screen first full render (${women} women)`]];
  if (women <= 20000) {
    t.push(['filterChangeWorstMs', 200, 'a filter change updates every chart (worst)']);
    t.push(['groupingChangeWorstMs', 200, 'a grouping change updates every chart (worst)']);
    t.push(['definitionChangeWorstMs', 200, 'a definition change updates every chart (worst)']);
  }
  t.push(['lifelineScrollDrawWorstMs', 16, 'lifelines scroll within a 60 fps frame (draw, worst)']);
  t.push(['lifelineZoomDrawWorstMs', 16, 'lifelines zoom within a 60 fps frame (draw, worst)']);
  return t;
}
