/** Storage on this computer: persistence shown, an import over the quota stores nothing, edits survive a reload. */
import { test, expect, ORIGIN, loadSample, loadedStatus } from './fixtures';

test('the Data screen shows whether storage is persistent and how much is used', async ({ page, axe }) => {
  await page.goto('/');
  const section = page.getByRole('region', { name: 'Storage on this computer' });
  await expect(section).toBeVisible();
  await expect(page.getByText('Waymark asks your browser to keep this data: otherwise the browser may delete it when the disk fills up.')).toBeVisible();
  await loadSample(page);

  // Chromium may grant or refuse persistence: the screen says whichever the browser reports.
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  if (persisted) {
    await expect(section.getByText('Persistent storage: on.')).toBeVisible();
  } else {
    await expect(section.getByRole('status')).toContainText('Persistent storage: off. The browser may delete');
    await section.getByRole('button', { name: 'Ask the browser again to keep the data' }).click();
    const after = await page.evaluate(() => navigator.storage.persisted());
    await expect(section.getByText(after ? 'Persistent storage: on.' : 'Persistent storage: off.')).toBeVisible();
  }
  const { usage, quota } = await page.evaluate(() => navigator.storage.estimate());
  expect(usage).toBeGreaterThan(0);
  await expect(section).toContainText(/Space used: [\d.,]+ (bytes|KB|MB|GB) of [\d.,]+ (MB|GB) available/);
  // The figure shown is the browser's own quota, in the same unit.
  const shownQuota = (await section.innerText()).match(/of ([\d.,]+) (MB|GB)/)!;
  const inUnit = quota! / (shownQuota[2] === 'GB' ? 1e9 : 1e6);
  expect(Math.abs(Number(shownQuota[1].replace(/,/g, '')) - inUnit)).toBeLessThan(0.1);
  await axe();
});

test('an import that hits the storage quota stops with a plain message and stores nothing', async ({ page, axe }) => {
  await page.goto('/');
  await expect(await loadedStatus(page)).toHaveText(/No data loaded/);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 10_000 });
  await page.getByRole('button', { name: 'Load sample data' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'run out of storage space' });
  await expect(alert).toContainText('The browser has run out of storage space for Waymark: nothing from this import was stored.', { timeout: 30_000 });
  await expect(alert).not.toContainText('QuotaExceeded');
  await expect(alert.getByRole('button', { name: 'Retry the import' })).toBeVisible();
  await expect(await loadedStatus(page)).toHaveText(/No data loaded yet/);
  await expect(page.getByRole('table', { name: 'Import history' })).toHaveCount(0);
  await axe();

  // Retry while the quota still holds fails the same way, and stores nothing either.
  await alert.getByRole('button', { name: 'Retry the import' }).click();
  await expect(alert).toContainText('The browser has run out of storage space for Waymark: nothing from this import was stored.', { timeout: 30_000 });

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  await page.reload();
  await expect(await loadedStatus(page)).toHaveText(/No data loaded yet/);
  await expect(page.getByRole('table', { name: 'Import history' })).toHaveCount(0);
  const stored = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name!);
    let records = 0;
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of ['imports', 'blocks']) {
        if (!db.objectStoreNames.contains(store)) continue;
        records += await new Promise<number>((resolve) => {
          const count = db.transaction(store).objectStore(store).count();
          count.onsuccess = () => resolve(count.result);
        });
      }
      db.close();
    }
    return records;
  });
  expect(stored).toBe(0);
});

test('a case-study edit made just before a reload or closing the tab is there after it', async ({ page, context }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
  await page.getByLabel('Journey').selectOption({ label: 'Megan' });
  await page.getByRole('button', { name: 'Make a case study' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Megan's journey");

  const text = 'Typed just before the reload.';
  await page.getByLabel('What happened and why it mattered').first().fill(text);
  await page.reload();
  await expect(page.getByLabel('What happened and why it mattered').first()).toHaveValue(text);

  // And on closing the tab at once.
  await page.getByLabel('Title').fill('Renamed, then closed');
  const url = page.url();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByLabel('Title')).toHaveValue('Renamed, then closed');
});

test('a case-study edit the browser has no room for says so, never "saved", and Retry saves it', async ({ page, axe }) => {
  // The quota is set before the first import: once the browser makes storage persistent, Chromium
  // no longer applies an override. 2.5 MB holds the sample, not a 3 MB text.
  await page.goto('/');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 2_500_000 });
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
  await page.getByLabel('Journey').selectOption({ label: 'Megan' });
  await page.getByRole('button', { name: 'Make a case study' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Megan's journey");

  // Letters drawn at random, so that the browser cannot compress them below the quota.
  let seed = 12345;
  const letters = Array.from({ length: 3_000_000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
  await page.getByLabel('Presenter notes (only in the presenter\'s window, never on a slide)').first().fill(letters);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your latest changes to this case study were not saved. The browser has run out of storage space for Waymark.', { timeout: 15_000 });
  await expect(alert).not.toContainText('QuotaExceeded');
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toHaveCount(0);
  await axe();

  // With room again, Retry saves them, and they are there after a reload.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  await alert.getByRole('button', { name: 'Retry saving' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your changes to this case study are saved.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  const notes = page.getByLabel('Presenter notes (only in the presenter\'s window, never on a slide)').first();
  const stored = await notes.evaluate((el) => (el as HTMLTextAreaElement).value);
  expect(stored === letters).toBe(true);
});
