import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, csvFile } from './fixtures';

/** Headline findings of the sample (sample-data/README.md), by their title on the screen. */
const SAMPLE_FINDINGS: [string, string][] = [
  ['Engagement coded differently by the police and the worker', '33 women'],
  ['Engagement unknown to the police or the worker', '21 women'],
  ['Women with no police records', '5 women'],
  ['Police incidents whose case id is not in the cases file', '0 incidents'],
  ['Women with no risk assessment', '5 women'],
  ['Women with no contacts recorded', '0 women'],
  ['Women with no outcome scores', '89 women'],
  ['Police start date and first contact more than 28 days apart', '3 women'],
  ['Closure before referral', '0 women'],
  ['Service records dated after closure', '6 records'],
  ['Service records more than 12 months before referral', '1 records'],
  ['Risk graded high and standard by different assessors within 14 days', '3 pairs'],
  ['Same incident id twice with different values', '0 rows'],
  ['Same woman, date and incident kind twice', '10 groups'],
  ['Cases rows repeated with different values', '0 rows'],
  ['Fields known for fewer than 75% of women', '22 fields'],
  ['Engaged women with fewer than two outcome scores', '16 women'],
  ['Open cases with no risk assessment for over 6 months', '3 women'],
  ['Open cases with no successful contact for over 6 months', '2 women'],
];

function findingCount(page: Page, title: string) {
  return page
    .getByRole('table', { name: 'Findings', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: title, exact: true }) })
    .getByRole('cell')
    .first();
}

async function openFromReport(page: Page) {
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Check the quality of the stored data' }).click();
  await expect(page).toHaveURL(/#\/quality$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Data quality' })).toBeVisible();
}

test('the sample: engagement agreement, every finding count, threshold, export and the engaged definition', async ({ page, axe }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await openFromReport(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data quality' })).toHaveAttribute('aria-current', 'page');

  const table = page.getByRole('table', { name: 'Engagement agreement' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Engaged');
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['38', '31', '8', '77']);
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['2', '19', '3', '24']);
  await expect(rows.nth(3).getByRole('cell')).toHaveText(['0', '5', '5', '10']);
  await expect(rows.nth(4).getByRole('cell')).toHaveText(['40', '55', '16', '111']);
  await expect(page.getByText(/Both agree for 57 women[^]*disagree for 33,\s+and 21 are unknown/)).toBeVisible();

  await table.getByRole('button', { name: /^38: police engaged, worker engaged/ }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Police engaged, worker engaged: 38 cases' })).toBeVisible();
  await expect(page.locator('#agreement-cases').getByRole('link')).toHaveCount(38);

  for (const [title, count] of SAMPLE_FINDINGS) await expect(findingCount(page, title), title).toHaveText(count);

  // The chart has a text summary and a data table; the threshold is adjustable.
  await expect(page.getByRole('img', { name: /Police start date minus the worker's first-contact date/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Police start against first contact: women per week of difference' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Start dates more than 28 days apart' }).getByRole('row')).toHaveCount(4);
  await page.getByLabel('Show women whose dates differ by more than (days)').fill('0');
  await expect(findingCount(page, 'Police start date and first contact more than 0 days apart')).toHaveText('39 women');
  await expect(page.getByText(/and 39 differ by more than 0\s+days either way/)).toBeVisible();
  await page.getByLabel('Show women whose dates differ by more than (days)').fill('28');

  await expect(page.getByRole('table', { name: 'Risk graded high and standard by different assessors within 14 days' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table', { name: 'Completeness: share of women with a known value, by field and area' })).toBeVisible();
  await expect(page.getByText('“Now” is the latest date in the data, 31 July 2015')).toBeVisible();
  await axe();

  // Printed: no navigation or controls, the tables stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download the data quality log (CSV)' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Engagement agreement' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the data quality log (CSV)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('data-quality-log.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('finding,case id,field,value,why');
  expect(lines.filter((l) => l.startsWith('Risk graded high and standard within 14 days,'))).toHaveLength(3);
  expect(lines.filter((l) => l.startsWith('Service record after closure,'))).toHaveLength(6);
  expect(lines.filter((l) => l.startsWith('Engagement coding disagrees or is unknown,'))).toHaveLength(54);

  // "Only where both agree" is the default; from another definition the button switches back, for every view.
  const button = page.getByRole('button', { name: 'Use “only where both agree” as the engaged definition' });
  await expect(button).toBeDisabled();
  await page.evaluate(() => localStorage.setItem('waymark.definitions', JSON.stringify({ engaged: 'worker' })));
  await page.reload();
  await expect(page.getByText("Engaged definition in force: Engaged by the worker's coding (engaged or sporadic).")).toBeVisible({ timeout: 30_000 });
  await expect(findingCount(page, 'Engaged women with fewer than two outcome scores')).not.toHaveText('16 women');
  await button.click();
  await expect(page.getByText('Engaged definition in force: Engaged only where the worker and the police agree.')).toBeVisible();
  await expect(button).toBeDisabled();
  await expect(findingCount(page, 'Engaged women with fewer than two outcome scores')).toHaveText('16 women');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('waymark.definitions') ?? '{}').engaged)).toBe('both');
});

test('hand-made files: repeated incident id, conflicting cases rows side by side, closure before referral', async ({ page, axe }) => {
  await page.goto('/');
  await page.getByLabel('Import case files').setInputFiles([
    csvFile('cases-a.csv', 'case_id,area,referral_date,closure_date,engagement_modus,engagement_police\nQ-1,City,2014-05-01,2014-04-01,engaged,engaged\nQ-2,City,2014-05-01,,none,engaged\n'),
    csvFile('cases-b.csv', 'case_id,area,referral_date,closure_date,engagement_modus,engagement_police\nQ-2,County North,2014-05-01,,none,engaged\n'),
    csvFile('incidents-a.csv', 'incident_id,case_id,date,kind\nI-1,Q-1,2014-01-01,crime\nI-2,Q-2,2014-01-05,domestic_incident\nI-3,Q-2,2014-01-05,domestic_incident\nI-4,Q-9,2014-01-06,crime\n'),
    csvFile('incidents-b.csv', 'incident_id,case_id,date,kind\nI-1,Q-1,2014-02-01,crime\n'),
  ]);
  await openFromReport(page);
  await expect(findingCount(page, 'Same incident id twice with different values')).toHaveText('1 rows');
  await expect(findingCount(page, 'Cases rows repeated with different values')).toHaveText('1 rows');
  await expect(findingCount(page, 'Closure before referral')).toHaveText('1 women');
  await expect(findingCount(page, 'Same woman, date and incident kind twice')).toHaveText('1 groups');
  await expect(findingCount(page, 'Police incidents whose case id is not in the cases file')).toHaveText('1 incidents');

  const repeated = page.getByRole('table', { name: 'Same incident id twice with different values' });
  await expect(repeated.getByRole('rowheader')).toHaveText('I-1');
  await expect(repeated).toContainText('incidents-b.csv line 2');
  const sideBySide = page.getByRole('table', { name: 'Case Q-2: stored row and cases-b.csv line 2' });
  await expect(sideBySide.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'area' }) }).getByRole('cell')).toHaveText(['City', 'County North']);
  await expect(page.getByRole('table', { name: 'Closure before referral' })).toContainText('Q-1');
  await axe();
});

test('with no data the screen says so', async ({ page, axe }) => {
  await page.goto('/#/quality');
  await expect(page.getByRole('heading', { level: 1, name: 'Data quality' })).toBeVisible();
  await expect(page.getByText('No data is loaded yet.')).toBeVisible();
  await axe();
});
