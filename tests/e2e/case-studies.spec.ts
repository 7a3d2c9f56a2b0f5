import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, ORIGIN, watchRequests } from './fixtures';

const MEGAN_ID = 'MRP-0106';
const SAMPLE_IDS = ['MRP-0096', 'MRP-0106', 'MRP-0047'];
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const CALENDAR_DATE = new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}\\s+(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{4}\\b|\\b(?:19|20)\\d{2}\\b`);

async function expectNoIdentifiers(page: Page) {
  const text = await page.locator('body').innerText();
  for (const id of SAMPLE_IDS) expect(text).not.toContain(id);
  expect(text.match(CALENDAR_DATE)).toBeNull();
}

test('build, present, export and re-import a case study', async ({ page, axe, browser }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case studies' })).toBeVisible();
  await page.getByLabel('Journey').selectOption({ label: 'Megan' });
  await page.getByRole('button', { name: 'Make a case study' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Megan's journey");

  await page.getByLabel('Heading').first().fill('Still with him');
  await page.getByRole('button', { name: 'Add a step' }).click();
  const second = page.locator('[data-step-index="1"]');
  await expect(second.getByLabel('Heading')).toBeFocused();
  await second.getByLabel('Heading').fill('Leaving');
  await second.getByLabel('From month').fill('1');
  await second.getByLabel('To month').fill('3');
  await second.getByLabel('What happened and why it mattered').fill('She ended the relationship and the risk rose.');
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.locator('[data-step-index="2"]').getByLabel('Heading').fill('Later');

  // Keyboard reordering: Alt+ArrowUp moves the step the focus is in, and the focus follows it.
  await page.locator('[data-step-index="2"]').getByLabel('Heading').press('Alt+ArrowUp');
  await expect(page.locator('[data-step-index="1"]').getByLabel('Heading')).toHaveValue('Later');
  await expect(page.locator('[data-step-index="1"]').getByLabel('Heading')).toBeFocused();
  await page.locator('[data-step-index="1"]').getByLabel('Heading').press('Alt+ArrowDown');
  await expect(page.locator('[data-step-index="2"]').getByLabel('Heading')).toHaveValue('Later');

  // Delete with undo.
  await page.getByRole('button', { name: 'Delete step 3' }).click();
  await expect(page.locator('[data-step-index="2"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo delete of "Later"' }).click();
  await expect(page.locator('[data-step-index="2"]').getByLabel('Heading')).toHaveValue('Later');
  await page.getByRole('button', { name: 'Delete step 3' }).click();
  await expect(page.locator('[data-step-index="2"]')).toHaveCount(0);

  await expect(page.getByRole('heading', { name: 'Re-identification check' })).toBeVisible();
  await expect(page.getByText('6 women in the loaded data share her profile')).toBeVisible();
  // Showing her area makes her profile rare, and the check says so.
  await page.getByLabel('Show her area').check();
  await expect(page.getByText(/rare combination:.*in the loaded data (has|share) this combination/)).toBeVisible();
  await page.getByLabel('Show her area').uncheck();
  await expect(page.getByText('6 women in the loaded data share her profile')).toBeVisible();
  await expectNoIdentifiers(page);
  await axe();

  // Survives a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.locator('[data-step-index="1"]').getByLabel('Heading')).toHaveValue('Leaving');

  await page.getByLabel('I have checked this case study and it cannot identify her').check();
  await page.getByRole('link', { name: 'Present' }).click();
  const slides = page.getByRole('region', { name: 'Case study presentation' });
  await expect(slides.getByRole('heading', { name: 'Content note' })).toBeVisible();
  await expectNoIdentifiers(page);
  await axe();
  await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Still with him');
  await page.keyboard.press('PageDown');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Leaving');
  await expect(slides.getByText('Step 2 of 2: months 1 to 3 since referral')).toBeVisible();
  await expect(slides.getByRole('img', { name: /up to month 3/ })).toBeVisible();
  await expectNoIdentifiers(page);
  await axe();
  await page.keyboard.press('PageUp');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Still with him');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Megan's journey");

  await page.getByLabel('I have checked this case study and it cannot identify her').check();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pack' }).click();
  const download = await downloadPromise;
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const pack = JSON.parse(text);
  expect(pack.formatVersion).toBe(1);
  expect(pack.steps.map((s: { heading: string }) => s.heading)).toEqual(['Still with him', 'Leaving']);
  expect(text).not.toContain(MEGAN_ID);
  expect(text).not.toContain('caseKey');
  expect(text.match(CALENDAR_DATE)).toBeNull();

  // A fresh profile with no data imports the pack into its case studies only.
  const fresh = await browser.newContext({ locale: 'en-GB', timezoneId: 'Pacific/Auckland' });
  const offOrigin: string[] = [];
  const other = await fresh.newPage();
  watchRequests(other, offOrigin);
  await other.goto(`${ORIGIN}/#/case-studies`);
  await other.getByLabel('Case study pack (JSON)').setInputFiles({ name: 'megan.case-study.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(other.getByRole('status').filter({ hasText: "Imported \"Megan's journey\"." })).toBeVisible();
  await other.getByRole('link', { name: "Megan's journey" }).click();
  await expect(other.locator('[data-step-index="1"]').getByLabel('Heading')).toHaveValue('Leaving');
  await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data', exact: true }).click();
  await expect(other.getByText('No data loaded', { exact: false }).first()).toBeVisible();
  await fresh.close();
  expect(offOrigin).toEqual([]);
});

test('the sample journeys ship as case studies with no case id or date on any slide', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  // Loading the sample made them; the button adds none again.
  await expect(page.getByText("The sample's ready-made case studies (Sue, Megan and Chelsea) are in Case studies: 3 added.")).toBeVisible();
  await page.goto('/#/case-studies');
  await page.getByRole('button', { name: 'Add the sample case studies' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The sample case studies are already here.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Case studies' }).getByRole('row')).toHaveCount(4);
  for (const name of ['Sue', 'Megan', 'Chelsea']) {
    await page.goto('/#/case-studies');
    await page.getByRole('link', { name: `${name}'s journey` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Case study: ${name}'s journey`);
    await page.getByLabel('I have checked this case study and it cannot identify her').check();
    await page.getByRole('link', { name: 'Present' }).click();
    const slides = page.getByRole('region', { name: 'Case study presentation' });
    const counter = slides.getByText(/^Slide \d+ of \d+$/).first();
    await expect(counter).toBeVisible();
    const total = Number((await counter.innerText()).split(' of ')[1]);
    expect(total).toBeGreaterThanOrEqual(5);
    for (let i = 1; i <= total; i++) {
      await expect(counter).toHaveText(`Slide ${i} of ${total}`);
      await expectNoIdentifiers(page);
      if (i === 3 && name === 'Sue') await page.screenshot({ path: 'test-results/case-study-present.png' });
      await slides.locator('.room').click({ position: { x: 5, y: 5 } });
    }
    await page.keyboard.press('Escape');
  }
});

test('a case-study pack passes the privacy guard before anything is stored', async ({ page, axe }) => {
  const pack = {
    format: 'waymark-case-study',
    formatVersion: 1,
    title: 'A pack with identifying data',
    contentNote: 'Domestic abuse.',
    steps: [{ fromMonth: 0, toMonth: 3, heading: 'Referral', text: 'Referred by the police.', lanes: ['risk', 'contacts', 'support'], notes: '' }],
    journey: {
      ageBand: '25-34',
      area: 'Mrs Jane Smith of NG1 5AB',
      ethnicity: null,
      needs: ['housing'],
      lastMonth: 12,
      events: [
        { lane: 'contacts', month: 1, toMonth: null, label: 'Phone call', level: null, detail: 'Call her on 07700 900123' },
        { lane: 'support', month: 2, toMonth: null, label: 'Housing', level: null, detail: 'Write to safe.me@example.net' },
      ],
    },
  };
  const file = { name: 'flagged.case-study.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) };
  const RAW = ['Jane', 'Smith', 'NG1 5AB', '07700', '900123', 'safe.me', 'example.net'];
  await page.goto('/#/case-studies');
  await page.getByLabel('Case study pack (JSON)').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Possible identifying data in this pack' });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: 'Possible identifying values in the pack (masked)' });
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Area' }) })).toContainText('Postcode, Title and name');
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Event 1 detail' }) })).toContainText('Phone number');
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Event 2 detail' }) })).toContainText('Email address');
  const content = await page.content();
  for (const raw of RAW) expect(content).not.toContain(raw);
  await axe();

  // Cancelling stores nothing.
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The pack flagged.case-study.json was not imported: nothing was stored.' })).toBeVisible();
  await expect(page.getByRole('link', { name: pack.title })).toHaveCount(0);

  // Removing the flagged text imports the rest.
  await page.getByLabel('Case study pack (JSON)').setInputFiles(file);
  await page.getByRole('dialog', { name: 'Possible identifying data in this pack' }).getByRole('button', { name: 'Remove the flagged text and import' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Imported "${pack.title}" without the 3 flagged values.` })).toBeVisible();
  await page.getByRole('link', { name: pack.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Case study: ${pack.title}`);
  const shown = (await page.locator('body').innerText()) + (await page.content());
  for (const raw of RAW) expect(shown).not.toContain(raw);
});
