import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { test, expect, csvFile, loadSample } from './fixtures';

const SAMPLE = path.resolve(import.meta.dirname, '../../sample-data');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Row = Record<string, string>;
function sample(file: string): Row[] {
  return Papa.parse<Row>(readFileSync(path.join(SAMPLE, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}
/** "2014-04-11" as the app writes it: "11 April 2014". */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const cases = sample('cases.csv');
const idOf = (name: string) => cases.find((c) => c.display_name === name)!.case_id;
const MEGAN = idOf('Megan');

async function openJourney(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByLabel('Search by case id or display name').fill(name);
  await page.getByRole('table', { name: 'Loaded women' }).getByRole('link').first().press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Journey: ${name}`);
}

function eventRows(page: Page, lane: string): Locator {
  return page
    .getByRole('table', { name: /^All events for / })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: lane, exact: true }) });
}

async function showTable(page: Page) {
  await page.getByRole('button', { name: 'Show the table of events' }).click();
  await expect(page.getByRole('table', { name: /^All events for / })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await loadSample(page);
});

test('the list searches by id or name, filters by area, moves by arrow keys and opens with Enter', async ({ page, axe }) => {
  await page.getByRole('link', { name: 'Journeys' }).click();
  await expect(page).toHaveURL(/#\/journeys$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Loaded women' });
  await expect(page.getByText('Showing 1 to 100 of 111 women.')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(101);
  await axe();

  const city = cases.filter((c) => c.area === 'City').length;
  await page.getByLabel('Area').selectOption('City');
  await expect(page.getByText(`Showing 1 to ${city} of ${city} women (of 111 loaded).`)).toBeVisible();
  await page.getByLabel('Area').selectOption('');

  await page.getByLabel('Search by case id or display name').fill('megan');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(MEGAN);
  await page.getByLabel('Search by case id or display name').fill(MEGAN.toLowerCase());
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.getByLabel('Search by case id or display name').fill('');
  const links = table.getByRole('link');
  await links.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const second = cases[1].case_id;
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/journeys/${encodeURIComponent(second)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Journey: ${cases[1].display_name || second}`);

  // The journey has a URL of its own that survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Journey: ${cases[1].display_name || second}`, { timeout: 30_000 });
  await page.getByRole('link', { name: 'All journeys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
});

test("Megan's journey reads as the report tells it", async ({ page }) => {
  await openJourney(page, 'Megan');
  await expect(page.getByText(`Case id ${MEGAN}`)).toBeVisible();

  // Her assessments, as the CSV holds them, are medium, high, medium, high, standard.
  const assessments = sample('risk_assessments.csv').filter((r) => r.case_id === MEGAN).sort((a, b) => a.date.localeCompare(b.date));
  expect(assessments.map((r) => r.level)).toEqual(['medium', 'high', 'medium', 'high', 'standard']);
  // The report: medium at the start (March 2014), high a month later, medium July 2014, high
  // December 2014, standard from January 2015.
  expect(assessments.map((r) => r.date.slice(0, 7))).toEqual(['2014-03', '2014-04', '2014-07', '2014-12', '2015-01']);

  const summary = page.getByTestId('journey-summary');
  await expect(summary).toContainText('Referred March 2014 at medium risk');
  await expect(summary).toContainText('high risk from April 2014 (police) after threats to kill');
  await expect(summary).toContainText('medium risk from July 2014');
  await expect(summary).toContainText('high risk from December 2014');
  await expect(summary).toContainText('standard risk from January 2015');
  await expect(summary).toContainText('a MARAC referral');
  const text = (await summary.textContent()) ?? '';
  const sequence = [...text.matchAll(/(standard|medium|high) risk/g)].map((m) => m[1]);
  expect(sequence).toEqual(['medium', 'high', 'medium', 'high', 'standard']);

  await showTable(page);
  const risk = eventRows(page, 'Risk');
  await expect(risk).toHaveCount(5);
  for (const [i, a] of assessments.entries()) {
    await expect(risk.nth(i).getByRole('cell').nth(0)).toHaveText(longDate(a.date));
    await expect(risk.nth(i).getByRole('cell').nth(2)).toHaveText(`${a.level[0].toUpperCase()}${a.level.slice(1)} risk`);
  }

  // The order, the MARAC referral and the child-protection events, on the dates in the files.
  const milestones = sample('milestones.csv').filter((r) => r.case_id === MEGAN);
  const dateOf = (kind: string) => milestones.find((m) => m.kind === kind)!.date;
  const expected: [string, string, string][] = [
    ['order_granted', 'Order granted', '2014-04'],
    ['marac_referral', 'MARAC referral', '2014-04'],
    ['cp_plan_started', 'Child protection plan started', '2014-04'],
    ['cp_plan_ended', 'Child protection plan ended', '2014-05'],
  ];
  const rows = eventRows(page, 'Milestones');
  for (const [kind, label, month] of expected) {
    const iso = dateOf(kind);
    expect(iso.slice(0, 7), `${kind} in the report's month`).toBe(month);
    await expect(rows.filter({ has: page.getByRole('cell', { name: label, exact: true }) }).getByRole('cell').nth(0)).toHaveText(longDate(iso));
    // The flag on the chart says the same.
    await expect(page.getByRole('button', { name: new RegExp(`^${label}\\. ${longDate(iso)}`) })).toHaveCount(1);
  }
  // The order as support too: the worker helped her apply for it the day before it was granted.
  const order = sample('support.csv').find((s) => s.case_id === MEGAN && s.category === 'legal_order')!;
  await expect(eventRows(page, 'Support').filter({ hasText: 'Restraining or non-molestation order' }).getByRole('cell').nth(0)).toHaveText(longDate(order.date));

  // Lanes are labelled groups; the police assessed her too, so the assessors show side by side.
  await expect(page.getByRole('group', { name: /^Risk: 16 gradings in 3 rows/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Police incidents: 11/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Crime: threats to kill, 8 April 2014\. DASH risk after it: High\. Criminal justice outcome: No further action/ })).toHaveCount(1);
});

test('the other two case studies: Sue high then medium then standard, Chelsea an old IDVA grading that fades', async ({ page }) => {
  await openJourney(page, 'Sue');
  const sue = page.getByTestId('journey-summary');
  await expect(sue).toContainText('Referred January 2014 at high risk (worker); medium risk from January 2014 (worker)');
  await expect(sue).toContainText('standard risk from October 2014 (worker)');
  await expect(sue).toContainText('a MARAC referral followed; still open at the last record');

  await openJourney(page, 'Chelsea');
  const idva = page.getByRole('button', { name: /^High risk from 12 June 2012\. Assessed by: IDVA/ });
  await expect(idva).toHaveCount(2);
  await expect(idva.first()).toHaveAccessibleName(/No reassessment for 6 months: faded from 12 December 2012/);
});

test('a source with no records says so on its lane', async ({ page, axe }) => {
  await page.goto('/');
  await page.getByLabel('Import case files').setInputFiles([
    csvFile('cases-quiet.csv', 'case_id,area,referral_date,display_name\nE2E-Q1,City,2014-06-02,\n'),
    csvFile('contacts-quiet.csv', 'case_id,date,mode,result\nE2E-Q1,2014-06-04,phone,attempted\nE2E-Q1,2014-06-05,phone,successful\n'),
    csvFile('milestones-quiet.csv', 'case_id,date,kind,detail\nE2E-Q1,2014-07-01,other,"=SUM(1,2)"\n'),
  ]);
  await expect(page.getByRole('table', { name: 'Import report' })).toContainText('cases-quiet.csv', { timeout: 30_000 });
  await page.goto('/#/journeys/E2E-Q1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey: E2E-Q1', { timeout: 30_000 });
  await expect(page.getByText('No records from the police (incidents.csv)', { exact: true })).toBeVisible();
  await expect(page.getByText('No records from outcome measures (outcomes.csv)', { exact: true })).toBeVisible();
  await expect(page.getByText('No records from support records (support.csv)', { exact: true })).toBeVisible();
  await expect(page.getByText('No records from risk assessments (risk_assessments.csv) or police DASH gradings (incidents.csv)', { exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Police incidents: No records from the police (incidents.csv)' })).toBeVisible();
  await expect(page.getByTestId('journey-summary')).toContainText('Referred June 2014 with no risk grading on record');
  await expect(page.getByTestId('journey-summary')).toContainText('No records from the police (incidents.csv).');
  await page.getByLabel('Months since referral').check();
  await axe();

  // The events CSV escapes a cell a spreadsheet would run as a formula.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download events (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('journey-E2E-Q1-events.csv');
  const csv = readFileSync(await file.path(), 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('date,lane,what,detail,source');
  expect(lines).toContain(`2014-07-01,Milestones,Other,"'=SUM(1,2)",milestones.csv`);
  expect(lines).toContain('2014-06-04,Contacts,Contact: attempted (no answer or no reply),Phone,contacts.csv');
  expect(csv).not.toMatch(/(^|,)=SUM/m);
});

test('zoom and pan by wheel, drag, buttons and keys; tooltips pin; the cursor reads risk and scores', async ({ page }) => {
  await openJourney(page, 'Megan');
  const chart = page.getByRole('group', { name: /^Megan: risk, police incidents/ });
  const svg = chart.locator('svg');
  const threat = page.getByRole('button', { name: /^Crime: threats to kill, 8 April 2014/ });
  // Where the mark is on screen (zoom moves the lane's layer, not the mark's own attributes).
  const cx = async () => {
    const b = (await threat.boundingBox())!;
    return b.x + b.width / 2;
  };
  const start = await cx();

  // Buttons.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await cx();
  expect(zoomed).not.toBeCloseTo(start, 0);
  await page.getByRole('button', { name: 'Later' }).click();
  expect(await cx()).toBeLessThan(zoomed);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  expect(await cx()).toBeCloseTo(start, 1);

  // Keys on the focused chart: + zooms, arrows pan, 0 resets.
  await chart.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const keyZoomed = await cx();
  expect(Math.abs(keyZoomed - start)).toBeGreaterThan(20);
  await page.keyboard.press('ArrowRight');
  expect(await cx()).toBeLessThan(keyZoomed);
  await page.keyboard.press('-');
  await page.keyboard.press('0');
  expect(await cx()).toBeCloseTo(start, 1);

  // Wheel zooms around the pointer, drag pans.
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await page.mouse.wheel(0, -600);
  await expect.poll(cx).not.toBeCloseTo(start, 0);
  const wheeled = await cx();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6 - 120, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  expect(await cx()).toBeCloseTo(wheeled - 120, -1);
  await page.keyboard.press('0');

  // The cursor line reads out the risk and latest scores at the pointer's date.
  await threat.hover();
  const readout = chart.locator('.cursor-readout');
  await expect(readout).toContainText('8 April 2014 (month 1 after referral)');
  await expect(readout).toContainText('Risk: High, Police, 8 Apr 2014');
  await expect(readout).toContainText('Worker said: Medium, 10 Mar 2014');
  await expect(readout).toContainText(/Latest scores: Confidence \d of 8/);

  // Hover shows a tooltip; a click pins it so it stays when the pointer leaves; Escape releases it.
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('Crime: threats to kill, 8 April 2014');
  await expect(tooltip).toContainText('Criminal justice outcome: No further action');
  await threat.click();
  await page.getByRole('heading', { level: 1 }).hover();
  await page.waitForTimeout(400);
  await expect(tooltip).toContainText('Pinned');
  await expect(tooltip).toContainText('Crime: threats to kill');
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();

  // Keyboard: Tab reaches the first risk mark; arrows move along and between rows.
  await chart.focus();
  await page.keyboard.press('Tab');
  const focusedKey = () => page.evaluate(() => (document.activeElement as HTMLElement | SVGElement | null)?.dataset?.key ?? '');
  expect(await focusedKey()).toMatch(/^risk:all:/);
  await expect(tooltip).toContainText('Standard risk from 20 April 2013');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip).toContainText('Medium risk from 13 July 2013');
  await page.keyboard.press('ArrowDown');
  expect(await focusedKey()).toMatch(/^risk:police:/);
  await page.keyboard.press('Enter');
  await expect(tooltip).toContainText('Pinned');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focusedKey()).toMatch(/^incidents:/);

  // Months since referral on the axis.
  await page.getByLabel('Months since referral').check();
  await expect(svg.getByText('Months since referral (0 = 3 Mar 2014)')).toBeVisible();
  await expect(svg.getByText('+12', { exact: true })).toBeVisible();
  await page.getByLabel('Calendar dates').check();
  await expect(svg.getByText('Date', { exact: true })).toBeVisible();
});

test('axe finds nothing with a journey open, a tooltip pinned and the table shown', async ({ page, axe }) => {
  await openJourney(page, 'Megan');
  await page.getByRole('button', { name: /^Order granted\./ }).click();
  await expect(page.getByRole('tooltip')).toContainText('Pinned');
  await showTable(page);
  await page.getByRole('button', { name: 'What' }).click();
  await expect(page.getByRole('columnheader', { name: 'What' })).toHaveAttribute('aria-sort', 'ascending');
  await axe();
});

test('the chart exports as SVG and PNG, and prints on one landscape page', async ({ page }) => {
  await openJourney(page, 'Megan');

  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download chart (SVG)' }).click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toBe(`journey-${MEGAN}.svg`);
  const svg = readFileSync(await svgFile.path(), 'utf8');
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('<title>Journey: Megan</title>');
  expect(svg).toContain('Order granted');
  expect(svg).not.toContain('tabindex');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download chart (PNG)' }).click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toBe(`journey-${MEGAN}.png`);
  const png = readFileSync(await pngFile.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(1500);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  const [, , , w, h] = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(pdf)!.map(Number);
  expect(w).toBeGreaterThan(h);
});
