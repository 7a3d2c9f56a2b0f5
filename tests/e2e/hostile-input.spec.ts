/**
 * Files written to break the import (issue 12's hostile-input probe), as a person would meet them:
 * an unterminated quote, a header of thousands of columns, emoji and non-Latin values, lookalike
 * ids, a 2 MB area, bare numbers in a date column, a full store.
 */
import { test, expect, csvFile } from './fixtures';
import type { Page } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
});

const reportOf = (page: Page) => page.getByRole('table', { name: 'Import report' });

/** A contacts file of 1,000 lines whose fifth line opens a quote that is never closed. */
const OPEN_QUOTE = [
  'case_id,date,mode',
  'Q-1,2014-01-01,phone',
  'Q-2,2014-01-02,phone',
  'Q-3,2014-01-03,phone',
  'Q-4,2014-01-04,"phone',
  ...Array.from({ length: 995 }, (_, i) => `Q-${i + 5},2014-01-05,letter`),
].join('\n');

test('an unterminated quote holds the file until confirmed, and the lost lines count in the headline', async ({ page, axe }) => {
  expect(OPEN_QUOTE.split('\n')).toHaveLength(1000);
  await page.getByLabel('Import case files').setInputFiles([csvFile('open-quote.csv', OPEN_QUOTE)]);
  const dialog = page.getByRole('dialog', { name: 'Lines lost to an unterminated quote' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const held = dialog.getByRole('table', { name: 'Files held before storing' });
  const row = held.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'open-quote.csv' }) });
  await expect(row).toContainText('an unterminated quote from line 5 swallowed lines 5–1000 (996 lines)');
  await expect(row.getByRole('cell').nth(1)).toHaveText('3');
  await expect(row.getByRole('cell').nth(2)).toHaveText('996');
  await axe();

  // Nothing is stored while it is held; Escape cancels and stores nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The import was cancelled. Nothing was stored; your data is as it was.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();

  await page.getByLabel('Import case files').setInputFiles([csvFile('open-quote.csv', OPEN_QUOTE)]);
  await page
    .getByRole('dialog', { name: 'Lines lost to an unterminated quote' })
    .getByRole('button', { name: 'Import the rows that could be read' })
    .click();
  await expect(reportOf(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Imported 3 rows from 1 file; 996 rows quarantined.')).toBeVisible();
  const quarantine = page.getByRole('table', { name: 'Quarantined rows in open-quote.csv' });
  await expect(quarantine.getByRole('row').filter({ hasText: 'swallowed lines 5–1000' })).toContainText('5');
  await expect(page.getByText('0 women and 3 events loaded.')).toBeVisible();
});

test('a header row of 100,000 columns is refused at once, saying the limit', async ({ page }) => {
  const header = 'case_id,date' + ',x'.repeat(100_000);
  await page.getByLabel('Import case files').setInputFiles([csvFile('wide.csv', `${header}\nW-1,2014-01-01\n`)]);
  await expect(reportOf(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Quarantined rows in wide.csv' })).toContainText(
    'wide.csv has a header row of at least 501 columns: Waymark reads header rows of at most 500 columns and 65,536 characters (64 KB).',
  );
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
});

test('emoji and non-Latin values import; lookalike ids, oversized cells and impossible serials are quarantined, with why', async ({ page, axe }) => {
  const cases = [
    'case_id,area,referral_date',
    '🦋,北区,2014-03-17',
    'MRP-0001,Кент,2014-03-18',
    'MRP-0001\u200B,City,2014-03-18',
    'AB\u202Egnp.exe,City,2014-03-18',
    `MRP-0002,${'A'.repeat(2_000_000)},2014-03-18`,
    'MRP-0003,City,2014',
    'MRP-0004,City,2014-03-17 - 2014-03-20',
  ].join('\n');
  await page.getByLabel('Import case files').setInputFiles([csvFile('hostile-cases.csv', cases)]);
  await expect(reportOf(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Imported 2 rows from 1 file; 5 rows quarantined.')).toBeVisible();
  const quarantine = page.getByRole('table', { name: 'Quarantined rows in hostile-cases.csv' });
  const line = (n: number) => quarantine.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(line(4)).toContainText('MRP-0001<U+200B>');
  await expect(line(4)).toContainText('invisible or direction-changing character');
  await expect(line(5)).toContainText('AB<U+202E>gnp.exe');
  await expect(line(6)).toContainText('2,000,000 characters, longer than the 200 this column allows');
  await expect(line(6).getByRole('cell').nth(2)).toHaveText('A'.repeat(40) + '…');
  await expect(line(7)).toContainText('2014 is not a plausible date');
  await expect(line(8)).toContainText('not a date');
  // Never a bare "required value missing" beside a value that is there.
  await expect(quarantine).not.toContainText('required value missing');
  await expect(page.getByText('2 women and 0 events loaded.')).toBeVisible();
  await axe();
});

test('the identifying-column table counts the cells a column flagged by its name holds', async ({ page }) => {
  const cases = ['case_id,area,referral_date,Name', 'N-1,City,2014-03-17,Jane', 'N-2,City,2014-03-18,Mary', 'N-3,City,2014-03-19,'].join('\n');
  await page.getByLabel('Import case files').setInputFiles([csvFile('named.csv', cases)]);
  const dialog = page.getByRole('dialog', { name: 'Possible identifying data' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const row = dialog.getByRole('table', { name: 'Flagged columns' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Name' }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
});

test('a full store says so in plain words and stores nothing', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 1024 });
  await page.getByRole('button', { name: 'Load sample data' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'run out of storage space' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert.locator('p')).toHaveText(
    'The browser has run out of storage space for Waymark: nothing from this import was stored. Free some space (or delete old imports) and try again.',
  );
  expect(await page.locator('body').innerText()).not.toContain('QuotaExceededError');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.reload();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
});
