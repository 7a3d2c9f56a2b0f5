import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';

test('explore print', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/journeys/MRP-0106');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey: Megan');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1090, height: 760 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/print.png', fullPage: true });
  writeFileSync('/tmp/shots/print.pdf', await page.pdf({ preferCSSPageSize: true, printBackground: true }));
});
