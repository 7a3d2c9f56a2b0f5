import type { Download, Page } from '@playwright/test';
import { test, expect, loadSample, readDownload } from './fixtures';
import { DEFAULT_DEFINITIONS } from '../../src/model/definitions';
import { cohortWomen } from '../../src/model/cohort/cohort-women';
import { sampleWorkingSet } from '../unit/model/section4-sample';

const VIEW = 'from=2014-01-01&group=area';

test('share mode withholds a group that differs from the unfiltered view by a few women, everywhere, and hides her journey', async ({ page, axe }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort');
  await page.getByLabel('Group by').selectOption('area');
  const groups = page.getByRole('table', { name: /^Women per group/ });
  const groupCell = (label: string | RegExp) => groups.getByRole('row', { name: label }).getByRole('cell');
  // Unfiltered: City 40, County North 34, County South 37, no notice.
  await expect(groupCell(/^County North/)).toHaveText('34');
  await expect(page.getByRole('note')).toHaveCount(0);

  // Referred from 1 January 2014 leaves out 3 women, all of County North (34 - 31 = 3).
  await page.getByLabel('Referred from').fill('2014-01-01');
  await expect(page).toHaveURL(new RegExp(`#/cohort\\?${VIEW}$`));
  const notice = page.getByRole('note', { name: 'Groups withheld in share mode' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('list', { name: 'Withheld groups' }).getByRole('listitem')).toHaveText([
    'County North: differs from the unfiltered group by 1 to 9 women, so comparing the two views would reveal them.',
  ]);
  await expect(groupCell('County North (withheld)')).toHaveText('[c]');
  await expect(groupCell('City')).toHaveText('40');
  await expect(groupCell('County South')).toHaveText('37');
  await expect(groupCell('All matching women')).toHaveText('[c]');
  await expect(groupCell('Women shown (withheld groups left out)')).toHaveText('77');
  await expect(page.getByRole('status').filter({ hasText: 'match the filters' })).toHaveText('[c] of 111 women match the filters; 77 shown.');

  // Not in the summary, nor drawn among the lifelines, nor listed in their table, nor in any chart.
  const summary = page.getByRole('table', { name: 'Cohort summary' });
  await expect(summary.getByRole('row', { name: /^County North/ })).toHaveCount(0);
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell').first()).toHaveText('77');
  // Cell by cell too: All areas' 31 engaged (38 unfiltered) and 31 with complex needs (39 unfiltered) would give away 7 and 8 women,
  // and County South's 11 engaged and 12 with complex needs are the very counts the unfiltered summary hides.
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell')).toHaveText(['77', '[c]', '[c]', '857', '538', '319']);
  await expect(summary.getByRole('row', { name: /^County South/ }).getByRole('cell')).toHaveText(['37', '[c]', '[c]', '296', '185', '111']);
  await expect(summary.getByRole('row', { name: /^City/ }).getByRole('cell')).toHaveText(['40', '20', '19', '561', '353', '208']);
  const cellNote = 'Some cells are hidden because they differ from the unfiltered view by 1 to 9, or equal a number the unfiltered view hides.';
  await expect(page.getByText(cellNote)).toBeVisible();
  await expect(page.getByText(/Not drawn in share mode, withheld to prevent differencing: County North\./)).toBeVisible();
  await page.getByText('Data table: lifelines, one row per woman').click();
  await expect(page.getByText('Not listed in share mode: County North (withheld).')).toBeVisible();
  const lifeTable = page.getByRole('table', { name: /^Lifelines: one row per woman \(data table\)/ });
  await expect(lifeTable.locator('tbody tr')).toHaveCount(77);
  await expect(lifeTable.getByRole('row', { name: /County North/ })).toHaveCount(0);
  const rates = page.getByRole('table', { name: 'Police incidents per woman per 30 days, by group (data table)' });
  await expect(rates.getByRole('row', { name: /^County North/ })).toHaveCount(0);
  await expect(rates.getByRole('row', { name: /^City/ }).getByRole('cell').first()).toHaveText('40');
  await expect(page.getByText(/County North \(n = /)).toHaveCount(0);
  await axe();

  // The export leaves it out too, and says so.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort summary as CSV' }).click();
  const csv = await readDownload(await download);
  expect(csv).not.toMatch(/^County North,/m);
  expect(csv).toContain('Withheld (differencing with the unfiltered view): County North');
  expect(csv).toMatch(/^All areas,77,\[c\],\[c\],857,538,319\r?$/m);
  expect(csv).toMatch(/^County South,37,\[c\],\[c\],296,185,111\r?$/m);
  expect(csv).not.toMatch(/,31,31,/);
  expect(csv).toContain(cellNote);

  // A journey opened from the lifelines carries the cohort view; a woman of a shown group is shown.
  const firstLink = lifeTable.locator('tbody tr').first().getByRole('link');
  await expect(firstLink).toHaveAttribute('href', /^#\/journeys\/MRP-\d+\?cohort=from%3D2014-01-01%26group%3Darea$/);
  await firstLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Journey: /);
  await expect(page.getByRole('link', { name: 'Back to the cohort' })).toHaveAttribute('href', `#/cohort?${VIEW}`);

  // A woman of the withheld group, opened with that cohort view: hidden in share mode.
  await page.evaluate((view) => (location.hash = `#/journeys/MRP-0100?cohort=${encodeURIComponent(view)}`), VIEW);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This journey is hidden in share mode');
  await expect(page.getByText(/the group she is in, County North, is withheld because comparing that view with the unfiltered one/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Journey: / })).toHaveCount(0);
  await axe();
  await page.getByRole('link', { name: 'Back to the cohort' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cohort\\?${VIEW}$`));
  await expect(page.getByRole('note', { name: 'Groups withheld in share mode' })).toBeVisible();

  // In the unfiltered view her group (34 women) is shown, and so is her journey.
  await page.evaluate(() => (location.hash = `#/journeys/MRP-0100?cohort=${encodeURIComponent('group=area')}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Journey: /);

  // A group at or under the threshold hides her journey too: County North has 2 women at high risk at referral.
  const highNorth = cohortWomen(sampleWorkingSet(), DEFAULT_DEFINITIONS).find((w) => w.area === 'County North' && w.riskAtReferral === 'high')!;
  await page.evaluate((id) => (location.hash = `#/journeys/${id}?cohort=${encodeURIComponent('risk=high&group=area')}`), highNorth.caseId);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This journey is hidden in share mode');
  await expect(page.getByText(/the group she is in, County North, has 9 women or fewer/)).toBeVisible();

  // Turning share mode off from the hidden screen shows the journey.
  await page.evaluate((view) => (location.hash = `#/journeys/MRP-0100?cohort=${encodeURIComponent(view)}`), VIEW);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This journey is hidden in share mode');
  await page.getByRole('button', { name: 'Turn share mode off and show this journey' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Journey: /);

  // and with share mode off the cohort view withholds nothing.
  await page.getByRole('link', { name: 'Back to the cohort' }).click();
  await expect(page.getByLabel('Share mode (suppress small numbers)')).not.toBeChecked();
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(groupCell('County North')).toHaveText('31');
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell').first()).toHaveText('108');
  await expect(summary.getByRole('row', { name: /^All areas/ })).not.toContainText('[c]');
  await expect(page.getByText(cellNote)).toHaveCount(0);

  // The summary's rows by area are compared too: without complex needs, County North has 26 of its 34 women,
  // which would give away the 8 with complex needs that the unfiltered summary hides.
  await page.getByLabel('Share mode (suppress small numbers)').check();
  await page.evaluate(() => (location.hash = '#/cohort?complex=no'));
  await expect(page.getByRole('note', { name: 'Groups withheld in share mode' }).getByRole('listitem')).toHaveText([
    'County North (area): differs from the unfiltered area by 1 to 9 women, so comparing the two views would reveal them.',
  ]);
  await expect(summary.getByRole('row', { name: /^County North/ })).toHaveCount(0);
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell').first()).toHaveText('46');
  await expect(groupCell(/^All women/)).toHaveText('46');
  await expect(groupCell('All matching women')).toHaveText('[c]');
  await axe();
});
