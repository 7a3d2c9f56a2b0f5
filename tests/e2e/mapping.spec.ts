import { test, expect, csvFile, readDownload, waitForStoredCounts, watchRequests } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const HEADER = 'Crime Number,Client,Date of incident,Type,Perp,Officer notes';
const JANUARY = [
  HEADER,
  'CR-1001,WM-0001,12/03/2014,crime,P-1,went well',
  'CR-1002,WM-0001,2014-04-02,DI,P-1,',
  'CR-1003,WM-0002,31/02/2014,crime,P-2,',
  'CR-1004,WM-0003,17/06/2014,Domestic incident,P-3,',
  'CR-1005,WM-0003,18/06/2014,crime,P-3,',
].join('\r\n');
const FEBRUARY = [HEADER, 'CR-2001,WM-0004,02/02/2015,crime,P-9,', 'CR-2002,WM-0004,03/02/2015,DI,P-9,'].join('\r\n');

const PROFILE = 'Agency B incidents';

function reportRow(page: Page, fileName: string): Locator {
  return page
    .getByRole('table', { name: 'Import report' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: fileName, exact: true }) });
}

/** Presses Tab until the element with this id has the focus. */
async function tabTo(page: Page, id: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Chooses an option of the focused select with the arrow keys. */
async function arrowToOption(page: Page, select: Locator, label: string): Promise<void> {
  const [current, target] = await select.evaluate((el, text) => {
    const s = el as HTMLSelectElement;
    return [s.selectedIndex, [...s.options].findIndex((o) => o.text === text)];
  }, label);
  expect(target, `option ${label}`).toBeGreaterThanOrEqual(0);
  const key = target > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - current); i++) await page.keyboard.press(key);
  await expect(select.locator('option:checked')).toHaveText(label);
}

async function importFiles(page: Page, ...files: { name: string; text: string }[]) {
  await page.getByLabel('Import case files').setInputFiles(files.map((f) => csvFile(f.name, f.text)));
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
}

/** Maps the January file with the mouse (for tests about what follows). */
async function mapJanuary(page: Page) {
  await importFiles(page, { name: 'incidents-agency-b.csv', text: JANUARY });
  await reportRow(page, 'incidents-agency-b.csv').getByRole('button', { name: /^Map columns/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Map columns of incidents-agency-b.csv' });
  await dialog.getByLabel('Profile name').fill(PROFILE);
  await dialog.getByRole('button', { name: 'Import with this mapping' }).click();
  await expect(dialog).toBeHidden();
  await expect(reportRow(page, 'incidents-agency-b.csv').getByRole('cell').nth(0)).toHaveText('Police incidents', { timeout: 30_000 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
});

test('a file with unrecognised headers is mapped by keyboard alone, then its profile maps the next one', async ({ page, axe }) => {
  await importFiles(page, { name: 'incidents-agency-b.csv', text: JANUARY });
  const row = reportRow(page, 'incidents-agency-b.csv');
  await expect(row.getByRole('cell').nth(0)).toHaveText('Not recognised');
  await expect(page.getByText('No data loaded yet.')).toBeVisible();

  const mapButton = row.getByRole('button', { name: /^Map columns/ });
  await expect(mapButton).toHaveText('Map columns');
  await mapButton.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Map columns of incidents-agency-b.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Kind of file')).toBeFocused();
  await axe();

  // The suggestions: kind from the columns, each column from its name and values.
  await expect(dialog.getByLabel('Kind of file').locator('option:checked')).toHaveText('Police incidents (incidents.csv)');
  const expected: [string, string][] = [
    ['Crime Number', 'incident_id (required)'],
    ['Client', 'case_id (required)'],
    ['Date of incident', 'date (required)'],
    ['Type', 'kind (required)'],
    ['Perp', 'Not imported'],
    ['Officer notes', 'Not imported'],
  ];
  for (const [column, field] of expected) {
    await expect(dialog.getByLabel(column, { exact: true }).locator('option:checked')).toHaveText(field);
  }
  const columns = dialog.getByRole('table', { name: 'Columns of incidents-agency-b.csv' });
  await expect(columns.getByRole('row').filter({ hasText: 'Crime Number' })).toContainText('CR-1001, CR-1002, CR-1003');

  // Two columns onto one field: shown inline, import blocked.
  await tabTo(page, 'map-col-3');
  const type = dialog.getByLabel('Type', { exact: true });
  await arrowToOption(page, type, 'case_id (required)');
  await expect(dialog.getByText('"Client" and "Type" are all mapped to case_id; map only one column to it.')).toBeVisible();
  await expect(dialog.getByText('Required column not mapped: kind.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import with this mapping' })).toBeDisabled();
  await arrowToOption(page, type, 'kind (required)');
  await expect(dialog.getByText(/are all mapped to/)).toBeHidden();

  // The perpetrator column, chosen by keyboard.
  await tabTo(page, 'map-col-4');
  await arrowToOption(page, dialog.getByLabel('Perp', { exact: true }), 'perpetrator_ref');

  // Five rows as they will be read: dates as dates, codes as codes, errors as errors.
  const preview = dialog.getByRole('table', { name: 'Five mapped rows as they will be read' });
  await expect(preview.getByRole('row')).toHaveCount(6);
  const first = preview.getByRole('row').nth(1);
  await expect(first).toContainText('2014-03-12');
  await expect(first).toContainText('P-1');
  await expect(preview.getByRole('row').nth(2)).toContainText('domestic_incident');
  await expect(preview.getByRole('row').nth(3)).toContainText('Error:');
  await axe();

  await tabTo(page, 'map-profile-name');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(PROFILE);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Import with this mapping' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // Imported with the same rules: the impossible date is quarantined, the rest stored.
  await expect(row.getByRole('cell').nth(0)).toHaveText('Police incidents', { timeout: 30_000 });
  await expect(row.getByRole('cell').nth(1)).toHaveText('4');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expect(row).toContainText(`Mapped with profile ${PROFILE}`);
  await expect(row).toContainText('Officer notes');
  await expect(page.getByRole('table', { name: 'Quarantined rows in incidents-agency-b.csv' })).toContainText('31/02/2014');
  await waitForStoredCounts(page, 0, 4);
  const profiles = page.getByRole('table', { name: 'Column mapping profiles' });
  await expect(profiles.getByRole('rowheader', { name: PROFILE })).toBeVisible();

  // The same header row again: no dialog, mapped through the saved profile.
  await importFiles(page, { name: 'incidents-agency-b-feb.csv', text: FEBRUARY });
  const feb = reportRow(page, 'incidents-agency-b-feb.csv');
  await expect(feb.getByRole('cell').nth(0)).toHaveText('Police incidents');
  await expect(feb.getByRole('cell').nth(1)).toHaveText('2');
  await expect(feb).toContainText(`Mapped with profile ${PROFILE}`);
  await expect(feb.getByRole('button', { name: /^Map columns/ })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await waitForStoredCounts(page, 0, 6);

  // Escape closes the dialog and gives the focus back.
  await importFiles(page, { name: 'other.csv', text: 'Foo,Bar\n1,2\n' });
  const other = reportRow(page, 'other.csv').getByRole('button', { name: /^Map columns/ });
  await other.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Map columns of other.csv' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(other).toBeFocused();
});

test('profiles are exported and imported in a fresh browser profile; renamed and deleted', async ({ page, browser, baseURL, axe }) => {
  await mapJanuary(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profiles (JSON)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('waymark-mapping-profiles.json');
  const text = await readDownload(download);
  const json = JSON.parse(text);
  expect(json).toMatchObject({ waymark: 'mapping-profiles', version: 1 });
  expect(json.profiles).toHaveLength(1);
  expect(json.profiles[0]).toMatchObject({ name: PROFILE, kind: 'incidents', header: HEADER.split(',') });
  // Header names only, never data.
  expect(text).not.toMatch(/CR-1001|WM-0001|went well/);

  const fresh = await browser.newContext({ baseURL });
  try {
    const offOrigin: string[] = [];
    const other = await fresh.newPage();
    watchRequests(other, offOrigin);
    await other.goto('/');
    await expect(other.getByText('No profiles yet.')).toBeVisible();
    await other.getByLabel('Import profiles (JSON)').setInputFiles({ name: 'waymark-mapping-profiles.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(other.getByText(`Profiles imported from waymark-mapping-profiles.json: added "${PROFILE}".`)).toBeVisible();
    await expect(other.getByRole('table', { name: 'Column mapping profiles' }).getByRole('rowheader', { name: PROFILE })).toBeVisible();
    // Importing it again into a browser that has it: unchanged, said so.
    await other.getByLabel('Import profiles (JSON)').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(other.getByText(`"${PROFILE}" already stored, unchanged`)).toBeVisible();

    await other.getByLabel('Import case files').setInputFiles([csvFile('february.csv', FEBRUARY)]);
    const row = reportRow(other, 'february.csv');
    await expect(row.getByRole('cell').nth(0)).toHaveText('Police incidents', { timeout: 30_000 });
    await expect(row).toContainText(`Mapped with profile ${PROFILE}`);
    expect(offOrigin).toEqual([]);
  } finally {
    await fresh.close();
  }

  // Rename, then delete after confirming.
  const profiles = page.getByRole('table', { name: 'Column mapping profiles' });
  await profiles.getByRole('button', { name: `Rename ${PROFILE}` }).click();
  await page.getByLabel(`New name for ${PROFILE}`).fill('Agency B police');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(profiles.getByRole('rowheader', { name: 'Agency B police' })).toBeVisible();
  await axe();
  await profiles.getByRole('button', { name: 'Delete Agency B police' }).click();
  await expect(page.getByText('Delete profile Agency B police?')).toBeVisible();
  await page.getByRole('button', { name: 'Keep profile' }).click();
  await expect(profiles.getByRole('rowheader', { name: 'Agency B police' })).toBeVisible();
  await profiles.getByRole('button', { name: 'Delete Agency B police' }).click();
  await page.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByText('No profiles yet.')).toBeVisible();
  await expect(page.getByText('Profile "Agency B police" deleted.')).toBeVisible();
});

test('bad input: a profile file that is not a profile, and two columns onto one, change nothing', async ({ page }) => {
  await mapJanuary(page);
  await waitForStoredCounts(page, 0, 4);
  const profiles = page.getByRole('table', { name: 'Column mapping profiles' });
  await expect(profiles.getByRole('row')).toHaveCount(2);

  await page.getByLabel('Import profiles (JSON)').setInputFiles(csvFile('cases.json', 'case_id,area\nWM-1,City\n'));
  await expect(page.getByRole('alert').filter({ hasText: 'The file is not a profile file: it is not JSON. Nothing was changed.' })).toBeVisible();
  await page.getByLabel('Import profiles (JSON)').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"waymark":"case-study","version":1}'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'has no "waymark": "mapping-profiles" marker. Nothing was changed.' })).toBeVisible();
  await expect(profiles.getByRole('row')).toHaveCount(2);

  await importFiles(page, { name: 'unknown.csv', text: 'Ref,Who,When,What\nX-1,WM-9,2014-01-01,crime\n' });
  await reportRow(page, 'unknown.csv').getByRole('button', { name: /^Map columns/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Map columns of unknown.csv' });
  await dialog.getByLabel('Kind of file').selectOption('incidents');
  await dialog.getByLabel('Ref', { exact: true }).selectOption('case_id');
  await dialog.getByLabel('Who', { exact: true }).selectOption('case_id');
  await expect(dialog.getByText('"Ref" and "Who" are all mapped to case_id; map only one column to it.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import with this mapping' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(profiles.getByRole('row')).toHaveCount(2);
  await waitForStoredCounts(page, 0, 4);
});

test('"Delete all data" removes the profiles too', async ({ page }) => {
  await mapJanuary(page);
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('No profiles yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No profiles yet.')).toBeVisible();
});
