/**
 * The journey benchmark (issue 3, point 9), called from bench/run.ts with a page of the built
 * benchmark site: a generated woman with 2,000 events must draw in under 100 ms after her data is
 * read, and zoom or pan must redraw within a 60 fps frame (16 ms). Returns every figure; the
 * caller prints them and checks the targets (see JOURNEY_TARGETS).
 */
import type { Page } from '@playwright/test';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (v: number) => Math.round(v * 10) / 10;

export async function runJourneyBench(page: Page, baseUrl: string): Promise<Record<string, number>> {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(new URL('journey.html', baseUrl).href);
  await page.waitForSelector('body[data-ready="true"]');
  const draws = [];
  for (let i = 0; i < RUNS; i++) draws.push(await page.evaluate(() => window.journeyBench.firstDraw()));
  const zoom = await page.evaluate(() => window.journeyBench.zoomFrames(60));
  const pan = await page.evaluate(() => window.journeyBench.panFrames(60));
  const events = await page.evaluate(() => window.journeyBench.events);
  return {
    events,
    svgElements: draws[0].svgElements,
    focusableMarks: draws[0].marks,
    firstDrawColdMs: round(draws[0].ms),
    firstDrawColdDeriveMs: round(draws[0].deriveMs),
    firstDrawColdMountMs: round(draws[0].mountMs),
    firstDrawMedianMs: round(median(draws.map((d) => d.ms))),
    firstDrawWorstMs: round(Math.max(...draws.map((d) => d.ms))),
    deriveMedianMs: round(median(draws.map((d) => d.deriveMs))),
    mountAndLayoutMedianMs: round(median(draws.map((d) => d.mountMs))),
    zoomRedrawMedianMs: round(zoom.work.median),
    zoomRedrawP95Ms: round(zoom.work.p95),
    zoomRedrawWorstMs: round(zoom.work.worst),
    zoomScriptMedianMs: round(zoom.script.median),
    zoomFrameIntervalMedianMs: round(zoom.intervals.median),
    zoomFrameIntervalWorstMs: round(zoom.intervals.worst),
    panRedrawMedianMs: round(pan.work.median),
    panRedrawP95Ms: round(pan.work.p95),
    panRedrawWorstMs: round(pan.work.worst),
    panScriptMedianMs: round(pan.script.median),
    panFrameIntervalMedianMs: round(pan.intervals.median),
    panFrameIntervalWorstMs: round(pan.intervals.worst),
  };
}

/** The targets of issue 3: [figure, limit, label]. */
export const JOURNEY_TARGETS: readonly [string, number, string][] = [
  ['firstDrawMedianMs', 100, 'journey of 2,000 events first drawn under 100 ms after its data is read'],
  ['zoomRedrawWorstMs', 16, 'zoom redraw within a 60 fps frame (worst frame)'],
  ['panRedrawWorstMs', 16, 'pan redraw within a 60 fps frame (worst frame)'],
];
