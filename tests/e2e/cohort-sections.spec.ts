import { test, expect, loadSample } from './fixtures';

const SECTIONS = [
  'Cohort summary',
  'Filters and grouping',
  'Groups',
  'Definitions in force',
  'Trends',
  'Trends in incidents after referral',
  'Each area against the whole',
  'Lifelines',
  'Risk mix over time',
  'Police incidents',
  'Outcome scores',
  'Criminal justice outcomes',
  'Risk transitions',
  'Support by category',
  'Needs',
  'Compare',
  'Analysis dataset',
];

test('the Cohort screen: a contents list that stays in view moves the focus to each section by keyboard; sections fit two screen heights', async ({ page, axe }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  const contents = page.getByRole('navigation', { name: 'Sections of the Cohort screen' });
  await expect(contents.getByRole('link')).toHaveText(SECTIONS);
  // The summary comes first.
  const headings = page.locator('.cohort-sections > section > h2');
  await expect(headings.first()).toHaveText('Cohort summary');
  await expect(page.getByRole('region', { name: 'Cohort summary' }).getByRole('table', { name: 'Cohort summary' })).toBeVisible();

  for (const [i, name] of SECTIONS.entries()) {
    const link = contents.getByRole('link', { name, exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name, exact: true });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await expect(link).toHaveAttribute('aria-current', 'location');
    // The contents list stays in view wherever the page is scrolled to.
    await expect(contents).toBeInViewport();
    if (i === 0) await expect(page).toHaveURL(/#\/cohort\/summary$/);
  }
  await expect(page).toHaveURL(/#\/cohort\/dataset$/);
  // Following the link of the section already in the address focuses it again.
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await contents.getByRole('link', { name: 'Analysis dataset', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Analysis dataset', exact: true })).toBeFocused();

  // No section needs more than two screen heights at 1400 by 900 (data tables folded as they open).
  const heights = await page.locator('.cohort-sections > section').evaluateAll((els) => els.map((e) => [e.querySelector('h2')!.textContent, e.getBoundingClientRect().height] as const));
  for (const [name, h] of heights) expect(h, `${name} is ${h}px tall`).toBeLessThanOrEqual(1800);
  await axe();
});

test("a section's address keeps the filters: opened or reloaded, the view comes back at that section", async ({ page }) => {
  await loadSample(page);
  await page.evaluate(() => (location.hash = '#/cohort?group=area'));
  const filters = page.getByRole('region', { name: 'Filters and grouping' });
  await filters.getByLabel('Complex needs').selectOption('no');
  await expect(page).toHaveURL(/#\/cohort\?complex=no&group=area$/);
  await page.getByRole('navigation', { name: 'Sections of the Cohort screen' }).getByRole('link', { name: 'Police incidents' }).click();
  await expect(page).toHaveURL(/#\/cohort\/incidents\?complex=no&group=area$/);
  await page.reload();
  const heading = page.getByRole('heading', { level: 2, name: 'Police incidents', exact: true });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(filters.getByLabel('Complex needs')).toHaveValue('no');
  await expect(page.getByLabel('Group by')).toHaveValue('area');
  // A filter changed from there keeps the section in the address, and the focus stays on the filter.
  await page.getByLabel('Engagement').focus();
  await page.getByLabel('Engagement').selectOption('engaged');
  await expect(page).toHaveURL(/#\/cohort\/incidents\?complex=no&engagement=engaged&group=area$/);
  await expect(page.getByRole('status').filter({ hasText: 'women match' })).toBeVisible();
  await expect(page.getByLabel('Engagement')).toBeFocused();
});

test('share mode at threshold 9: the risk mix by area (39 monthly columns, 2 with every share shown) coarsens into quarters and shows them with values, and says so', async ({ page, axe }) => {
  await loadSample(page);
  await page.evaluate(() => (location.hash = '#/cohort/risk-mix?group=area'));
  const section = page.getByRole('region', { name: 'Risk mix over time' });
  await expect(
    section.locator('p', {
      hasText: /^Coarsened for share mode: months since referral grouped into quarters and medium and high risk shown together as "medium or high", because finer cells would show counts from 1 to 9\./,
    }),
  ).toBeVisible();
  await expect(section.getByRole('img', { name: /^Risk mix/ })).toContainText('Coarsened for share mode to keep small numbers hidden: quarters, "medium or high" risk.');
  await section.getByText('Data table: risk mix by months since referral').click();
  const table = section.getByRole('table', { name: 'Risk mix by months since referral (data table)' });
  await expect(table.getByRole('columnheader')).toHaveText(['Group', 'Months since referral', 'Woman-months (n)', 'Standard', 'Medium or high', 'Not assessed']);
  const quarters = ['Months 0–2', 'Months 3–5', 'Months 6–8', 'Months 9–11', 'Month 12'];
  await expect(table.locator('tbody tr td:first-of-type')).toHaveText([...quarters, ...quarters, ...quarters]);
  // Each area shows "medium or high" with its share in its first quarter, and at least half of the 15 columns show shares (the target: today 2 of 39 do).
  for (const area of ['City', 'County North', 'County South']) {
    const cells = table.getByRole('row', { name: new RegExp(`^${area} Months 0–2`) }).getByRole('cell');
    await expect(cells.nth(1), area).toHaveText(/^[\d,]+$/);
    // A count, then its share with the share's 95% interval.
    await expect(cells.nth(3), area).toHaveText(/^[\d,]+: \d+% \(\d+% to \d+%\)$/);
  }
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(2).some((td) => /: \d+% \(/.test(td.textContent ?? ''))));
  expect(rows.filter(Boolean).length).toBeGreaterThanOrEqual(rows.length / 2);
  await axe();
});

test('share mode at threshold 9: outcome scores by area pool months into half-years; allowed to, County North and County South show together as "Other areas" with medians, as in support and the area profile', async ({ page, axe }) => {
  await loadSample(page);
  await page.evaluate(() => (location.hash = '#/cohort/outcomes?group=area'));
  const section = page.getByRole('region', { name: 'Outcome scores' });
  const table = section.getByRole('table', { name: 'Distance travelled: first and latest outcome scores (data table)' });
  await expect(section.getByRole('img', { name: /^Outcome scores/ })).toContainText('Coarsened for share mode to keep small numbers hidden: half-years.');
  // County North and County South have 5 and 7 women scored: no pooling shows a median over fewer than 10.
  await expect(table.getByRole('row', { name: /^County North Confidence/ }).getByRole('cell')).toHaveText(['Confidence (Batteries)', '[c]', '[c]', '[c]', '[c]']);
  await expect(table.getByRole('row', { name: /^City Confidence/ }).getByRole('cell').nth(4)).toHaveText(/^-?\d+\.\d \(-?\d+\.\d to -?\d+\.\d\)$/);

  // The user allows small areas to merge: both groups show medians, and the chart says what it did.
  await page.evaluate(() => (location.hash = '#/cohort/groups?group=area'));
  await page.getByLabel('Allow charts to merge small areas into "Other areas"').check();
  await page.evaluate(() => (location.hash = '#/cohort/outcomes?group=area'));
  await expect(section.getByRole('img', { name: /^Outcome scores/ })).toContainText('Coarsened for share mode to keep small numbers hidden: half-years, "Other areas".');
  await expect(section.getByText('County North and County South shown together as "Other areas", since each of their medians would be hidden', { exact: false }).first()).toBeVisible();
  await expect(table.locator('tbody th')).toHaveText([...Array(6).fill('City'), ...Array(6).fill('Other areas')]);
  for (const group of ['City', 'Other areas'])
    await expect(table.getByRole('row', { name: new RegExp(`^${group} Confidence`) }).getByRole('cell').nth(4), group).toHaveText(/^-?\d+\.\d \(-?\d+\.\d to -?\d+\.\d\)$/);
  await expect(table.getByRole('row', { name: /^Other areas Confidence/ }).getByRole('cell').nth(1)).toHaveText('12');
  await axe();

  // Support by category and each area against the whole do the same, and say so.
  await page.evaluate(() => (location.hash = '#/cohort/support?group=area'));
  const support = page.getByRole('table', { name: 'Support by category as a share of engaged women (data table)' });
  await expect(support.getByRole('columnheader')).toHaveText(['Category', 'City (20 engaged)', 'Other areas (18 engaged)']);
  await expect(support.getByRole('row', { name: /^Emotional support/ }).getByRole('cell')).toHaveText([/^18: \d+\.\d% \(/, /^13: \d+\.\d% \(/]);
  await page.evaluate(() => (location.hash = '#/cohort/areas?group=area'));
  const areas = page.getByRole('region', { name: 'Each area against the whole' });
  await expect(areas.getByText('County North and County South shown together as "Other areas", since at least half of their values would be hidden', { exact: false })).toBeVisible();
  const profile = areas.getByRole('table', { name: 'Each area against all areas: headline indicators with 95% intervals' });
  await expect(profile.locator('tbody th')).toHaveText(['All areas', 'City', 'Other areas']);
  await expect(profile.getByRole('row', { name: /^Other areas/ }).getByRole('cell').first()).toHaveText('71');
  await axe();
});

test('share mode refuses a threshold outside 4 to 99 and a rounding base other than 5 or 10; rounding to 5 rounds every count shown', async ({ page }) => {
  await loadSample(page);
  await page.evaluate(() => (location.hash = '#/cohort/groups'));
  const threshold = page.getByLabel('Hide counts from 1 to');
  await threshold.fill('100');
  await threshold.press('Enter');
  await expect(page.getByText('The threshold must be a whole number from 4 to 99; "100" was not applied.')).toBeVisible();
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await threshold.fill('12');
  await threshold.press('Enter');
  await expect(page.getByText(/The threshold must be/)).toHaveCount(0);
  await expect(page.getByText(/^Counts from 1 to 12 show as \[c\]/)).toBeVisible();

  await page.getByLabel('Round shown counts (ONS convention)').check();
  const base = page.getByLabel('Round to the nearest');
  await base.fill('7');
  await base.press('Enter');
  await expect(page.getByText('Counts can be rounded to the nearest 5 or 10 only; "7" was not applied.')).toBeVisible();
  await base.fill('5');
  await base.press('Enter');
  await expect(page.getByText(/Counts can be rounded/)).toHaveCount(0);
  const summary = page.getByRole('table', { name: 'Cohort summary' });
  // 111 women, 40 in City, 1,120 incidents: rounded to 110, 40 and 1,120.
  await expect(summary.getByRole('row', { name: /^All areas/ }).getByRole('cell').first()).toHaveText('110');
  const shownCounts = await summary.locator('tbody td').allTextContents();
  for (const c of shownCounts) expect(c === '[c]' || Number(c.replace(/,/g, '')) % 5 === 0, c).toBe(true);
  await expect(page.getByText('Counts are rounded to the nearest 5, so the areas may not add up to All areas.')).toBeVisible();
});
