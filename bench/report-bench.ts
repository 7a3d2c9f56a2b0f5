/**
 * The commissioner's report benchmark (issue 14, point 5), called from bench/run.ts
 * (BENCH_ONLY=report): the 50,000-woman cohort spread over 40 areas, the report built with every
 * chart (the report screen drawn, then the offline HTML file serialised) under 3 s. Timed with the
 * charts grouped as the Cohort screen opens (no grouping) and grouped by area (40 groups in every
 * chart), three times each; the first run is cold.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runReportBench(page: Page, baseUrl: string, dir: string, runs: number): Promise<Record<string, number>> {
  await page.goto(new URL('report.html', baseUrl).href);
  await page.waitForSelector('body[data-ready="true"]');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
  await page.setInputFiles('#files', files);
  const loaded = await page.evaluate(() => window.reportBench.load());
  const out: Record<string, number> = { women: loaded.women, areas: loaded.areas };
  for (const [name, query] of [
    ['ungrouped', ''],
    ['byArea', 'group=area'],
  ] as const) {
    const times = [];
    for (let i = 0; i < Math.max(1, runs); i++) times.push(await page.evaluate((q) => window.reportBench.build(q), query));
    Object.assign(out, {
      [`${name}ColdMs`]: Math.round(times[0].totalMs),
      [`${name}MedianMs`]: Math.round(median(times.map((t) => t.totalMs))),
      [`${name}WorstMs`]: Math.round(Math.max(...times.map((t) => t.totalMs))),
      [`${name}DrawMedianMs`]: Math.round(median(times.map((t) => t.drawMs))),
      [`${name}MountMedianMs`]: Math.round(median(times.map((t) => t.mountMs))),
      [`${name}ModelOnlyMedianMs`]: Math.round(median(times.map((t) => t.modelMs))),
      [`${name}HtmlMedianMs`]: Math.round(median(times.map((t) => t.htmlMs))),
      [`${name}HtmlKb`]: times[0].htmlKb,
      [`${name}Charts`]: times[0].charts,
    });
  }
  return out;
}

/** [figure, limit, label]: the report for 50,000 women and 40 areas is built in under 3 s (worst run). */
export const REPORT_TARGETS: readonly (readonly [string, number, string])[] = [
  ['ungroupedWorstMs', 3000, "commissioner's report built, charts ungrouped (50,000 women, 40 areas, worst)"],
  ['byAreaWorstMs', 3000, "commissioner's report built, charts by area (50,000 women, 40 areas, worst)"],
];
