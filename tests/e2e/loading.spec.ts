import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Half of the 567 kB (minified) single chunk that every screen used to need before its first paint. */
const FIRST_SCREEN_BUDGET = 283_500;

/**
 * Records the URL and byte size of every script (not worker) the page fetches. A body arrives
 * after its response event, so `settled()` waits for every body read so far before sizes are summed.
 */
function recordScripts(page: Page): { scripts: Map<string, number>; settled: () => Promise<unknown> } {
  const scripts = new Map<string, number>();
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    reading.push(
      response
        .body()
        .then((body) => void scripts.set(new URL(response.url()).pathname, body.length))
        .catch(() => undefined),
    );
  });
  return { scripts, settled: () => Promise.all(reading) };
}

const total = (scripts: Map<string, number>) => [...scripts.values()].reduce((a, b) => a + b, 0);
const cohortLoaded = (scripts: Map<string, number>) => [...scripts.keys()].some((p) => /CohortScreen/.test(p));

test('the Data screen needs at most half the old bundle; other screens load when first opened', async ({ page, axe }) => {
  const { scripts, settled } = recordScripts(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await settled();
  const first = total(scripts);
  expect(first, `scripts of the first screen: ${[...scripts.keys()].join(', ')}`).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
  expect(cohortLoaded(scripts)).toBe(false);

  // By keyboard: the Cohort link opens a screen whose code arrives only now.
  await page.getByRole('link', { name: 'Cohort', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
  await expect.poll(async () => (await settled(), cohortLoaded(scripts))).toBe(true);
  await axe();

  // Every other screen opens from the menu and shows its heading.
  for (const [link, heading] of [
    ['Journeys', 'Journeys'],
    ['Section 4 figures', 'Section 4 figures'],
    ['Data quality', 'Data quality'],
    ['Case studies', 'Case studies'],
    ['Help', 'Help'],
    ['Data', 'Your data'],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});
