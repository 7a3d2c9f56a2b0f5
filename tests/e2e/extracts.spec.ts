/**
 * Successive extracts: a second extract of the sample with changed crime outcomes and a new
 * closure date is listed as changes, stored only once accepted, and undone (newest first) back to
 * exactly the stored data of before, checked by a digest of every stored table.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { Locator, Page } from '@playwright/test';
import { test, expect, csvFile, loadSample } from './fixtures';

/** The app's own digestStore (src/db/store-digest.ts), run in the page over the raw IndexedDB tables. */
const DIGEST_SOURCE = ts
  .transpileModule(readFileSync('src/db/store-digest.ts', 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
  .outputText.replace(/^export /gm, '');

/** page.evaluate of a string is not subject to the page's CSP, so the transpiled code can run. */
async function digest(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    ${DIGEST_SOURCE}
    const idb = await new Promise((resolve, reject) => {
      const open = indexedDB.open('waymark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = (name, what) => new Promise((resolve, reject) => {
      const request = idb.transaction(name).objectStore(name)[what]();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables = [...idb.objectStoreNames].map((name) => ({
      name,
      toCollection: () => ({ primaryKeys: () => read(name, 'getAllKeys') }),
      toArray: () => read(name, 'getAll'),
    }));
    try {
      return await digestStore({ tables });
    } finally {
      idb.close();
    }
  })()`);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** The figures a changed crime outcome, a new closure date and a new incident alter. */
async function figures(page: Page) {
  await nav(page, 'Section 4 figures').click();
  const outcomes = page.getByRole('table', { name: 'Criminal justice outcomes of crimes by area (section 4.3)' });
  await expect(outcomes).toBeVisible({ timeout: 30_000 });
  const crimeOutcomes = await outcomes.getByRole('row').allInnerTexts();
  await nav(page, 'Cohort').click();
  const summary = page.getByRole('table', { name: 'Cohort summary' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const cohortSummary = await summary.getByRole('row').allInnerTexts();
  await nav(page, 'Data quality').click();
  const open = page.getByText(/\d+ cases are open \(no closure date\)/);
  await expect(open).toBeVisible({ timeout: 30_000 });
  const openCases = Number(/(\d+) cases are open/.exec(await open.innerText())![1]);
  await nav(page, 'Data').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  return { crimeOutcomes, cohortSummary, openCases };
}

const sample = (name: string) => readFileSync(`sample-data/${name}`, 'utf8').trimEnd().split('\n');

/**
 * The second extract: the sample's incidents with two pending crimes charged and one new
 * incident, and its cases with a closure date for the first open case.
 */
function secondExtract() {
  const incidents = sample('incidents.csv');
  const charged: string[] = [];
  for (let i = 1; i < incidents.length && charged.length < 2; i++) {
    const cells = incidents[i].split(',');
    if (cells[3] === 'crime' && cells[6] === 'pending') {
      cells[6] = 'charge_summons';
      incidents[i] = cells.join(',');
      charged.push(cells[0]);
    }
  }
  incidents.push('INC-EXTRACT-2,MRP-0001,2015-03-01,domestic_incident,,standard,,P-0075');
  const cases = sample('cases.csv');
  const header = cases[0].split(',');
  const closureAt = header.indexOf('closure_date');
  const referralAt = header.indexOf('referral_date');
  const at = cases.findIndex((line, i) => i > 0 && line.split(',')[closureAt] === '');
  const cells = cases[at].split(',');
  const closure = new Date(Date.parse(`${cells[referralAt]}T00:00:00Z`) + 200 * 86_400_000).toISOString().slice(0, 10);
  cells[closureAt] = closure;
  cases[at] = cells.join(',');
  return {
    files: [csvFile('incidents-extract-2.csv', `${incidents.join('\n')}\n`), csvFile('cases-extract-2.csv', `${cases.join('\n')}\n`)],
    charged,
    closed: cells[0],
    /** Its line in the file: the header is line 1. */
    closedLine: at + 1,
    closure,
  };
}

/** Focuses a control by Tab from the element before it and presses a key on it. */
async function pressByKeyboard(page: Page, control: Locator, key: 'Enter' | ' ') {
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(control).toBeFocused();
  await page.keyboard.press(key);
}

function historyRow(page: Page, fileName: string) {
  return page.getByRole('table', { name: 'Import history' }).getByRole('row').filter({ hasText: fileName });
}

test('a second extract: changes listed, stored once accepted, undone newest first back to the same store', async ({ page, axe }) => {
  test.setTimeout(120_000);
  await loadSample(page);
  const before = await figures(page);
  const beforeDigest = await digest(page);

  const extract = secondExtract();
  await page.getByLabel('Import case files').setInputFiles(extract.files);
  const changes = page.getByRole('table', { name: 'Changes since the stored data' });
  await expect(changes).toBeVisible({ timeout: 30_000 });
  const body = changes.locator('tbody tr');
  await expect(body).toHaveCount(3);
  for (const id of extract.charged) {
    await expect(body.filter({ hasText: id }).getByRole('cell')).toHaveText(['incidents-extract-2.csv', id, 'outcome', 'pending', 'charge_summons']);
  }
  await expect(body.filter({ hasText: extract.closed }).getByRole('cell')).toHaveText(['cases-extract-2.csv', extract.closed, 'closure_date', 'unknown', extract.closure]);
  await expect(page.getByText('3 stored rows would change (3 values). Nothing changes until you accept them.')).toBeVisible();
  await axe();

  // Only the new incident is stored; the changed rows wait.
  const imported = await figures(page);
  expect(imported.crimeOutcomes).toEqual(before.crimeOutcomes);
  expect(imported.openCases).toBe(before.openCases);
  expect(imported.cohortSummary).not.toEqual(before.cohortSummary);
  await expect(changes).toBeVisible();

  // The pending changes show on the Data quality screen beside the stored row.
  await nav(page, 'Data quality').click();
  const pendingCase = page.getByRole('table', { name: `Case ${extract.closed}: stored row and cases-extract-2.csv line ${extract.closedLine}` });
  await expect(pendingCase.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'closure_date' }) }).getByRole('cell')).toHaveText(['unknown', extract.closure]);
  await expect(page.getByText('Pending: the stored values stand until the change is accepted.')).toBeVisible();
  // They wait on the Data screen after a reload too.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: /^Changes from the import of / })).toBeVisible({ timeout: 30_000 });
  await expect(changes.locator('tbody tr')).toHaveCount(3);

  // Accept one file's changes, then all (by keyboard).
  await pressByKeyboard(page, page.getByRole('button', { name: 'Accept changes of incidents-extract-2.csv' }), 'Enter');
  await expect(page.getByText('The changes of incidents-extract-2.csv were accepted.')).toBeVisible();
  const halfway = await figures(page);
  expect(halfway.crimeOutcomes).not.toEqual(before.crimeOutcomes);
  expect(halfway.openCases).toBe(before.openCases);
  await pressByKeyboard(page, page.getByRole('button', { name: 'Accept all changes' }), ' ');
  await expect(page.getByText('All changes were accepted.')).toBeVisible();
  await expect(page.getByText('cases-extract-2.csv: 1 stored row, 1 value; accepted, the new values are stored.')).toBeVisible();
  const accepted = await figures(page);
  expect(accepted.crimeOutcomes).toEqual(halfway.crimeOutcomes);
  expect(accepted.openCases).toBe(before.openCases - 1);
  await expect(historyRow(page, 'cases-extract-2.csv')).toContainText('cases-extract-2.csv: 1 row changed (accepted)');

  // A later import of incidents: undoing the second extract first is refused, and changes nothing.
  await page.getByLabel('Import case files').setInputFiles([csvFile('incidents-late.csv', 'incident_id,case_id,date,kind\nINC-LATE-1,MRP-0002,2015-04-01,domestic_incident\n')]);
  await expect(historyRow(page, 'incidents-late.csv')).toBeVisible({ timeout: 30_000 });
  const withLater = await digest(page);
  expect(withLater).not.toBe(beforeDigest);
  await pressByKeyboard(page, historyRow(page, 'incidents-extract-2.csv').getByRole('button', { name: 'Undo this import' }), 'Enter');
  const dialog = page.getByRole('dialog', { name: 'Undo this import' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('every stored value its accepted changes replaced (incidents-extract-2.csv, cases-extract-2.csv) is put back');
  await axe();
  await expect(dialog.getByRole('button', { name: 'Undo the import' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText(/Not undone: the import of .* \(incidents-late\.csv\) came later .* Undo the later one first\. Nothing was changed\./);
  expect(await digest(page)).toBe(withLater);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(historyRow(page, 'incidents-extract-2.csv').getByRole('button', { name: 'Undo this import' })).toBeFocused();

  // Newest first: the later import, then the second extract.
  for (const fileName of ['incidents-late.csv', 'incidents-extract-2.csv']) {
    await pressByKeyboard(page, historyRow(page, fileName).getByRole('button', { name: 'Undo this import' }), 'Enter');
    await expect(dialog.getByRole('button', { name: 'Undo the import' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: /The import of .* was undone\./ })).toBeVisible();
    await expect(historyRow(page, fileName)).toHaveCount(0);
  }
  expect(await digest(page)).toBe(beforeDigest);
  expect(await figures(page)).toEqual(before);
});
