import { test, expect, csvFile } from './fixtures';
import type { Page } from '@playwright/test';

const COUNTS = /([\d,]+) wom[ae]n and ([\d,]+) events? loaded\./;

async function storedCounts(page: Page): Promise<{ women: number; events: number }> {
  const status = page.getByText(COUNTS);
  await expect(status).toBeVisible({ timeout: 30_000 });
  const match = COUNTS.exec((await status.textContent()) ?? '');
  if (!match) throw new Error('no counts shown');
  return { women: Number(match[1].replace(/,/g, '')), events: Number(match[2].replace(/,/g, '')) };
}

async function loadSample(page: Page) {
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  // The sample's ready-made case studies are stored just after the import: wait for them too.
  await expect(page.getByText(/^The sample's ready-made case studies \(Sue, Megan and Chelsea\) are (in|already in) Case studies/)).toBeVisible({ timeout: 15_000 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
});

test('the empty app explains what to do and passes axe', async ({ page, axe }) => {
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
  await expect(page.getByLabel('Import case files')).toBeVisible();
  await expect(page.getByText('Your data stays in this browser.')).toBeVisible();
  await axe();
});

test('loading the sample gives 111 women, a clean report, and survives a reload', async ({ page, axe }) => {
  await loadSample(page);
  const report = page.getByRole('table', { name: 'Import report' });
  for (const name of ['cases.csv', 'incidents.csv', 'risk_assessments.csv', 'support.csv', 'contacts.csv', 'outcomes.csv', 'milestones.csv']) {
    await expect(report.getByRole('rowheader', { name })).toBeVisible();
  }
  const casesRow = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'cases.csv' }) });
  await expect(casesRow.getByRole('cell').nth(0)).toHaveText('Cases');
  await expect(casesRow.getByRole('cell').nth(1)).toHaveText('111');
  await expect(casesRow.getByRole('cell').nth(2)).toHaveText('0');
  const counts = await storedCounts(page);
  expect(counts.women).toBe(111);
  expect(counts.events).toBeGreaterThan(1120);
  await axe();

  await page.reload();
  expect(await storedCounts(page)).toEqual(counts);
  await expect(page.getByRole('table', { name: 'Import history' }).getByRole('row')).toHaveCount(2);

  // Re-importing the same files adds nothing.
  await loadSample(page);
  await expect(page.getByText(/Imported 0 rows from 7 files/)).toBeVisible();
  expect(await storedCounts(page)).toEqual(counts);
});

const GOOD_CASES = [
  'Case ID;Area;Referral Date;Engagement (Modus);Age',
  'E2E-1;City;17/03/2014;Engaged;34',
  'E2E-2;County North;2014-04-02;sporadic;41',
].join('\r\n');

const BAD_INCIDENTS = [
  'incident_id,case_id,incident_date,kind,offence,dash_risk',
  'I-1,E2E-1,12/03/2014,crime,common_assault,medium',
  'I-2,E2E-1,12/31/2014,crime,harassment,medium',
  'I-3,E2E-1,29/02/2015,DI,,standard',
  'I-4,E2E-2,01/05/2014,burglary,,standard',
  'I-5,E2E-2,02/05/2014,crime,"<img src=x onerror=alert(1)>",high',
  'I-6,E2E-2,03/05/2014,crime,=HYPERLINK("x"),extreme',
].join('\n');

test('good and bad files: rows quarantined with line, column, value and reason', async ({ page, axe }) => {
  await page.getByLabel('Import case files').setInputFiles([
    csvFile('cases-e2e.csv', GOOD_CASES),
    csvFile('incidents-bad.csv', BAD_INCIDENTS),
  ]);
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  const incidentsRow = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'incidents-bad.csv' }) });
  await expect(incidentsRow.getByRole('cell').nth(0)).toHaveText('Police incidents');
  await expect(incidentsRow.getByRole('cell').nth(1)).toHaveText('2');
  await expect(incidentsRow.getByRole('cell').nth(2)).toHaveText('4');
  const casesRow = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'cases-e2e.csv' }) });
  await expect(casesRow).toContainText('semicolon');

  const quarantine = page.getByRole('table', { name: 'Quarantined rows in incidents-bad.csv' });
  await expect(quarantine).toBeVisible();
  await expect(quarantine.getByRole('row').filter({ hasText: '12/31/2014' })).toContainText('3');
  await expect(quarantine.getByRole('row').filter({ hasText: '29/02/2015' })).toBeVisible();
  await expect(quarantine.getByRole('row').filter({ hasText: 'burglary' })).toBeVisible();
  await expect(quarantine.getByRole('row').filter({ hasText: 'extreme' })).toBeVisible();
  // Hostile text is shown as text, never as markup.
  await expect(page.locator('img')).toHaveCount(0);
  expect(await storedCounts(page)).toEqual({ women: 2, events: 2 });
  await axe();

  // The quarantine list downloads as CSV with formula cells escaped.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download quarantined rows of incidents-bad.csv (CSV)' }).click();
  const download = await downloadPromise;
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text.split('\r\n')[0]).toBe('line,column,value,reason');
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
});

test('all or nothing stores nothing when a row is quarantined', async ({ page }) => {
  await page.getByLabel('All or nothing: store nothing if any row is quarantined').check();
  await page.getByLabel('Import case files').setInputFiles([
    csvFile('cases-e2e.csv', GOOD_CASES),
    csvFile('incidents-bad.csv', BAD_INCIDENTS),
  ]);
  await expect(page.getByText(/Nothing was stored: “all or nothing” was chosen/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
});

const CASES_WITH_PII = [
  'case_id,area,referral_date,Postcode,notes',
  'PII-1,City,2014-03-17,NG1 5FS,call 07700 900123',
  'PII-2,City,2014-03-18,NG7 2RD,seen by Mrs Jane Smith',
].join('\n');

test('the privacy guard stops before storing and shows values masked', async ({ page, axe }) => {
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-pii.csv', CASES_WITH_PII)]);
  const dialog = page.getByRole('dialog', { name: 'Possible identifying data' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const columns = dialog.getByRole('table', { name: 'Flagged columns' });
  await expect(columns.getByRole('rowheader', { name: 'Postcode' })).toBeVisible();
  await expect(columns.getByRole('rowheader', { name: 'notes' })).toBeVisible();
  const body = (await page.locator('body').innerText()) + (await page.content());
  for (const raw of ['NG1 5FS', '5FS', '07700', '900123', 'Jane', 'Smith']) expect(body).not.toContain(raw);
  await axe();

  // Nothing is stored while the dialog is open, and cancelling stores nothing.
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/cancelled after the privacy check/)).toBeVisible();
  await page.reload();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();

  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-pii.csv', CASES_WITH_PII)]);
  await page.getByRole('dialog', { name: 'Possible identifying data' }).getByRole('button', { name: 'Drop these columns and import' }).click();
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText('Dropped by the privacy guard: Postcode, notes');
  expect(await storedCounts(page)).toEqual({ women: 2, events: 0 });
  expect(await page.content()).not.toContain('NG1 5FS');
});

test('a flagged required column is never offered for dropping: marked not identifying, it imports and the history says so', async ({ page, axe }) => {
  // Police references shaped like National Insurance numbers: flagged in the required incident_id column.
  const incidents = [
    'incident_id,case_id,date,kind,offence,dash_risk,outcome',
    'NA123456B,NI-1,2014-03-17,crime,common_assault,medium,nfa',
    'NA123457B,NI-2,2014-03-18,crime,harassment,standard,nfa',
  ].join('\n');
  const cases = ['case_id,area,referral_date', 'NI-1,City,2014-03-01', 'NI-2,City,2014-03-02'].join('\n');
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-ni.csv', cases), csvFile('incidents-ni.csv', incidents)]);
  const dialog = page.getByRole('dialog', { name: 'Possible identifying data' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const row = dialog.getByRole('table', { name: 'Flagged columns' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'incident_id' }) });
  await expect(row).toContainText('National Insurance number');
  await expect(row).toContainText('Required: cannot be dropped');
  await expect(dialog.getByRole('button', { name: /drop/i })).toHaveCount(0);
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await expect(dialog.getByText('To import, mark incident_id (incidents-ni.csv) not identifying.')).toBeVisible();
  await axe();

  await dialog.getByRole('checkbox', { name: 'Not identifying: incident_id in incidents-ni.csv' }).check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.getByRole('row').filter({ hasText: 'incidents-ni.csv' })).toContainText(
    'Flagged by the privacy guard, marked not identifying and kept: incident_id',
  );
  expect(await storedCounts(page)).toEqual({ women: 2, events: 2 });
  const history = page.getByRole('table', { name: 'Import history' }).getByRole('row').filter({ hasText: 'incidents-ni.csv' });
  await expect(history).toContainText('incidents-ni.csv: incident_id marked not identifying');
  await page.reload();
  await expect(page.getByRole('table', { name: 'Import history' }).getByRole('row').filter({ hasText: 'incidents-ni.csv' })).toContainText(
    'incidents-ni.csv: incident_id marked not identifying',
    { timeout: 30_000 },
  );
  await axe();
});

test('the privacy dialog works by keyboard: Escape cancels', async ({ page }) => {
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-pii.csv', CASES_WITH_PII)]);
  const dialog = page.getByRole('dialog', { name: 'Possible identifying data' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Drop these columns and import' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/cancelled after the privacy check/)).toBeVisible();
});

/** A large incidents file so that an import runs long enough to be cancelled or interrupted. */
function bigIncidents(rows: number): Buffer {
  const lines = ['incident_id,case_id,date,kind,offence,dash_risk,outcome'];
  for (let i = 0; i < rows; i += 1) {
    const day = 1 + (i % 28);
    lines.push(`BIG-${i},BIG-${i % 5000},${day}/0${1 + (i % 9)}/2014,${i % 3 ? 'domestic_incident' : 'crime'},common_assault,medium,nfa`);
  }
  return Buffer.from(lines.join('\n'));
}

test('a long import shows progress and Cancel leaves the stored data as it was', async ({ page, axe }) => {
  // A 600,000-row file: on a loaded 2-core machine, handing it to the page alone can take a minute.
  test.setTimeout(150_000);
  await loadSample(page);
  const before = await storedCounts(page);
  await page.getByLabel('Import case files').setInputFiles([csvFile('big-incidents.csv', bigIncidents(600_000))]);
  const bar = page.getByRole('progressbar', { name: 'Importing…' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuetext', /rows/, { timeout: 45_000 });
  await axe();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByText(/The import was cancelled\. Nothing was stored/)).toBeVisible();
  await page.reload();
  expect(await storedCounts(page)).toEqual(before);
});

test('closing the tab part-way through an import leaves the stored data as it was', async ({ page, context }) => {
  // A 600,000-row file: on a loaded 2-core machine, handing it to the page alone can take a minute.
  test.setTimeout(150_000);
  await loadSample(page);
  const before = await storedCounts(page);
  await page.getByLabel('Import case files').setInputFiles([csvFile('big-incidents.csv', bigIncidents(600_000))]);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /rows/, { timeout: 45_000 });
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  expect(await storedCounts(again)).toEqual(before);
});

test('files dropped on the page are imported', async ({ page }) => {
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped-cases.csv', { type: 'text/csv' }));
    return dt;
  }, GOOD_CASES);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report.getByRole('rowheader', { name: 'dropped-cases.csv' })).toBeVisible({ timeout: 30_000 });
  expect(await storedCounts(page)).toEqual({ women: 2, events: 0 });
});

test('Delete all data asks for DELETE, then removes every database and setting', async ({ page, axe }) => {
  await loadSample(page);
  await page.evaluate(() => localStorage.setItem('waymark-test', '1'));
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data' });
  await expect(dialog).toBeVisible();
  await axe();
  const confirm = dialog.getByRole('button', { name: 'Delete everything' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type DELETE to confirm').fill('delete');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await confirm.click();
  await expect(page.getByText('All data was deleted from this browser.')).toBeVisible();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
  const left = await page.evaluate(async () => ({
    dbs: (await indexedDB.databases()).map((d) => d.name),
    storage: localStorage.length,
  }));
  expect(left).toEqual({ dbs: [], storage: 0 });
  await page.reload();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
  await expect(page.getByText('No imports yet.')).toBeVisible();
});

test('the data screen works by keyboard alone', async ({ page }) => {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Tab until the sample button is focused, then press Enter.
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Load sample data' }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  expect((await storedCounts(page)).women).toBe(111);
});

test('a Windows-1252 file is decoded and the report says so', async ({ page, axe }) => {
  const bytes = Buffer.concat([
    Buffer.from('case_id,area,referral_date\nW-1,', 'latin1'),
    Buffer.from([0x43, 0x61, 0x66, 0xe9]), // "Café" in Windows-1252
    Buffer.from(',17.03.2014\n', 'latin1'),
  ]);
  await page.getByLabel('Import case files').setInputFiles([csvFile('cp1252.csv', bytes)]);
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.getByRole('row').filter({ hasText: 'cp1252.csv' })).toContainText('Windows-1252');
  expect(await storedCounts(page)).toEqual({ women: 1, events: 0 });
  await page.getByLabel('Import case files').setInputFiles([csvFile('empty.csv', '')]);
  await expect(report.getByRole('row').filter({ hasText: 'empty.csv' })).toBeVisible({ timeout: 30_000 });
  await axe();
});

test('a case imported again with different values is a change, stored only once accepted', async ({ page, axe }) => {
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-e2e.csv', GOOD_CASES)]);
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  const changed = GOOD_CASES.replace('E2E-1;City;', 'E2E-1;County South;');
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-later.csv', changed)]);
  const changes = page.getByRole('table', { name: 'Changes since the stored data' });
  await expect(changes).toBeVisible({ timeout: 30_000 });
  const row = changes.getByRole('row').filter({ hasText: 'E2E-1' });
  await expect(row.getByRole('cell')).toHaveText(['cases-later.csv', 'E2E-1', 'area', 'City', 'County South']);
  await axe();
  await page.getByRole('button', { name: 'Accept changes' }).click();
  await expect(page.getByText('The changes of cases-later.csv were accepted.')).toBeVisible();
  await expect(page.getByText('cases-later.csv: 1 stored row, 1 value; accepted, the new values are stored.')).toBeVisible();
  expect(await storedCounts(page)).toEqual({ women: 2, events: 0 });

  // Dismissing keeps the stored values as they are.
  await page.getByLabel('Import case files').setInputFiles([csvFile('cases-again.csv', GOOD_CASES)]);
  const again = page.getByRole('table', { name: 'Changes since the stored data' });
  await expect(again.getByRole('row').filter({ hasText: 'E2E-1' }).getByRole('cell')).toHaveText(
    ['cases-again.csv', 'E2E-1', 'area', 'County South', 'City'],
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Dismiss changes' }).click();
  await expect(page.getByText('The changes of cases-again.csv were dismissed; the stored values were kept.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row').filter({ hasText: 'cases-again.csv' })).toContainText('(changes dismissed)');
  await expect(history.getByRole('row').filter({ hasText: 'cases-later.csv' })).toContainText('changed (accepted)');
  expect(await storedCounts(page)).toEqual({ women: 2, events: 0 });
});
