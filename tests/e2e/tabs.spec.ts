import { test, expect, indexedDbContents } from './fixtures';
import type { Page } from '@playwright/test';

const LOADED = /^111 women and [\d,]+ events loaded\.$/;

async function loadSampleHere(page: Page) {
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
}

async function deleteAll(page: Page) {
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('No data loaded yet.')).toBeVisible();
}

test('an import in one tab shows in the other; deleting in one tab empties the other within a second, and its open editor cannot write the case study back', async ({ page, context, axe }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByText('No data loaded yet.')).toBeVisible();

  await loadSampleHere(page);
  await expect(other.getByText(LOADED)).toBeVisible({ timeout: 5_000 });

  // The second tab opens Megan's case study in the editor.
  await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
  await other.getByLabel('Journey').selectOption({ label: 'Megan' });
  await other.getByRole('button', { name: 'Make a case study' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText("Case study: Megan's journey");
  await other.getByLabel('Heading').first().fill('Still with him');

  await deleteAll(page);
  await expect(other.getByText('All data was deleted in another tab of Waymark.')).toBeVisible({ timeout: 1_000 });
  await expect(other.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expect(other.getByText('Megan')).toHaveCount(0);
  await axe();

  // Whatever the second tab still held, nothing is written back.
  await other.keyboard.type('x');
  await other.goBack();
  await other.waitForTimeout(1_000);
  expect((await indexedDbContents(page)).filter((s) => s.count > 0).map((s) => s.store)).toEqual([]);
});

test('a second tab waits for an import in the first and says why; locking in one tab locks the other', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const other = await context.newPage();
  await other.goto('/');
  // The other tab holds the store's lock, as it would while importing.
  await other.evaluate(() => {
    void navigator.locks.request('waymark-store', () => new Promise<void>((release) => ((window as unknown as { release: () => void }).release = release)));
  });
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for another tab of Waymark to finish changing the stored data before importing.' })).toBeVisible();
  await other.evaluate(() => (window as unknown as { release: () => void }).release());
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await expect(other.getByText(LOADED)).toBeVisible({ timeout: 5_000 });

  const section = page.getByRole('region', { name: 'Lock with a passphrase' });
  await section.getByLabel('Passphrase', { exact: true }).fill('a long passphrase for tabs');
  await section.getByLabel('Repeat the passphrase').fill('a long passphrase for tabs');
  await section.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toBeVisible({ timeout: 30_000 });
  await expect(other.getByText(LOADED)).toHaveCount(0);
  await other.getByLabel('Passphrase').fill('a long passphrase for tabs');
  await other.getByRole('button', { name: 'Unlock' }).click();
  await expect(other.getByText(LOADED)).toBeVisible({ timeout: 30_000 });

  await section.getByRole('button', { name: 'Lock now' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toBeVisible({ timeout: 1_000 });
  await expect(other.getByRole('status').filter({ hasText: 'Locked in another tab.' })).toBeVisible();
});
