import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, loadSample, readDownload } from './fixtures';

/** Every row of a table as label -> the last cell. */
async function lastCells(table: Locator): Promise<Record<string, string>> {
  await expect(table).toBeVisible();
  return table.locator('tbody tr, tfoot tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('th')!.textContent!.trim(), [...r.querySelectorAll('td')].at(-1)!.textContent!.trim()])),
  );
}

/** Whole numbers written in a text; counts of women from 1 to 9 must never be among them. */
const smallCounts = (text: string) => [...text.matchAll(/(?<![\d.,:/-])(\d[\d,]*)(?![\d.:/-])/g)].map((m) => Number(m[1].replace(/,/g, ''))).filter((n) => n >= 1 && n <= 9);

test('the needs UpSet chart shows combinations and needs, and hides small numbers everywhere in share mode', async ({ page, axe }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort');
  await expect(page.getByLabel('Share mode (suppress small numbers)')).toBeChecked();

  const section = page.getByRole('region', { name: 'Needs that occur together' });
  const chart = section.getByRole('img', { name: /^Needs that occur together: an UpSet chart/ });
  await expect(chart).toBeVisible();
  const combos = section.getByRole('table', { name: 'Combinations of needs (data table)' });
  const sets = section.getByRole('table', { name: 'Women with each need (data table)' });

  // All 111 women, each once; most combinations are small and hidden, the sets mostly shown.
  const shownCombos = await lastCells(combos);
  // 39: three women's only recorded need is one of need_dv_as_child, need_education, need_employment.
  expect(shownCombos).toMatchObject({ 'No needs recorded': '39', 'All women': '111', 'Mental health': '[c]', 'Debts or arrears': '[c]' });
  expect(Object.values(shownCombos).filter((v) => v !== '[c]').every((v) => Number(v.replace(/,/g, '')) >= 10)).toBe(true);
  const shownSets = await lastCells(sets);
  expect(shownSets).toMatchObject({ 'Mental health': '24', 'Debts or arrears': '23', 'Arrested or in prison': '[c]', 'Sex work': '[c]', 'Immigration issues': '0', Education: '10', Employment: '[c]', 'Domestic abuse as a child': '[c]', 'Two or more needs': '30' });
  await expect(section.getByText('30 of the 111 women have two or more needs recorded.')).toBeVisible();

  // The chart: one row per need held by anyone, dots for each column's needs, no bar for a hidden count.
  await expect(chart.locator('text', { hasText: /^Was in care$/ })).toHaveCount(1);
  await expect(chart.locator('text', { hasText: /^Immigration issues$/ })).toHaveCount(0);
  const aria = (await chart.getAttribute('aria-label'))!;
  expect(aria).toContain('n = 111 women');
  expect(smallCounts(aria)).toEqual([]);
  const columns = chart.locator('g:has(> title)');
  const n = await columns.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++) {
    const col = columns.nth(i);
    const label = (await col.locator('title').textContent())!;
    expect(smallCounts(label.replace(/^.*: /, ''))).toEqual([]);
    if (label.endsWith(': [c]')) await expect(col.locator('rect')).toHaveCount(0);
    else await expect(col.locator('rect')).toHaveCount(1);
  }
  const texts = await chart.locator('text').allTextContents();
  expect(texts.filter((t) => /^\d[\d,]*$/.test(t)).map(Number).filter((v) => v < 10)).toEqual([]);
  await axe();
  await chart.screenshot({ path: 'test-results/needs-upset-shared.png' });

  const svgDownload = page.waitForEvent('download');
  await section.getByRole('button', { name: /^Download chart as SVG/ }).click();
  const svgText = await readDownload(await svgDownload);
  expect(svgText).toContain('Needs that occur together');
  expect(svgText).toContain('Engaged: only where the worker and the police agree.');
  const svgNumbers = [...svgText.matchAll(/>(\d[\d,]*)</g)].map((m) => Number(m[1].replace(/,/g, '')));
  expect(svgNumbers.filter((v) => v < 10)).toEqual([]);
  const csvDownload = page.waitForEvent('download');
  await section.getByRole('button', { name: /^Download table as CSV/ }).click();
  const csv = await readDownload(await csvDownload);
  expect(csv).toContain('Arrested or in prison,[c]');
  expect(csv).toContain('No needs recorded,0,39');
  expect(csv).toContain('Two or more needs,30');
  expect(csv).toContain('Arrested or in prison,1,[c]');
  expect(csv).not.toMatch(/^Arrested or in prison(,1)?,\d+\r?$/m);

  // Share mode off: the exact numbers, and a bar for every column.
  await page.getByLabel('Share mode (suppress small numbers)').uncheck();
  await expect(sets.getByRole('row', { name: /^Arrested or in prison/ }).getByRole('cell')).toHaveText('6');
  await expect(combos.getByRole('row', { name: /^Mental health \d/ }).getByRole('cell')).toHaveText(['1', '8']);
  await expect(chart.locator('g:has(> title) rect')).toHaveCount(await columns.count());
  await expect(section.getByText(/^The most common combination of needs is mental health \(8 women\)\./)).toBeVisible();
  await axe();
  await chart.screenshot({ path: 'test-results/needs-upset.png' });
});
