import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import type { Page } from '@playwright/test';
import { test, expect, loadSample } from './fixtures';

type Row = Record<string, string>;

async function openCohort(page: Page): Promise<void> {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort');
}

/** A Parquet file's rows as CSV text would write them (ISO dates, 1/0, '' for unknown). */
async function parquetAsCsv(bytes: Uint8Array): Promise<Row[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const text = (v: unknown): string =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return (await parquetReadObjects({ file })).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, text(v)])));
}

test('share mode refuses the record-level export, and says why', async ({ page, axe }) => {
  await openCohort(page);
  const section = page.getByRole('region', { name: 'Analysis dataset' });
  await expect(page.getByLabel('Share mode (suppress small numbers)')).toBeChecked();
  await expect(section).toContainText('Record-level data: available only with share mode off, for the evaluation team.');
  let downloads = 0;
  page.on('download', () => downloads++);
  await section.getByRole('button', { name: 'Download analysis dataset' }).click();
  await expect(section.getByRole('status')).toHaveText(/^Not exported: share mode is on\. The analysis dataset has one row per woman, and hiding small counts cannot protect records\./);
  await page.waitForTimeout(300);
  expect(downloads).toBe(0);
  await axe();
});

test('the analysis dataset downloads by keyboard, unzips, its Parquet and CSV agree, and women.csv gives the figures on screen', async ({ page, axe }) => {
  await openCohort(page);
  await page.getByLabel('Share mode (suppress small numbers)').uncheck();
  const section = page.getByRole('region', { name: 'Analysis dataset' });
  const button = section.getByRole('button', { name: 'Download analysis dataset' });
  await button.focus();
  const waiting = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await waiting;
  expect(download.suggestedFilename()).toMatch(/^waymark-analysis-dataset-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(section.getByRole('status')).toHaveText(/^Saved waymark-analysis-dataset-[\d-]+\.zip: 111 women and [\d,]+ events\.$/);
  await axe();

  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'dictionary.csv', 'events.csv', 'events.parquet', 'load.R', 'load.do', 'load.sps', 'women.csv', 'women.parquet']);
  const csv = (name: string) => Papa.parse<Row>(strFromU8(files[name]), { header: true, skipEmptyLines: true }).data;
  const women = csv('women.csv');
  const events = csv('events.csv');
  expect(women).toHaveLength(111);
  expect(await parquetAsCsv(files['women.parquet'])).toEqual(women);
  expect(await parquetAsCsv(files['events.parquet'])).toEqual(events);
  expect(strFromU8(files['README.txt'])).toContain('Engaged: only where the worker and the police agree.');

  // The Cohort summary's "All areas" row and City's, from women.csv.
  const sum = (rows: Row[], col: string) => rows.reduce((a, r) => a + (r[col] === '' ? 0 : Number(r[col])), 0);
  const fmt = (n: number) => n.toLocaleString('en-GB');
  const row = (rows: Row[]) => [
    fmt(rows.length),
    fmt(rows.filter((r) => r.engaged === 'engaged').length),
    fmt(rows.filter((r) => r.complex_needs === '1').length),
    fmt(sum(rows, 'incidents_total')),
    fmt(sum(rows, 'domestic_incidents_total')),
    fmt(sum(rows, 'crimes_total')),
  ];
  const summary = page.getByRole('table', { name: 'Cohort summary' });
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell')).toHaveText(row(women));
  await expect(summary.getByRole('row', { name: /^City/ }).getByRole('cell')).toHaveText(row(women.filter((w) => w.area === 'City')));

  // Domestic incidents per woman per 30 days after referral, all women.
  const followed = women.filter((w) => w.follow_up_days_after !== '');
  const after = ((30 * sum(followed, 'domestic_incidents_after')) / sum(followed, 'follow_up_days_after')).toFixed(2);
  const rates = page.getByRole('table', { name: 'Police incidents per woman per 30 days, by group (data table)' });
  const heads = await rates.locator('thead th').allTextContents();
  const col = heads.findIndex((h) => h.trim() === 'Domestic incidents after');
  expect(col).toBeGreaterThan(0);
  const cells = await rates.locator('tbody tr').first().locator('th, td').allTextContents();
  expect(cells[col].trim().startsWith(after), `${cells[col]} starts with ${after}`).toBe(true);
});

test('an export with no women matching the filters says so and saves nothing', async ({ page }) => {
  await openCohort(page);
  await page.getByLabel('Share mode (suppress small numbers)').uncheck();
  await page.getByLabel('Referred from').fill('2030-01-01');
  await page.getByLabel('Referred from').dispatchEvent('change');
  await expect(page).toHaveURL(/from=2030-01-01/);
  let downloads = 0;
  page.on('download', () => downloads++);
  const section = page.getByRole('region', { name: 'Analysis dataset' });
  await section.getByRole('button', { name: 'Download analysis dataset' }).click();
  await expect(section.getByRole('status')).toHaveText('There is nothing to export: no women match the filters. Clear or widen them first.');
  expect(downloads).toBe(0);
});
