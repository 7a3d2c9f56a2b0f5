import * as XLSX from '@e965/xlsx';
import { test, expect, waitForStoredCounts } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook of three sheets: cases, police incidents (join column "Person Ref") and notes. */
function workbook(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['case_id', 'area', 'referral_date'],
      ['WB-0001', 'North', '2014-03-17'],
      ['WB-0002', 'South', '2015-01-02'],
    ]),
    'Cases',
  );
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['incident_id', 'Person Ref', 'date', 'kind'],
      ['INC-1', 'WB-0001', 41715, 'crime'],
      ['INC-2', 'WB-0001', 41716, 'non_crime'],
      ['INC-3', 'WB-0002', 42100, 'crime'],
    ]),
    'Police',
  );
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Quarter', 'Referrals'], ['Q1', 12]]), 'Notes');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

function reportRow(page: Page, fileName: string): Locator {
  return page
    .getByRole('table', { name: 'Import report' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: fileName, exact: true }) });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
});

test('a workbook imports each sheet of a known kind, and lists the other sheet as skipped', async ({ page, axe }) => {
  await expect(page.getByLabel('Import case files')).toHaveAttribute('accept', /\.xlsx/);
  await page.getByLabel('Import case files').setInputFiles({ name: 'agency.xlsx', mimeType: XLSX_TYPE, buffer: workbook() });
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });

  const cases = reportRow(page, 'agency.xlsx › Cases');
  await expect(cases.getByRole('cell').nth(0)).toHaveText('Cases');
  await expect(cases.getByRole('cell').nth(1)).toHaveText('2');
  const police = reportRow(page, 'agency.xlsx › Police');
  await expect(police.getByRole('cell').nth(0)).toHaveText('Police incidents');
  await expect(police.getByRole('cell').nth(1)).toHaveText('3');
  const notes = reportRow(page, 'agency.xlsx › Notes');
  await expect(notes.getByRole('cell').nth(0)).toHaveText('Skipped');
  await expect(notes).toContainText('Skipped: its header row matches no kind of file.');
  await expect(notes.getByRole('button', { name: 'Map columns of agency.xlsx › Notes' })).toBeVisible();
  await waitForStoredCounts(page, 2, 3);
  await axe();
});

test('an old .xls and a damaged .xlsx get a clear answer and store nothing', async ({ page, axe }) => {
  const xls = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
  const damaged = workbook().subarray(0, 300);
  await page.getByLabel('Import case files').setInputFiles([
    { name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: xls },
    { name: 'broken.xlsx', mimeType: XLSX_TYPE, buffer: damaged },
  ]);
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await expect(reportRow(page, 'old.xls')).toContainText('old Excel 97-2003 format (.xls)');
  await expect(reportRow(page, 'old.xls')).toContainText('"Excel Workbook (.xlsx)" or as "CSV UTF-8"');
  await expect(reportRow(page, 'broken.xlsx')).toContainText('broken.xlsx could not be read as an Excel workbook');
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
  await axe();
});

test('the privacy guard scans every cell of a workbook, as for CSV, before anything is stored', async ({ page }) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['case_id', 'area', 'referral_date', 'Postcode', 'notes'],
      ['PW-1', 'City', new Date(2014, 2, 17), 'NG1 5FS', 'call 07700 900123'],
      ['PW-2', 'City', new Date(2014, 2, 18), 'NG7 2RD', 'seen by Mrs Jane Smith'],
    ]),
    'Cases',
  );
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: true }) as Buffer);
  await page.getByLabel('Import case files').setInputFiles({ name: 'pii.xlsx', mimeType: XLSX_TYPE, buffer });
  const dialog = page.getByRole('dialog', { name: 'Possible identifying data' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const columns = dialog.getByRole('table', { name: 'Flagged columns' });
  await expect(columns.getByRole('rowheader', { name: 'Postcode' })).toBeVisible();
  await expect(columns.getByRole('rowheader', { name: 'notes' })).toBeVisible();
  for (const raw of ['NG1 5FS', '07700', 'Jane']) expect(await page.content()).not.toContain(raw);

  await dialog.getByRole('button', { name: 'Drop these columns and import' }).click();
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(reportRow(page, 'pii.xlsx › Cases')).toContainText('Dropped by the privacy guard: Postcode, notes');
  await waitForStoredCounts(page, 2, 0);
  expect(await page.content()).not.toContain('NG1 5FS');
});

test('a workbook dropped on the page is imported sheet by sheet', async ({ page }) => {
  const base64 = workbook().toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  }, base64);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await expect(reportRow(page, 'dropped.xlsx › Cases').getByRole('cell').nth(1)).toHaveText('2');
  await expect(reportRow(page, 'dropped.xlsx › Police').getByRole('cell').nth(1)).toHaveText('3');
  await waitForStoredCounts(page, 2, 3);
});
