import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const BANNER = 'Session only: nothing is kept on this computer. Closing this tab forgets the data.';
const LOADED_111 = /^111 women and [\d,]+ events loaded\.$/;
const STUDIES_READY = /^The sample's ready-made case studies \(Sue, Megan and Chelsea\) are (in|already in) Case studies/;

/** Every IndexedDB database of the origin, with the number of records in each of its stores, read as a page script would. */
function indexedDbRecords(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.evaluate(async () => {
    const out: Record<string, Record<string, number>> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const counts: Record<string, number> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        counts[name] = await new Promise<number>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      out[info.name!] = counts;
    }
    return out;
  });
}

const total = (dbs: Record<string, Record<string, number>>) =>
  Object.values(dbs).reduce((n, stores) => n + Object.values(stores).reduce((m, c) => m + c, 0), 0);

/** Everything in local and session storage, as key: value. */
function webStorage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string> }> {
  return page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
}

test('session only keeps the sample in memory: 111 women and the banner on every screen, IndexedDB holds nothing, a reload forgets it', async ({ page, axe }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const choice = page.getByRole('region', { name: 'Keep nothing on this computer' });
  await expect(page.getByRole('status').filter({ hasText: 'No data loaded' })).toBeVisible();
  await expect(page.getByText(BANNER)).toHaveCount(0);
  await choice.getByRole('button', { name: "Don't keep anything on this computer" }).click();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(BANNER);
  await expect(choice.getByText('Session only is on.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lock with a passphrase' })).toContainText('Not offered in session only');
  await expect(page.getByRole('button', { name: 'Encrypt with this passphrase' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  await axe();

  // The data is there on every screen, and so is the banner.
  for (const [link, heading] of [
    ['Journeys', /Journeys|journey/i],
    ['Cohort', /Cohort/i],
    ['Data quality', /quality/i],
    ['Case studies', /Case studies/i],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('banner').getByText(BANNER)).toBeVisible();
  }
  await axe();
  await page.goto('/#/journeys/MRP-0001');
  await expect(page.getByRole('heading', { name: /MRP-0001/ }).first()).toBeVisible({ timeout: 30_000 });

  // Nothing reached the browser's storage: no record in any IndexedDB database, only the choice in sessionStorage.
  const dbs = await indexedDbRecords(page);
  expect(total(dbs), JSON.stringify(dbs)).toBe(0);
  const stored = await webStorage(page);
  expect(stored.session).toEqual({ 'waymark.sessionOnly': 'on' });
  expect(JSON.stringify(stored.local)).not.toMatch(/MRP-|INC-|County/);

  // A reload forgets the data; the tab stays in session only.
  await page.goto('/#/');
  await page.reload();
  await expect(page.getByRole('banner').getByText(BANNER)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No data loaded' })).toBeVisible({ timeout: 30_000 });
  expect(total(await indexedDbRecords(page))).toBe(0);
  await page.goto('/#/journeys/MRP-0001');
  await expect(page.getByRole('banner').getByText(BANNER)).toBeVisible();
  await expect(page.getByRole('heading', { name: /MRP-0001/ })).toHaveCount(0);
});

test('data already stored stays stored in session only, and comes back when the tab leaves session only', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  // The ready-made case studies are stored just after the import: count once they are.
  await expect(page.getByText(STUDIES_READY)).toBeVisible({ timeout: 30_000 });
  const recordsBefore = total(await indexedDbRecords(page));
  expect(recordsBefore).toBeGreaterThan(0);

  const choice = page.getByRole('region', { name: 'Keep nothing on this computer' });
  await expect(choice.getByText('This browser already stores data (111 women). Session only does not delete it')).toBeVisible();
  await choice.getByRole('button', { name: "Don't keep anything on this computer" }).click();
  await expect(page.getByRole('banner').getByText(BANNER)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No data loaded' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import history' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Import report' })).toHaveCount(0);

  // An import in session only adds nothing to the stored data.
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(STUDIES_READY)).toBeVisible({ timeout: 30_000 });
  expect(total(await indexedDbRecords(page))).toBe(recordsBefore);

  await choice.getByRole('button', { name: 'Leave session only' }).click();
  await expect(choice.getByText('Leaving session only forgets 111 women loaded in this tab')).toBeVisible();
  await choice.getByRole('button', { name: "Leave and forget this tab's data" }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(BANNER)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Lock with a passphrase' }).getByRole('button', { name: 'Encrypt with this passphrase' })).toBeVisible();
});

test('Delete all data in session only deletes what is stored and stays in session only; the next import works', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: "Don't keep anything on this computer" }).click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Delete all data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data' });
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('All data was deleted from this browser.')).toBeVisible();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
  await expect(page.getByRole('banner').getByText(BANNER)).toBeVisible();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);

  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  expect(total(await indexedDbRecords(page))).toBe(0);
  await page.reload();
  await expect(page.getByRole('banner').getByText(BANNER)).toBeVisible();
  await expect(page.getByText('No data loaded yet.')).toBeVisible({ timeout: 30_000 });
});

test('in session only a case study is made and presented from memory; presenter notes, which need a second window, are not offered', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: "Don't keep anything on this computer" }).click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText(LOADED_111)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByLabel('Search by case id or display name').fill('Chelsea');
  await page.getByRole('table', { name: 'Loaded women' }).getByRole('link').first().press('Enter');
  await page.getByRole('button', { name: 'Make a case study' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Chelsea's journey");
  await page.getByLabel('Heading').first().fill('First contact');
  await page.waitForTimeout(400);

  await page.goto(page.url() + '/present');
  await page.getByLabel('I have checked this case study and it cannot identify her').check();
  await page.getByRole('button', { name: 'Present' }).click();
  const slides = page.getByRole('region', { name: 'Case study presentation' });
  await expect(slides.getByRole('heading', { name: 'Content note' })).toBeVisible();
  const notes = slides.getByRole('button', { name: 'Presenter notes' });
  await expect(notes).toBeDisabled();
  await expect(notes).toHaveAccessibleDescription("(not in session only: a second window cannot see this tab's data)");
  expect(total(await indexedDbRecords(page))).toBe(0);
});
