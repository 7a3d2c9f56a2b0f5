/**
 * The Compare view's benchmark (issue 13, point 2): with a generated cohort in memory and all its
 * women worked out (as the Cohort screen has them), the Compare view (engaged against not engaged:
 * incidents, rate ratios and their ratio with intervals, the forest plot, risk shares, outcome
 * change with bootstrap intervals, and the caveats panel) renders in under 300 ms at 50,000 women.
 * Times its renders on the Cohort screen (which has worked out every woman's incident counts, latest
 * risk and outcome scores for its own charts), the first included, and changes of groups, with
 * share mode on (as at every visit) and off; and, for the record, its first render alone on a fresh
 * page, where it works all of those out itself. Called from
 * bench/run.ts with a page of the built benchmark site; returns the figures per cohort.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function open(page: Page, baseUrl: string, files: string[], asScreen: boolean): Promise<{ women: number; rows: number }> {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(new URL('compare.html', baseUrl).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#files', files);
  const loaded = await page.evaluate((s) => window.compareBench.load(s), asScreen);
  // The page parsed the CSVs on its own thread (the app reads stored blocks): collect that garbage first.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  return loaded;
}

export async function runCompareBench(page: Page, baseUrl: string, cohortDir: string): Promise<Record<string, number>> {
  const files = readdirSync(cohortDir).filter((f) => f.endsWith('.csv')).map((f) => path.join(cohortDir, f));
  // Alone on a fresh page: every per-woman fact the comparison reads is worked out in this render.
  await open(page, baseUrl, files, false);
  const alone = await page.evaluate(() => window.compareBench.render(true));
  // Inside the Cohort screen, whose first render has worked out the facts of all women.
  const loaded = await open(page, baseUrl, files, true);
  const shared = [];
  for (let i = 0; i < 6; i++) shared.push(await page.evaluate(() => window.compareBench.render(true)));
  const areas = await page.evaluate(() => window.compareBench.areas());
  const changes = await page.evaluate((a) => window.compareBench.changes([a[0], a[1]]), areas);
  // The model alone, for pairs already worked out (engaged against not engaged), without drawing.
  const model = await page.evaluate(() => window.compareBench.model(true, 6));
  const off = [];
  for (let i = 0; i < 5; i++) off.push(await page.evaluate(() => window.compareBench.render(false)));
  const offChanges = await page.evaluate((a) => window.compareBench.changes([a[0], a[1]]), areas);
  return {
    women: loaded.women,
    rows: loaded.rows,
    aloneOnFreshPageFirstRenderMs: Math.round(alone),
    firstRenderMs: Math.round(shared[0]),
    renderMedianMs: Math.round(median(shared)),
    renderWorstMs: Math.round(Math.max(...shared)),
    groupChangeMedianMs: Math.round(median(changes)),
    groupChangeWorstMs: Math.round(Math.max(...changes)),
    // The least of the runs: nearest to the cost on an idle machine (the bench shares its cores).
    renderBestMs: Math.round(Math.min(...shared)),
    groupChangeBestMs: Math.round(Math.min(...changes)),
    modelOnlyMedianMs: Math.round(median(model)),
    shareOffRenderMedianMs: Math.round(median(off)),
    shareOffGroupChangeWorstMs: Math.round(Math.max(...offChanges)),
  };
}

/** The target for a cohort of this size: [figure, limit, label]. */
export function compareTargets(women: number): [string, number, string][] {
  return women >= 50000
    ? [
        ['renderWorstMs', 300, `the Compare view renders on the Cohort screen, first time included (${women} women)`],
        ['groupChangeWorstMs', 300, `the Compare view renders after a change of groups (${women} women)`],
      ]
    : [];
}
