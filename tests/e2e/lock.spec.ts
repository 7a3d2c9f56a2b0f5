import { test, expect, indexedDbContents } from './fixtures';
import type { Page } from '@playwright/test';

const PASSPHRASE = 'a long passphrase for tests';

async function setPassphrase(page: Page, passphrase = PASSPHRASE) {
  const section = page.getByRole('region', { name: 'Lock with a passphrase' });
  await expect(section.getByText('If you forget the passphrase, the data can only be deleted.')).toBeVisible();
  await section.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await section.getByLabel('Repeat the passphrase').fill(passphrase);
  await section.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
  await expect(section.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: 30_000 });
}

test('a passphrase encrypts the store: locked after a reload, nothing readable, a wrong passphrase fails, the right one shows 111 women', async ({ page, axe }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setPassphrase(page);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^111 women and [\d,]+ events loaded\.$/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await axe();

  const raw = (await indexedDbContents(page)).map((s) => s.text).join('\n');
  expect(raw.length).toBeGreaterThan(10_000);
  for (const secret of ['MRP-0001', 'INC-000001', 'County South', '2014-02-08', 'common_assault', 'ex_partner']) expect(raw).not.toContain(secret);

  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not right. Nothing was changed: try again.');
  await expect(page.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toBeVisible();

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(/^111 women and [\d,]+ events loaded\.$/)).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/journeys/MRP-0001');
  await expect(page.getByRole('heading', { name: /MRP-0001/ }).first()).toBeVisible({ timeout: 30_000 });

  // Lock now: the journey is gone at once.
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toBeVisible();
  await expect(page.getByText('MRP-0001')).toHaveCount(0);
});

test('the app locks itself after the idle time', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.goto('/');
  await setPassphrase(page);
  const section = page.getByRole('region', { name: 'Lock with a passphrase' });
  await section.getByLabel('Lock after').selectOption('5');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toHaveCount(0);
  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Waymark is locked' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Locked after 5 minutes without use.' })).toBeVisible();
});
