import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, loadSample } from './fixtures';

const SAMPLE_IDS = ['MRP-0096', 'MRP-0106', 'MRP-0047'];
const CALENDAR_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|June|July|August|September|October|November|December)\s+\d{4}\b/;

/** The entries of a store-only ZIP (what Waymark writes): name and bytes. */
function readZip(buf: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    expect(buf.readUInt16LE(at + 8), 'stored, not compressed').toBe(0);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const start = at + 30 + nameLen + extraLen;
    out.push({ name, data: buf.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

async function download(page: Page, button: string): Promise<{ name: string; path: string }> {
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await wait;
  return { name: d.suggestedFilename(), path: (await d.path())! };
}

test('make a case study from a journey; presenting needs the check; presenter notes follow in a second window', async ({ page, axe, context }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByLabel('Search by case id or display name').fill('Chelsea');
  await page.getByRole('table', { name: 'Loaded women' }).getByRole('link').first().press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey: Chelsea');
  await axe();
  await page.getByRole('button', { name: 'Make a case study' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Chelsea's journey");
  const studyUrl = page.url();

  await page.getByLabel('Heading').first().fill('First contact');
  await page.getByLabel("Presenter notes (only in the presenter's window, never on a slide)").first().fill('Ask what the worker could try next.');
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.locator('[data-step-index="1"]').getByLabel('Heading').fill('Months later');
  await page.locator('[data-step-index="1"]').getByLabel('From month').fill('2');
  await page.locator('[data-step-index="1"]').getByLabel('To month').fill('6');
  await page.waitForTimeout(400);

  // The present URL cannot skip the re-identification check.
  await page.goto(studyUrl + '/present');
  await expect(page.getByRole('heading', { level: 1, name: "Before presenting: Chelsea's journey" })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Case study presentation' })).toHaveCount(0);
  await axe();
  await expect(page.getByRole('button', { name: 'Present' })).toBeDisabled();
  await page.getByLabel('I have checked this case study and it cannot identify her').check();
  await page.getByRole('button', { name: 'Present' }).click();
  const slides = page.getByRole('region', { name: 'Case study presentation' });
  await expect(slides.getByRole('heading', { name: 'Content note' })).toBeVisible();

  // Presenter notes open in a second window and follow the slides both ways.
  const popupPromise = context.waitForEvent('page');
  await slides.getByRole('button', { name: 'Presenter notes' }).click();
  const notes = await popupPromise;
  await expect(notes.getByRole('heading', { level: 1, name: "Presenter notes: Chelsea's journey" })).toBeVisible();
  await expect(notes.getByRole('status')).toContainText('following the presentation window');
  await expect(notes.getByRole('heading', { name: 'Now: Content note' })).toBeVisible();
  const notesAxe = await new AxeBuilder({ page: notes }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(notesAxe.violations.map((v) => v.id)).toEqual([]);

  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('First contact');
  await expect(notes.getByRole('heading', { name: 'Now: First contact' })).toBeVisible();
  await expect(notes.getByText('Ask what the worker could try next.')).toBeVisible();
  await expect(notes.getByText('Months later (months 2 to 6)')).toBeVisible();
  // The notes are for the presenter only.
  await expect(slides.getByText('Ask what the worker could try next.')).toHaveCount(0);

  await notes.getByRole('button', { name: 'Next slide' }).click();
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Months later');
  await notes.keyboard.press('PageUp');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('First contact');
  await notes.close();

  // Any change after the check asks for it again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Chelsea's journey");
  await expect(page.getByLabel('I have checked this case study and it cannot identify her')).toBeChecked();
  await page.getByLabel('Title').fill("Chelsea's journey (training)");
  await expect(page.getByLabel('I have checked this case study and it cannot identify her')).not.toBeChecked();
  await expect(page.getByRole('link', { name: 'Present' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export pack' })).toBeDisabled();

  // "Delete all data" removes case studies too.
  await page.goto('/#/case-studies');
  await expect(page.getByRole('table', { name: 'Case studies' }).getByRole('link', { name: "Chelsea's journey (training)" })).toBeVisible();
  await page.goto('/');
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data' });
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('All data was deleted from this browser.')).toBeVisible();
  await page.goto('/#/case-studies');
  await expect(page.getByText('No case studies yet.')).toBeVisible();
});

test('slides export as SVG and PNG, and the offline HTML presents with the network blocked', async ({ page, browser }) => {
  await loadSample(page);
  await page.goto('/#/case-studies');
  await page.getByRole('button', { name: 'Add the sample case studies' }).click();
  await page.getByRole('link', { name: "Sue's journey" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Sue's journey");
  const stepCount = await page.locator('[data-step-index]').count();
  const firstHeading = await page.locator('[data-step-index="0"]').getByLabel('Heading').inputValue();
  await expect(page.getByRole('button', { name: 'Export slides (SVG)' })).toBeDisabled();
  await page.getByLabel('I have checked this case study and it cannot identify her').check();

  const svgZip = await download(page, 'Export slides (SVG)');
  expect(svgZip.name).toMatch(/\.slides-svg\.zip$/);
  const svgs = readZip(readFileSync(svgZip.path));
  expect(svgs).toHaveLength(stepCount + 1);
  for (const f of svgs) {
    expect(f.name).toMatch(/^slide-\d{2}\.svg$/);
    const text = f.data.toString("utf8").replace(/xmlns(:\w+)?="[^"]*"/g, "");
    expect(text.startsWith('<svg') || text.startsWith('<?xml')).toBe(true);
    for (const id of SAMPLE_IDS) expect(text).not.toContain(id);
    expect(text.match(CALENDAR_DATE)).toBeNull();
  }
  expect(svgs[1].data.toString('utf8')).toContain(firstHeading.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));

  const pngZip = await download(page, 'Export slides (PNG)');
  expect(pngZip.name).toMatch(/\.slides-png\.zip$/);
  const pngs = readZip(readFileSync(pngZip.path));
  expect(pngs).toHaveLength(stepCount + 1);
  for (const f of pngs) {
    expect(f.name).toMatch(/^slide-\d{2}\.png$/);
    expect([...f.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(f.data.length).toBeGreaterThan(5_000);
  }

  const html = await download(page, 'Export offline presentation (HTML)');
  expect(html.name).toMatch(/\.html$/);
  const htmlText = readFileSync(html.path, 'utf8');
  for (const id of SAMPLE_IDS) expect(htmlText).not.toContain(id);
  expect(htmlText).not.toMatch(/https?:|\/\/[a-z]/i);

  // A fresh profile with no network and no Waymark data opens the file on its own.
  const offline = await browser.newContext({ offline: true, locale: 'en-GB', timezoneId: 'Pacific/Auckland' });
  const requests: string[] = [];
  offline.on('request', (r) => requests.push(r.url()));
  const show = await offline.newPage();
  // Saved under its own name, as a trainer's browser would save it.
  const saved = join(mkdtempSync(join(tmpdir(), 'waymark-offline-')), html.name);
  copyFileSync(html.path, saved);
  const fileUrl = pathToFileURL(saved).href;
  await show.goto(fileUrl);
  await expect(show.getByRole('heading', { level: 1, name: "Sue's journey" })).toBeVisible();
  await expect(show.getByText(`Slide 1 of ${stepCount + 1}`)).toBeVisible();
  const offlineAxe = await new AxeBuilder({ page: show }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(offlineAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
  await show.keyboard.press('ArrowRight');
  await expect(show.getByText(`Slide 2 of ${stepCount + 1}`)).toBeVisible();
  await expect(show.getByRole('heading', { level: 1, name: firstHeading })).toBeVisible();
  await expect(show.getByRole('img', { name: /Her journey up to/ })).toBeVisible();
  await show.keyboard.press('End');
  await expect(show.getByText(`Slide ${stepCount + 1} of ${stepCount + 1}`)).toBeVisible();
  await show.keyboard.press('PageUp');
  await expect(show.getByText(`Slide ${stepCount} of ${stepCount + 1}`)).toBeVisible();
  expect(requests.filter((u) => u !== fileUrl)).toEqual([]);
  await offline.close();
});
