import { test, expect, csvFile, loadSample, waitForStoredCounts } from './fixtures';

const CASES = ['case_id,area,referral_date', 'PR-1,City,2014-06-01', 'PR-2,County North,2014-07-01', ''].join('\n');
// Another agency's police export: its join column is "Person Ref" and its date "Incident Date".
const INCIDENTS = [
  'Incident ID,Person Ref,Incident Date,Kind,Offence',
  'X-1,PR-1,03/02/2014,crime,common_assault',
  'X-2,PR-1,10/03/2014,domestic_incident,',
  'X-3,PR-1,12/08/2014,crime,harassment',
  'X-4,PR-2,01/05/2014,domestic_incident,',
  '',
].join('\n');

test('an incidents file whose join column is Person Ref imports without any mapping', async ({ page, axe }) => {
  await page.goto('/');
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases.csv', CASES), csvFile('police-export.csv', INCIDENTS)]);
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  const row = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'police-export.csv' }) });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Police incidents');
  await expect(row.getByRole('cell').nth(1)).toHaveText('4');
  await expect(row.getByRole('cell').nth(2)).toHaveText('0');
  await waitForStoredCounts(page, 2, 4);
  await axe();

  await page.getByRole('link', { name: 'Journeys', exact: true }).click();
  const women = page.getByRole('table', { name: 'Loaded women' });
  const incidentsOf = (caseId: string) =>
    women.getByRole('row').filter({ has: page.getByRole('rowheader', { name: caseId }) }).getByRole('cell').last();
  await expect(incidentsOf('PR-1')).toHaveText('3');
  await expect(incidentsOf('PR-2')).toHaveText('1');
});

test("the new case columns show in her profile and filter the cohort", async ({ page, axe }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByLabel('Search by case id or display name').fill('Sue');
  await page.getByRole('table', { name: 'Loaded women' }).getByRole('link').first().press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey: Sue');
  const profile = page.getByRole('region', { name: 'Profile' });
  const value = (term: string) => profile.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd');
  // Sue had several perpetrators, so the main one is not recorded; she started work, so employment was an issue.
  await expect(value('Main perpetrator at referral')).toHaveText('Not recorded');
  await expect(value('Perpetrator under MAPPA')).toHaveText('No');
  await expect(value('Needs')).toContainText('Employment');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  await page.getByLabel('Main perpetrator').selectOption('ex_partner');
  await expect(page).toHaveURL(/#\/cohort\?perpetrator=ex_partner$/);
  const summary = page.getByRole('table', { name: 'Cohort summary' });
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell').first()).toHaveText('52');
  await page.getByLabel('Main perpetrator').selectOption('all');
  await page.getByLabel('Perpetrator under MAPPA').selectOption('no');
  await expect(page).toHaveURL(/#\/cohort\?mappa=no$/);
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell').first()).toHaveText('36');
  await axe();
});
