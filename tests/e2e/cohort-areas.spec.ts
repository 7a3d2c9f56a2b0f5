/**
 * Issue 14, points 3 and 4: the Trends section on the sample in share mode, and each area
 * against the whole for 40 generated areas (funnel plot with its control limits and data table),
 * with one area only and axe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, csvFile } from './fixtures';

async function openCohort(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort', { timeout: 30_000 });
}

const rowCells = (page: Page, caption: string, row: string | RegExp) =>
  page.getByRole('table', { name: caption, exact: true }).getByRole('row', { name: row }).getByRole('cell');

test('trends per quarter on the sample in share mode, with intervals; one area only has nothing to compare', async ({ page, axe }) => {
  await loadSample(page);
  await openCohort(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Trends', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Women referred, cases open and cases closed per quarter' })).toBeVisible();

  // The data tables by area and quarter open by keyboard.
  await page.getByText('Data tables: women referred, cases open and cases closed', { exact: false }).focus();
  await page.keyboard.press('Enter');
  // All 111 women, by quarter of referral: the first and last quarters have 1 to 9 and show as [c].
  await expect(rowCells(page, 'Women referred, by area and quarter', /^All areas/)).toHaveText(['[c]', '15', '21', '19', '16', '19', '12', '[c]', '111']);
  // The area totals are the cohort summary's.
  await expect(rowCells(page, 'Women referred, by area and quarter', /^City/).last()).toHaveText('40');
  const open = rowCells(page, 'Cases open at the end of each quarter, by area', /^All areas/);
  await expect(open).toHaveCount(8);
  await expect(open.nth(7)).toHaveText('43');
  await expect(page.getByRole('table', { name: 'Cases closed, by reason and quarter' })).toBeVisible();

  // Estimates with 95% intervals where at least 10 women were referred; none with a count of 1 to 9.
  const rates = page.getByRole('table', { name: 'Incidents per woman per 30 days after referral, by quarter of referral (data table)' });
  await expect(rates.getByRole('row', { name: /^Jan–Mar 2014/ }).getByRole('cell')).toHaveText(['15', /^\d\.\d\d$/, /^\d\.\d\d to \d\.\d\d$/]);
  await expect(rates.getByRole('row', { name: /^Oct–Dec 2013/ }).getByRole('cell')).toHaveText(['[c]', '[c]', '[c]']);
  // The share engaged coarsens into half-years in share mode (by quarter 1 of 8 showed), and says so.
  const engaged = page.getByRole('table', { name: 'Share of women engaged, by half-year of referral (data table)' });
  await expect(engaged.getByRole('row')).toHaveCount(6);
  await expect(engaged.getByRole('row', { name: /^Jan–Jun 2014/ }).getByRole('cell')).toHaveText(['36', '47.2%', /^\d+\.\d% to \d+\.\d%$/]);
  await expect(page.locator('#trend-engaged-summary')).toContainText('Coarsened for share mode: quarters of referral grouped into half-years');
  for (const text of await page.getByRole('table', { name: /quarter/ }).locator('td').allTextContents()) expect(text).not.toMatch(/^[1-9]$/);
  await expect(page.getByText(/Bars show 95% intervals: exact Poisson limits/).first()).toBeAttached();
  await expect(page.locator('#trend-incidents-summary')).toContainText('Police incidents per woman per 30 days after referral');

  // Each area against the whole: the three areas beside all areas.
  await expect(page.getByRole('heading', { level: 2, name: 'Each area against the whole' })).toBeVisible();
  const profile = page.getByRole('table', { name: 'Each area against all areas: headline indicators with 95% intervals' });
  // Two header rows (indicators, then value and comparison), all areas and the three areas.
  await expect(profile.getByRole('row')).toHaveCount(6);
  await expect(profile.getByRole('row', { name: /^City/ }).getByRole('cell').first()).toHaveText('40');
  await axe();

  // One area only: it is the whole, so there is no comparison to make.
  await page.getByRole('checkbox', { name: 'County North' }).uncheck();
  await page.getByRole('checkbox', { name: 'County South' }).uncheck();
  await expect(page.getByText('Only one area (City) is in this view: it is the whole, so there is no comparison to make.', { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Each area against all areas: headline indicators with 95% intervals' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Funnel plot/ })).toHaveCount(0);
});

/** The sample generator's benchmark cohort (`--cohort`), its women spread over 40 areas of very different sizes (weights 1 to 40). */
function fortyAreas(women: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-40-areas-'));
  const files: Record<string, string> = {};
  try {
    execFileSync('npx', ['tsx', 'sample-data/generate.ts', '--cohort', String(women), '--out', dir], { stdio: 'pipe' });
    // The area comparison reads cases and police incidents only: the other files are left out to keep the import short.
    for (const name of readdirSync(dir).filter((f) => f === 'cases.csv' || f === 'incidents.csv')) files[name] = readFileSync(path.join(dir, name), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cumulative: number[] = [];
  for (let i = 0, s = 0; i < 40; i++) cumulative.push((s += i + 1));
  const total = cumulative[39];
  const lines = files['cases.csv'].split('\n');
  const header = lines[0].split(',');
  const at = header.indexOf('area');
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = lines[i].split(',');
    const u = ((i * 2654435761) % 4294967296) / 4294967296;
    const a = cumulative.findIndex((c) => u * total < c);
    cells[at] = `District ${String(a + 1).padStart(2, '0')}`;
    lines[i] = cells.join(',');
  }
  files['cases.csv'] = lines.join('\n');
  return Object.entries(files).map(([name, text]) => csvFile(name, text));
}

test('the funnel plot for 40 generated areas has its control limits and a data table, and hides small areas in share mode', async ({ page, axe }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByLabel('Import case files').setInputFiles(fortyAreas(2000));
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 60_000 });
  await openCohort(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Each area against the whole' })).toBeVisible({ timeout: 30_000 });

  const profile = page.getByRole('table', { name: 'Each area against all areas: headline indicators with 95% intervals' });
  await expect(profile.getByRole('row')).toHaveCount(43);
  await expect(profile.getByRole('row', { name: /^District 40/ }).getByRole('cell').nth(2)).toHaveText(/^(Higher|Similar|Lower)$/);
  // District 01 has a handful of women: in share mode its values are hidden and not compared.
  await expect(profile.getByRole('row', { name: /^District 01/ }).getByRole('cell')).toHaveText(['[c]', '[c]', 'Not compared', '[c]', 'Not compared', '[c]', 'Not compared', '[c]', 'Not compared']);

  const funnel = page.getByRole('region', { name: 'Funnel plot: women engaged', exact: true });
  await expect(funnel.getByRole('img')).toBeVisible();
  // The chart draws the centre line and both pairs of control limits (dashed 95%, dotted 99.8%).
  await expect(funnel.locator('svg path[stroke-dasharray="6 4"]')).toHaveCount(2);
  await expect(funnel.locator('svg path[stroke-dasharray="2 3"]')).toHaveCount(2);
  await expect(funnel.locator('svg')).toContainText(/All areas: \d+\.\d%/);
  await expect(funnel.locator('svg')).toContainText('99.8% limits (dotted)');
  const points = await funnel.locator('svg circle').count();
  expect(points).toBeGreaterThan(20);
  expect(points).toBeLessThan(40);
  await expect(page.locator('#funnel-engaged-summary')).toContainText(`${points} of 40 areas drawn around`);

  await funnel.getByText('Data table: funnel plot: women engaged by area', { exact: false }).click();
  const table = page.getByRole('table', { name: 'Funnel plot: women engaged by area (data table)' });
  await expect(table.getByRole('row')).toHaveCount(42);
  const big = table.getByRole('row', { name: /^District 40/ }).getByRole('cell');
  await expect(big.nth(3)).toHaveText(/^\d+\.\d% to \d+\.\d%$/);
  await expect(big.nth(4)).toHaveText(/^\d+\.\d% to \d+\.\d%$/);
  await expect(big.nth(5)).toHaveText(/^(Within the 95% limits|(Above|Below) the (95|99\.8)% limit)$/);
  await expect(table.getByRole('row', { name: /^District 01/ }).getByRole('cell')).toHaveText(['[c]', '[c]', '[c]', '[c]', '[c]', 'Not shown']);
  // Control limits are wider for a smaller area.
  const widthOf = async (row: RegExp) => {
    const [lo, hi] = ((await table.getByRole('row', { name: row }).getByRole('cell').nth(3).textContent()) ?? '').split(' to ').map(parseFloat);
    return hi - lo;
  };
  expect(await widthOf(/^District 20/)).toBeGreaterThan(await widthOf(/^District 40/));

  // The rate indicator's funnel, chosen by keyboard.
  await page.getByLabel('Funnel plot of').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { name: 'Funnel plot: police incidents per woman per 30 days after referral' })).toBeVisible();
  const rateFunnel = page.getByRole('region', { name: 'Funnel plot: police incidents per woman per 30 days after referral', exact: true });
  await rateFunnel.getByText('Data table:', { exact: false }).click();
  await expect(page.getByRole('table', { name: 'Funnel plot: police incidents per woman per 30 days after referral by area (data table)' }).getByRole('row')).toHaveCount(42);
  await axe();
});
