import type { Download, Page } from '@playwright/test';
import { test, expect, loadSample, readDownload } from './fixtures';
import { SECTION4_EXPECTED } from '../unit/model/section4-expected';

const TITLES: Record<string, string> = {
  referrals: 'Referrals (section 4.1)',
  engagement: 'Engagement by source (section 4.1.1, table 4.1.1)',
  analysis: 'The analysis set (section 4.1.1)',
  police: 'Police incidents (section 4.3)',
  outcomes: 'Criminal justice outcomes of crimes by area (section 4.3)',
  perpetrators: 'Perpetrators (section 4.3)',
  profile: 'The engaged women (section 4.2)',
  support: 'Support for the engaged women (section 4.4)',
};

/** Every row of a captioned figures table as label -> value. */
async function figures(page: Page, caption: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: caption, exact: true });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()])),
  );
}

test('the Section 4 page reproduces every figure of the report from the sample, and recomputes on a definition change', async ({ page, axe }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Section 4 figures' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Section 4 figures');
  await expect(page.getByRole('list', { name: 'Definitions in force' })).toContainText('Engaged: only where the worker and the police agree.');
  for (const [id, expected] of Object.entries(SECTION4_EXPECTED)) {
    const got = await figures(page, TITLES[id]);
    for (const [label, value] of Object.entries(expected)) expect(got[label], `${TITLES[id]}: ${label}`).toBe(value);
  }
  // What the contract cannot hold is listed, not silently left out.
  const notHeld = page.getByRole('table', { name: 'Report figures with no column in the data contract' });
  await expect(notHeld.getByRole('row', { name: /Perpetrator: male partner or ex-partner 32 \(84\.2%\)/ })).toBeVisible();
  await expect(notHeld.getByRole('row', { name: /Perpetrator: female partner 1 the perpetrator's sex/ })).toBeVisible();
  await expect(notHeld.getByRole('row')).toHaveCount(3);
  await expect(notHeld).not.toContainText('Education not an issue');
  await axe();

  await page.getByText('Change definitions').click();
  await page.getByLabel('Engaged', { exact: true }).selectOption('worker');
  await expect(page.getByRole('list', { name: 'Definitions in force' })).toContainText("Engaged: by the worker's coding (engaged or sporadic).");
  const analysis = await figures(page, TITLES.analysis);
  expect(analysis['Analysis set: engaged']).toBe('40');
  expect(analysis['Analysis set: not engaged']).toBe('55');
  await page.getByRole('button', { name: "Use the report's definitions" }).click();
  expect((await figures(page, TITLES.analysis))['Analysis set: engaged']).toBe('38');
});

test('the Cohort screen filters and groups from the URL, shows each n, and suppresses small numbers in share mode', async ({ page, axe }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort');
  await expect(page.getByRole('list', { name: 'Definitions in force' })).toBeVisible();

  const summary = page.getByRole('table', { name: 'Cohort summary' });
  const cells = (label: string) => summary.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
  await expect(page.getByLabel('Share mode (suppress small numbers)')).toBeChecked();
  await expect(cells('All areas')).toHaveText(['111', '38', '39', '1,120', '697', '423']);
  await expect(cells('City')).toHaveText(['40', '20', '19', '561', '353', '208']);
  // County North has 8 women with complex needs: hidden, and County South's 12 with it so the total cannot give it away.
  await expect(cells('County North')).toHaveText(['34', '[c]', '[c]', '263', '159', '104']);
  await expect(cells('County South')).toHaveText(['37', '[c]', '[c]', '296', '185', '111']);

  await page.getByLabel('Group by').selectOption('area_complex');
  await expect(page).toHaveURL(/#\/cohort\?group=area_complex$/);
  const groups = page.getByRole('table', { name: /^Women per group/ });
  await expect(groups.getByRole('row', { name: /^County North, complex needs/ }).getByRole('cell')).toHaveText('[c]');
  // and so is every cell that would give it away across the two tables
  await expect(groups.getByRole('row', { name: /^County North, no complex needs/ }).getByRole('cell')).toHaveText('[c]');
  const rates = page.getByRole('table', { name: 'Police incidents per woman per 30 days, by group (data table)' });
  await expect(rates.getByRole('row', { name: /^County North, complex needs/ }).getByRole('cell')).toHaveText(['[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]']);
  await expect(rates.getByRole('row', { name: /^City, complex needs/ }).getByRole('cell').first()).toHaveText('19');
  await expect(page.getByText(/^City, complex needs \(n = 19\): [\d.]+ \([\d.]+ to [\d.]+\) incidents per woman per 30 days before referral/)).toBeVisible();
  // Every rate with its 95% interval, and an error bar per period.
  await expect(rates.getByRole('row', { name: /^City, complex needs/ }).getByRole('cell').nth(3)).toHaveText(/^\d+\.\d\d \(\d+\.\d\d to \d+\.\d\d\)$/);
  await expect(page.getByRole('img', { name: /^Police incidents per woman per 30 days/ }).locator('line.error-bar')).not.toHaveCount(0);
  // Crime outcomes by area: City as the report gives it, small counts hidden.
  const cj = page.getByRole('table', { name: 'Criminal justice outcomes of crimes by area (data table)' });
  const cjHead = await cj.locator('thead th').allTextContents();
  const cityCells = await cj.getByRole('row', { name: /^City/ }).getByRole('cell').allTextContents();
  const city = Object.fromEntries(cjHead.slice(1).map((h, i) => [h, cityCells[i]]));
  expect(city).toMatchObject({ 'No further action': '125', 'Charge or summons': '78', Caution: '[c]', Undetected: '[c]', 'All crimes': '208' });
  await expect(page.getByRole('table', { name: 'Combinations of needs (data table)' })).toBeVisible();
  await page.getByText('Data table: risk mix by months since referral').click();
  const mix = page.getByRole('table', { name: 'Risk mix by months since referral (data table)' });
  // In share mode the risk mix coarsens before it hides (six groups of about 20 women: half-years, medium or high), and says so.
  await expect(page.locator('p', { hasText: /^Coarsened for share mode: months since referral grouped into half-years and medium and high risk shown together as "medium or high"/ })).toBeVisible();
  await expect(mix.getByRole('columnheader')).toHaveText(['Group', 'Months since referral', 'Woman-months (n)', 'Standard', 'Medium or high', 'Not assessed']);
  await expect(mix.getByRole('row', { name: /^City, complex needs Months 0–5/ }).getByRole('cell').nth(3)).toHaveText(/^\d+: \d+% \(\d+% to \d+%\)$/);
  await expect(page.getByRole('table', { name: 'Risk transitions from referral to the latest level (data table)' })).toBeVisible();

  // Lifelines as a data table: the same rows as the canvas, paged, sorted the same way, without the hidden group.
  await page.getByText('Data table: lifelines, one row per woman').click();
  const lifeTable = page.getByRole('table', { name: /^Lifelines: one row per woman \(data table\)/ });
  await expect(lifeTable).toBeVisible();
  await expect(page.getByText(/^Not listed in share mode: County North, complex needs \(n = \[c\]\)/)).toBeVisible();
  await expect(lifeTable.getByRole('row', { name: /County North, complex needs/ })).toHaveCount(0);
  await expect(lifeTable.locator('tbody tr')).toHaveCount(100);
  const firstWoman = () => lifeTable.locator('tbody tr').first().locator('th').textContent();
  const byReferral = await firstWoman();
  await page.getByLabel('Sort rows by').selectOption('engagement');
  await expect(lifeTable).toHaveAccessibleName(/sorted by engagement/);
  expect(await firstWoman()).not.toBe(byReferral);
  await expect(lifeTable.locator('tbody tr').first().getByRole('cell').nth(6)).toHaveText('Engaged');
  await page.getByRole('navigation', { name: 'Pages of lifeline rows' }).getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages of lifeline rows' })).toContainText(/Rows 101 to \d+ of \d+ \(page 2 of 2\)/);
  // Ctrl with the wheel zooms the time axis (the plain wheel still scrolls rows).
  const lifelineCanvas = page.locator('.lifelines canvas');
  await lifelineCanvas.hover();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeEnabled();
  // and a drag pans it (same row under the pointer before and after, so only the pan differs).
  const box = (await lifelineCanvas.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + 100];
  await page.mouse.move(cx, cy);
  const beforePan = await lifelineCanvas.screenshot();
  await page.mouse.down();
  await page.mouse.move(cx - 150, cy, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/#\/cohort/);
  expect((await lifelineCanvas.screenshot()).equals(beforePan)).toBe(false);
  await axe();

  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download chart as SVG.*Police incidents/ }).click();
  const svgText = await readDownload(await svgDownload);
  expect(svgText).toContain('Police incidents per woman per 30 days');
  expect(svgText).toContain('County North, complex needs (n = [c])');
  expect(svgText).toContain('Engaged: only where the worker and the police agree.');
  expect(svgText).not.toMatch(/County North, complex needs \(n = 8\)/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort summary as CSV' }).click();
  const csv = await readDownload(await download);
  expect(csv).toContain('County North,34,[c],[c],263,159,104');
  expect(csv).toContain('Engaged: only where the worker and the police agree.');

  // A threshold outside 4 to 99 is refused, saying why, and the one in force stays; share mode off shows exact numbers.
  await page.getByLabel('Hide counts from 1 to').fill('2');
  await page.getByLabel('Hide counts from 1 to').press('Enter');
  await expect(page.getByText('The threshold must be a whole number from 4 to 99; "2" was not applied.')).toBeVisible();
  await expect(page.getByText(/^Counts from 1 to 9 show as \[c\]/)).toBeVisible();
  await page.getByLabel('Share mode (suppress small numbers)').uncheck();
  await expect(groups.getByRole('row', { name: /^County North, complex needs/ }).getByRole('cell')).toHaveText('8');
  // With nothing hidden, the transitions are drawn as an alluvial chart.
  const alluvial = page.getByRole('img', { name: 'Risk transitions: level at referral to the latest level' });
  await expect(alluvial).toContainText('At referral');
  await alluvial.screenshot({ path: 'test-results/alluvial.png' });

  // Filters live in the URL: a bookmarked view comes back as it was.
  await page.getByRole('checkbox', { name: 'County North' }).uncheck();
  await page.getByRole('checkbox', { name: 'County South' }).uncheck();
  await expect(page).toHaveURL(/area=City/);
  await expect(page.getByRole('status').filter({ hasText: 'women match' })).toHaveText('40 of 111 women match the filters.');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'women match' })).toHaveText('40 of 111 women match the filters.');
  await expect(page.getByLabel('Group by')).toHaveValue('area_complex');
  await expect(page.getByRole('checkbox', { name: 'County North' })).not.toBeChecked();
  await page.getByLabel('Engagement').selectOption('engaged');
  // 13 of City's 19 women with complex needs are engaged: set beside the unfiltered view that would reveal the other 6, so share mode withholds the group.
  await expect(page.getByRole('note', { name: 'Groups withheld in share mode' })).toContainText('City, complex needs: differs from the unfiltered group by 1 to 9 women');
  await expect(cells('All areas').first()).toHaveText('[c]');
  await page.getByLabel('Engagement').selectOption('all');
  await expect(cells('All areas').first()).toHaveText('40');

  // Lifelines: row by row with the keyboard, Enter opens her journey.
  const lifelines = page.getByRole('group', { name: /^Lifelines/ });
  await lifelines.focus();
  await lifelines.press('ArrowDown');
  await lifelines.press('ArrowDown');
  // Share mode is on again after the reload.
  await expect(page.getByLabel('Share mode (suppress small numbers)')).toBeChecked();
  await expect(page.locator('#lifeline-readout')).toContainText('Row 2 of 40, City, complex needs.');
  await page.screenshot({ path: 'test-results/cohort-lifelines.png', fullPage: false });
  await lifelines.press('Enter');
  // The journey link carries the cohort view, so share mode applies to it there too.
  await expect(page).toHaveURL(/#\/journeys\/MRP-\d{4}\?cohort=area%3DCity%26group%3Darea_complex$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Journey');
});
