import { test, expect, loadSample, readDownload } from './fixtures';

const INTERVAL = /^\d+\.\d\d \(\d+\.\d\d to \d+\.\d\d\)$/;

test('the Compare view sets engaged against not engaged on the sample, with intervals and its caveats, by keyboard, and passes axe', async ({ page, axe }) => {
  test.setTimeout(120_000);
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByRole('heading', { level: 2, name: 'Compare' })).toBeVisible();
  await expect(compare.getByLabel('First group')).toHaveValue('engaged');
  await expect(compare.getByLabel('Second group')).toHaveValue('not_engaged');

  const incidents = compare.getByRole('table', { name: 'Police incidents before and after referral, by group, with 95% intervals' });
  await expect(incidents.getByRole('columnheader')).toHaveText(['Measure', 'Engaged', 'Not engaged']);
  // 38 women engaged under the report's definition (worker and police agree), as the Section 4 page gives.
  await expect(incidents.getByRole('row', { name: /^Women \(n\)/ }).getByRole('cell').first()).toHaveText('38');
  for (const row of ['Per woman per 30 days before referral', 'Per woman per 30 days after referral', 'Rate ratio, after/before'])
    for (const cell of await incidents.getByRole('row', { name: new RegExp(`^${row.replace(/[()/]/g, '.')}`) }).getByRole('cell').allTextContents()) expect(cell).toMatch(INTERVAL);
  await expect(incidents.getByRole('row', { name: /^Ratio of the rate ratios, Engaged over Not engaged/ }).getByRole('cell')).toHaveText(INTERVAL);

  // The forest plot: a chart with a text summary and a data table.
  await expect(compare.getByRole('img', { name: 'Rate ratios of incidents after referral to before, with 95% intervals' })).toBeVisible();
  await expect(compare.getByText(/^Rate ratio after\/before referral: Engaged \d\.\d\d \(/)).toBeVisible();
  // Its data table is folded, and opens by keyboard.
  await compare.getByText('Data table: rate ratios after/before referral').focus();
  await page.keyboard.press('Enter');
  const ratios = compare.getByRole('table', { name: 'Rate ratios after/before referral, with 95% intervals (data table)' });
  await expect(ratios.getByRole('row')).toHaveCount(4);

  // High risk in a sentence; every level in a folded table.
  await expect(compare.getByText(/^At high risk at referral: Engaged (\[c\]|\d+: \d+\.\d% \(\d+\.\d% to \d+\.\d%\)), Not engaged /)).toBeVisible();
  await compare.getByText('Every risk level at referral and latest, by group (table)').click();
  const risk = compare.getByRole('table', { name: /^Risk at referral and latest, by group/ });
  await expect(risk.getByRole('row', { name: /^High/ }).getByRole('cell').first()).toHaveText(/^(\[c\]|\d+: \d+\.\d% \(\d+\.\d% to \d+\.\d%\))$/);
  // The outcome table is folded (one row per domain) and opens by keyboard.
  await compare.getByText(/^Outcome change: the median change in \d+ outcome domains, with 95% intervals \(table\)$/).focus();
  await page.keyboard.press('Enter');
  await expect(compare.getByRole('table', { name: /^Outcome change \(latest score minus first\)/ })).toBeVisible();

  const caveats = compare.getByRole('region', { name: 'What these figures can and cannot show' });
  await expect(caveats).toContainText('Engagement was not assigned at random');
  await expect(caveats).toContainText('regression to the mean');
  await expect(caveats).toContainText(/Follow-up after referral ranges from [\d,]+ to [\d,]+ days/);
  await expect(caveats).toContainText(/n = 38 and \d+ women and the incidents counted, the smallest difference these numbers could detect with 80% power at the 5% level \(two-sided\) is a ratio of rate ratios of \d+\.\d\d or more/);
  await axe();

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Download the comparison as CSV' }).click();
  const csv = await readDownload(await download);
  expect(csv.split(/\r?\n/)[0]).toBe('Measure,Group,Women,Estimate,Lower 95% limit,Upper 95% limit,Note');
  expect(csv).toContain('Ratio of rate ratios,Engaged over Not engaged,38,');

  // Keyboard: the second group set to the first is a comparison with itself, and shows no figures.
  await compare.getByLabel('First group').focus();
  await page.keyboard.press('Tab');
  await expect(compare.getByLabel('Second group')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(compare.getByLabel('Second group')).toHaveValue('engaged');
  const problem = compare.getByRole('status').filter({ hasText: 'These groups cannot be compared' });
  await expect(problem).toContainText('a group compared with itself');
  await expect(incidents).toHaveCount(0);
  await expect(caveats).toHaveCount(0);
  await axe();

  // Overlapping groups: engaged against an area.
  await compare.getByLabel('Second group').selectOption('area:City');
  await expect(problem).toContainText(/women are in both Engaged and City/);
  await expect(incidents).toHaveCount(0);

  // Swap by keyboard, then back to a fair comparison.
  await page.keyboard.press('Tab');
  await expect(compare.getByRole('button', { name: 'Swap the groups' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(compare.getByLabel('First group')).toHaveValue('area:City');
  await compare.getByLabel('First group').selectOption('area:County North');
  await compare.getByLabel('Second group').selectOption('area:City');
  await expect(problem).toHaveCount(0);
  await expect(incidents.getByRole('columnheader')).toHaveText(['Measure', 'County North', 'City']);
});

test('saved filters become groups, kept after a reload; an empty group and a group share mode withholds say so', async ({ page, axe }) => {
  await loadSample(page);
  await page.goto('/#/cohort?from=2030-01-01');
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByText('Saved filters (0)').click();
  await compare.getByRole('button', { name: 'Save the current filters' }).click();
  await expect(compare.getByText('Give the filters a name.')).toBeVisible();
  await compare.getByLabel('Name for the current filters').fill('Referred from 2030');
  await page.keyboard.press('Enter');
  await expect(compare.getByRole('status').filter({ hasText: 'Saved “Referred from 2030”' })).toBeVisible();
  await expect(compare.getByRole('list', { name: 'Saved filters' })).toContainText('Referred from 2030: a referral period');
  await compare.getByLabel('Second group').selectOption({ label: 'Referred from 2030 (saved filter)' });
  await expect(compare.getByRole('status').filter({ hasText: 'These groups cannot be compared' })).toContainText('Referred from 2030 (saved filter) has no women in the data loaded');
  await axe();

  // Kept in the browser: still there after a reload.
  await page.goto('/#/cohort?complex=yes');
  await page.reload();
  await compare.getByText('Saved filters (1)').click();
  await compare.getByLabel('Name for the current filters').fill('Complex');
  await compare.getByRole('button', { name: 'Save the current filters' }).click();
  await compare.getByLabel('First group').selectOption({ label: 'Complex (saved filter)' });
  await compare.getByLabel('Second group').selectOption('not_complex');
  // In share mode, County North's women without complex needs differ from all its women by 8: withheld, as on the rest of the screen.
  await expect(compare.getByRole('status').filter({ hasText: 'These groups cannot be compared' })).toContainText('In share mode No complex needs is withheld');
  await expect(compare.getByRole('table', { name: /^Police incidents before and after referral/ })).toHaveCount(0);
  // Share mode off: exact numbers, and every interval shown.
  await page.getByLabel('Share mode (suppress small numbers)').uncheck();
  await expect(compare.getByRole('table', { name: /^Police incidents before and after referral/ }).getByRole('columnheader')).toHaveText([
    'Measure',
    'Complex (saved filter)',
    'No complex needs',
  ]);
  const risk = compare.getByRole('table', { name: /^Risk at referral and latest/ });
  if (!(await risk.isVisible())) await compare.getByText('Every risk level at referral and latest, by group (table)').click();
  await expect(risk).not.toContainText('[c]');
  await expect(risk.getByRole('row', { name: /^High/ }).getByRole('cell')).toHaveText(Array(4).fill(/^\d+: \d+\.\d% \(\d+\.\d% to \d+\.\d%\)$/));
  await axe();
  await compare.getByRole('button', { name: 'Delete the saved filter Complex' }).click();
  await expect(compare.getByRole('list', { name: 'Saved filters' })).not.toContainText('Complex');
});
