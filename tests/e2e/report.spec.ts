/**
 * The commissioner's report (issue 14, point 5): made from the Cohort screen, always in share
 * mode; printed, it fits A4; downloaded, it is one offline HTML file that opens from disk with the
 * network blocked, holds no count from 1 to the threshold, and passes axe.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, csvFile, waitForStoredCounts } from './fixtures';
import { collectFigures, smallCounts, type Figures } from '../support/small-counts';

const figuresOf = (page: Page): Promise<Figures> => page.evaluate(`(${collectFigures.toString()})(document)`) as Promise<Figures>;
/** A4 is 210 mm wide; the report's page has 12 mm margins: 186 mm at 96 CSS pixels an inch. */
const A4_CONTENT_WIDTH = Math.floor((186 / 25.4) * 96);
const A4_CONTENT_HEIGHT = Math.floor((269 / 25.4) * 96);

async function openReport(page: Page): Promise<void> {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort', exact: true }).click();
  // The screen's share mode off: the report is made in share mode all the same.
  await page.getByLabel('Share mode (suppress small numbers)').uncheck();
  await page.getByRole('button', { name: "Make a commissioner's report" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Commissioner's report" })).toBeVisible();
}

test('the report is made in share mode, keyboard-accessible, and its offline file opens from disk with no request', async ({ page, axe, browser }) => {
  await openReport(page);
  const report = page.getByRole('article', { name: "Commissioner's report" });
  await expect(report.getByText("This report is always made in share mode, whatever the Cohort screen's setting.")).toBeVisible();
  await expect(report.getByRole('heading', { level: 2, name: 'Sources' })).toBeVisible();
  await expect(report.getByRole('table', { name: 'Cohort summary' })).toContainText('[c]');
  await axe();
  expect(smallCounts(await figuresOf(page), 9)).toEqual([]);

  // The checklist by keyboard: leave the needs chart out.
  await page.getByRole('checkbox', { name: 'Needs that occur together' }).focus();
  await page.keyboard.press('Space');
  await expect(report.getByRole('heading', { level: 2, name: 'Needs that occur together' })).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(report.getByRole('heading', { level: 2, name: 'Needs that occur together' })).toBeVisible();

  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download report (HTML)' }).click();
  const download = await wait;
  expect(download.suggestedFilename()).toBe('commissioners-report.html');
  const path = (await download.path())!;
  const text = readFileSync(path, 'utf8');
  expect(text).not.toMatch(/<script|https?:|\/\/[a-z]/i);

  // A fresh profile, offline, every request routed and refused: the file needs none.
  const offline = await browser.newContext({ offline: true, locale: 'en-GB', timezoneId: 'Pacific/Auckland' });
  const requests: string[] = [];
  const routed: string[] = [];
  offline.on('request', (r) => requests.push(r.url()));
  const saved = join(mkdtempSync(join(tmpdir(), 'waymark-report-')), download.suggestedFilename());
  copyFileSync(path, saved);
  const fileUrl = pathToFileURL(saved).href;
  // Only the file itself is let through.
  await offline.route('**/*', (route) => {
    const url = route.request().url();
    routed.push(url);
    return url === fileUrl ? route.continue() : route.abort();
  });
  const show = await offline.newPage();
  await show.goto(fileUrl);
  await expect(show.getByRole('heading', { level: 1, name: "Commissioner's report" })).toBeVisible();
  await expect(show.getByText("This report is always made in share mode, whatever the Cohort screen's setting.")).toBeVisible();
  await expect(show.getByRole('table', { name: 'Cohort summary' })).toBeVisible();
  await expect(show.getByRole('img', { name: /Criminal justice outcomes of crimes, by area/ })).toBeVisible();
  const figures = await figuresOf(show);
  expect(figures.cells.length).toBeGreaterThan(50);
  expect(smallCounts(figures, 9)).toEqual([]);
  const offlineAxe = await new AxeBuilder({ page: show }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(offlineAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
  expect(requests.filter((u) => u !== fileUrl)).toEqual([]);
  expect(routed.filter((u) => u !== fileUrl)).toEqual([]);
  await offline.close();
});

test('printed, the report fits A4: nothing wider than the page, no chart taller than a page, a page per section', async ({ page }) => {
  await openReport(page);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: A4_CONTENT_HEIGHT });
  await expect(page.getByRole('button', { name: 'Download report (HTML)' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const layout = await page.evaluate(() => {
    const doc = document.querySelector('.report-document')!;
    const boxes = [...doc.querySelectorAll('svg, table, p, h1, h2, h3, li')].map((e) => ({ tag: e.tagName, ...e.getBoundingClientRect().toJSON() }));
    const frames = [...doc.querySelectorAll('.chart-frame')].map((e) => e.getBoundingClientRect().height);
    const breaks = [...doc.querySelectorAll(':scope > section')].map((s) => getComputedStyle(s).breakBefore);
    return { scrollWidth: document.documentElement.scrollWidth, boxes, frames, breaks };
  });
  expect(layout.scrollWidth).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  for (const b of layout.boxes) expect(b.right, `${b.tag} fits the page width`).toBeLessThanOrEqual(A4_CONTENT_WIDTH + 0.5);
  expect(layout.frames.length).toBeGreaterThanOrEqual(4);
  for (const h of layout.frames) expect(h).toBeLessThanOrEqual(A4_CONTENT_HEIGHT);
  expect(layout.breaks.slice(1).every((b) => b === 'page')).toBe(true);
  // Chromium prints it on A4.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(REPORT_MIN_PAGES);
});

/** The first page, the headline figures and the five charts: a page each at least. */
const REPORT_MIN_PAGES = 7;

test('a period with no referrals says there is nothing to report', async ({ page, axe }) => {
  await openReport(page);
  await page.getByLabel('Referred from').fill('2030-01-01');
  await page.getByLabel('Referred from').blur();
  await page.getByLabel('Referred to').fill('2030-12-31');
  await page.getByLabel('Referred to').blur();
  const report = page.getByRole('article', { name: "Commissioner's report" });
  await expect(report.getByText('No women were referred in this period')).toBeVisible();
  await expect(report.getByRole('table')).toHaveCount(0);
  await expect(report.locator('svg')).toHaveCount(0);
  await axe();
});

/** The sample's cases spread over 40 areas (2 or 3 women each), with their police incidents; no names. */
function fortyAreas(): { name: string; mimeType: string; buffer: Buffer }[] {
  const dir = join(import.meta.dirname, '../../sample-data');
  const lines = readFileSync(join(dir, 'cases.csv'), 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const drop = header.indexOf('display_name');
  const cases = lines.map((line, i) => {
    const cells = line.split(',');
    if (i > 0) cells[1] = `Area ${String((i % 40) + 1).padStart(2, '0')}`;
    return cells.filter((_, j) => j !== drop).join(',');
  });
  return [csvFile('cases.csv', cases.join('\n') + '\n'), csvFile('incidents.csv', readFileSync(join(dir, 'incidents.csv'))) ];
}

test('40 areas of 1 to 3 women: the report says every area is hidden instead of drawing empty charts, and still fits A4', async ({ page, axe }) => {
  await page.goto('/');
  const files = fortyAreas();
  await page.getByLabel('Import case files').setInputFiles(files);
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  const incidents = readFileSync(join(import.meta.dirname, '../../sample-data/incidents.csv'), 'utf8').trimEnd().split('\n').length - 1;
  await waitForStoredCounts(page, 111, incidents);
  await page.goto('/#/report?group=area');
  const report = page.getByRole('article', { name: "Commissioner's report" });
  await expect(report.getByText('Every area has too few women to show its figures on its own')).toBeVisible();
  const summary = report.getByRole('table', { name: 'Cohort summary' });
  await expect(summary.getByRole('row')).toHaveCount(42);
  for (const title of ['Risk mix', 'Police incidents per woman per 30 days']) {
    const section = report.getByRole('region', { name: title, exact: true });
    await expect(section.getByText('Not drawn: every figure of this chart is hidden in share mode')).toBeVisible();
    await expect(section.locator('svg')).toHaveCount(0);
  }
  expect(smallCounts(await figuresOf(page), 9)).toEqual([]);
  await axe();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: A4_CONTENT_HEIGHT });
  const fit = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    tallest: Math.max(...[...document.querySelectorAll('.report-document .chart-frame')].map((e) => e.getBoundingClientRect().height)),
  }));
  expect(fit.scrollWidth).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  expect(fit.tallest).toBeLessThanOrEqual(A4_CONTENT_HEIGHT);
});
