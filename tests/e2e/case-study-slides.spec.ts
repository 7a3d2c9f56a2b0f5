import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SAMPLE_IDS = ['MRP-0096', 'MRP-0106', 'MRP-0047'];
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const CALENDAR_DATE = new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}\\s+(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{4}\\b|\\b(?:19|20)\\d{2}\\b`);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHECK = 'I have checked this case study and it cannot identify her';
const READY = "The sample's ready-made case studies (Sue, Megan and Chelsea) are in Case studies: 3 added.";

async function loadSampleWithStudies(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(READY)).toBeVisible({ timeout: 15_000 });
}

async function present(page: Page, name: string): Promise<Locator> {
  await page.goto('/#/case-studies');
  await page.getByRole('link', { name: `${name}'s journey` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Case study: ${name}'s journey`);
  await page.getByLabel(CHECK).check();
  await page.getByRole('link', { name: 'Present' }).click();
  const slides = page.getByRole('region', { name: 'Case study presentation' });
  await expect(slides.getByRole('heading', { name: 'Content note' })).toBeVisible();
  return slides;
}

/** The marks of a drawn journey chart, in drawing order: what each is and, for risk, its level. */
async function marksOf(svg: Locator): Promise<string[]> {
  return svg.evaluate((el) => [...el.querySelectorAll('[data-mark]')].map((m) => `${m.tagName.toLowerCase()}:${m.getAttribute('data-mark')}${m.getAttribute('data-level') ? `:${m.getAttribute('data-level')}` : ''}`));
}

/** The same, read from SVG or HTML text. */
function marksInMarkup(markup: string): string[] {
  return [...markup.matchAll(/<(\w+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)].flatMap((m) => {
    const mark = /\sdata-mark="([^"]+)"/.exec(m[2]);
    if (!mark) return [];
    const level = /\sdata-level="([^"]+)"/.exec(m[2]);
    return [`${m[1].toLowerCase()}:${mark[1]}${level ? `:${level[1]}` : ''}`];
  });
}

async function expectNoIdentifiers(page: Page) {
  const text = await page.locator('body').innerText();
  for (const id of SAMPLE_IDS) expect(text).not.toContain(id);
  expect(text.match(CALENDAR_DATE)).toBeNull();
}

test('loading the sample makes the three ready-made case studies once; deleting all data removes them', async ({ page }) => {
  await loadSampleWithStudies(page);
  await page.goto('/#/case-studies');
  const table = page.getByRole('table', { name: 'Case studies' });
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const name of ['Sue', 'Megan', 'Chelsea']) await expect(table.getByRole('link', { name: `${name}'s journey` })).toBeVisible();

  // Loading the sample again adds none.
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText("The sample's ready-made case studies (Sue, Megan and Chelsea) are already in Case studies.")).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/case-studies');
  await expect(table.getByRole('row')).toHaveCount(4);

  await page.goto('/');
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data' });
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('All data was deleted from this browser.')).toBeVisible();
  await page.goto('/#/case-studies');
  await expect(page.getByText('No case studies yet.')).toBeVisible();
});

test("Megan's step 3 slide draws risk bands, labelled turning points and her outcome lines, with no calendar date; the presenter sees the next slide and a timer", async ({ page, axe, context }) => {
  await loadSampleWithStudies(page);
  const slides = await present(page, 'Megan');
  await axe();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Risk that goes up and down');
  await expect(slides.getByText('Step 3 of 4: months 3 to 11 since referral')).toBeVisible();
  const chart = slides.getByRole('img', { name: 'Her journey up to month 11, months 3 to 11 highlighted' });
  await expect(chart).toBeVisible();
  // Risk as bands by level, each labelled; the levels she lived at between assessments.
  const bands = chart.locator('[data-mark="risk-band"]');
  expect(await bands.count()).toBeGreaterThan(2);
  const levels = new Set(await bands.evaluateAll((els) => els.map((e) => e.getAttribute('data-level'))));
  expect([...levels].sort()).toEqual(['high', 'medium', 'standard']);
  expect(await chart.locator('[data-mark="risk-label"]').count()).toBeGreaterThan(0);
  // Turning points with their names: leaving him, the order, the MARAC referral.
  const turning = await chart.locator('[data-mark="turning-point-label"]').allTextContents();
  expect(turning.length).toBeGreaterThanOrEqual(2);
  for (const t of turning) expect(t.trim()).not.toBe('');
  // Her outcome "batteries": one line a domain, first and latest scores written.
  expect(await chart.locator('[data-mark="outcome-line"]').count()).toBeGreaterThanOrEqual(3);
  expect(await chart.locator('[data-mark="outcome-label"]').count()).toBeGreaterThanOrEqual(6);
  // Months since referral on the axis; only the marks of this slide in its legend.
  await expect(chart.locator('text', { hasText: 'Months since referral (0 is the referral)' })).toHaveCount(1);
  const legend = await chart.locator('[data-legend]').allTextContents();
  expect(legend).toContain('Turning point');
  expect(legend).toContain('Outcome score (first and latest labelled)');
  expect(legend.some((l) => /contacts/i.test(l))).toBe(false);
  expect(legend.some((l) => /^Support/.test(l))).toBe(false);
  // The lanes turned off for this step are not drawn.
  expect(await chart.locator('[data-lane]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')))).toEqual(['risk', 'incidents', 'outcomes', 'milestones']);
  const svgText = await chart.evaluate((el) => el.textContent ?? '');
  expect(svgText.match(CALENDAR_DATE)).toBeNull();
  for (const id of SAMPLE_IDS) expect(svgText).not.toContain(id);
  await expectNoIdentifiers(page);
  await axe();

  // The presenter's window: the next slide as a thumbnail, and a timer that resets by keyboard.
  const popupPromise = context.waitForEvent('page');
  await slides.getByRole('button', { name: 'Presenter notes' }).click();
  const notes = await popupPromise;
  await expect(notes.getByRole('heading', { name: 'Now: Risk that goes up and down' })).toBeVisible();
  const next = notes.getByRole('region', { name: 'Next' });
  await expect(next.getByText('Confidence, a new home, and an ending (months 11 to')).toBeVisible();
  await expect(next.locator('.thumb [data-chart="journey"]')).toBeVisible();
  await expect(next.locator('.thumb')).toHaveAttribute('aria-hidden', 'true');
  const timer = notes.getByRole('timer', { name: 'Time presenting' });
  await expect(timer).toHaveText(/^\d+:\d\d$/);
  await expect(timer).not.toHaveText('0:00', { timeout: 5_000 });
  await notes.getByRole('button', { name: 'Reset timer' }).focus();
  await notes.keyboard.press('Enter');
  await expect(timer).toHaveText(/^0:0[01]$/);
  const notesAxe = await new AxeBuilder({ page: notes }).withTags(AXE_TAGS).analyze();
  expect(notesAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
  await notes.close();
});

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`no slide scrolls at ${width}×${height}: each fits the screen, type scaling with it`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await loadSampleWithStudies(page);
    let firstHeadingSize = 0;
    for (const name of ['Megan', 'Sue']) {
      const slides = await present(page, name);
      const counter = slides.getByText(/^Slide \d+ of \d+$/).first();
      const total = Number((await counter.innerText()).split(' of ')[1]);
      for (let i = 1; i <= total; i++) {
        await expect(counter).toHaveText(`Slide ${i} of ${total}`);
        const fit = await page.evaluate(() => {
          const region = document.querySelector('[aria-roledescription="slides"]') as HTMLElement;
          const scroller = document.scrollingElement!;
          const outside: string[] = [];
          for (const el of region.querySelectorAll('.stage h1, .stage h2, .stage p, .stage svg, .stage .footer')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) outside.push(el.textContent?.slice(0, 40) ?? el.tagName);
          }
          const stage = region.querySelector('.stage')!.getBoundingClientRect();
          const h1 = region.querySelector('.stage h1');
          return {
            regionScrolls: region.scrollHeight > region.clientHeight + 1 || region.scrollWidth > region.clientWidth + 1,
            pageScrolls: scroller.scrollHeight > innerHeight + 1 || scroller.scrollWidth > innerWidth + 1,
            outside,
            ratio: stage.width / stage.height,
            headingSize: h1 ? h1.getBoundingClientRect().height : 0,
          };
        });
        expect(fit.regionScrolls, `${name} slide ${i}`).toBe(false);
        expect(fit.pageScrolls, `${name} slide ${i}`).toBe(false);
        expect(fit.outside, `${name} slide ${i}`).toEqual([]);
        expect(fit.ratio).toBeCloseTo(16 / 9, 2);
        if (i === 1) firstHeadingSize = fit.headingSize;
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
    }
    // The title slide's heading is drawn in proportion to the screen.
    const expected = 76 * Math.min(width / 1600, (height - 60) / 900);
    expect(firstHeadingSize).toBeGreaterThan(expected * 0.6);
  });
}

test('the slide SVG and the offline presentation draw the same marks as present mode; stepping animates unless motion is reduced', async ({ page, browser }) => {
  await loadSampleWithStudies(page);
  const slides = await present(page, 'Megan');
  const counter = slides.getByText(/^Slide \d+ of \d+$/).first();
  const total = Number((await counter.innerText()).split(' of ')[1]);
  const presented: string[][] = [];
  for (let i = 2; i <= total; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`Slide ${i} of ${total}`);
    const svg = slides.locator('svg[data-chart="journey"]');
    await expect(slides.locator('[data-reveal]')).toBeHidden({ timeout: 3_000 });
    presented.push(await marksOf(svg));
  }
  for (const m of presented) expect(m.length).toBeGreaterThan(5);
  await page.keyboard.press('Escape');

  // The SVG slides: the same marks, in the same order.
  await page.getByLabel(CHECK).check();
  const svgWait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export slides (SVG)' }).click();
  const zip = readFileSync((await (await svgWait).path())!);
  const files: string[] = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const size = zip.readUInt32LE(at + 18);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    files.push(zip.subarray(start, start + size).toString('utf8'));
    at = start + size;
  }
  expect(files).toHaveLength(total);
  files.slice(1).forEach((svg, i) => expect(marksInMarkup(svg), `slide ${i + 2}`).toEqual(presented[i]));

  // The offline presentation: the same marks again.
  const htmlWait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export offline presentation (HTML)' }).click();
  const htmlPath = (await (await htmlWait).path())!;
  const html = readFileSync(htmlPath, 'utf8');
  for (let i = 2; i <= total; i++) {
    const section = new RegExp(`<section class="slide" id="slide-${i}"[\\s\\S]*?</section>`).exec(html)![0];
    expect(marksInMarkup(section), `offline slide ${i}`).toEqual(presented[i - 2]);
  }
  const offline = await browser.newContext({ offline: true });
  const show = await offline.newPage();
  const saved = join(mkdtempSync(join(tmpdir(), 'waymark-slides-')), 'megan.presentation.html');
  copyFileSync(htmlPath, saved);
  await show.goto(pathToFileURL(saved).href);
  await expect(show.getByText(`Slide 1 of ${total}`)).toBeVisible();
  await show.keyboard.press('ArrowRight');
  expect(await marksOf(show.locator('section.slide:not([hidden]) svg'))).toEqual(presented[0]);
  await offline.close();

  // Under reduced motion the slide changes at once; otherwise the new months are covered and uncovered briefly.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('link', { name: 'Present' }).click();
  await page.evaluate(() => {
    const w = window as unknown as { covers: number };
    w.covers = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.matches('[data-reveal]')) w.covers += 1;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const covers = () => page.evaluate(() => (window as unknown as { covers: number }).covers);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('region', { name: 'Case study presentation' }).getByRole('heading', { level: 1 })).toHaveText('Leaving, and the risk rises');
  await page.waitForTimeout(300);
  expect(await covers()).toBe(0);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.keyboard.press('ArrowRight');
  await expect.poll(covers).toBeGreaterThan(0);
  await expect(page.locator('[data-reveal]')).toBeHidden({ timeout: 3_000 });
});

test('the editor refuses step text too long for a slide, and says when a step lies outside her journey or shows no lane', async ({ page, axe }) => {
  await loadSampleWithStudies(page);
  await page.goto('/#/case-studies');
  await page.getByRole('link', { name: "Sue's journey" }).click();
  const step = page.locator('[data-step-index="0"]');
  const text = step.getByLabel('What happened and why it mattered');
  const before = await text.inputValue();
  await text.fill('A long account. '.repeat(30));
  await expect(text).toHaveValue(before);
  await expect(step.getByRole('alert')).toHaveText(/^Too long for a slide: \d+ characters fit, and this has 479\./);
  await expect(step.getByText(/^\d+ of \d+ characters that fit on a slide$/)).toBeVisible();
  await text.fill('Shorter.');
  await expect(text).toHaveValue('Shorter.');
  await expect(step.getByRole('alert')).toHaveCount(0);

  await step.getByLabel('From month').fill('80');
  await step.getByLabel('To month').fill('90');
  await expect(step.getByText(/^This step’s period \(months 80 to 90\) lies outside her journey \(.*\), so the slide shows month \d+\.$/)).toBeVisible();
  for (const lane of await step.getByRole('group', { name: 'Lanes shown' }).getByRole('checkbox').all()) await lane.uncheck();
  await expect(step.getByText('Every lane is turned off for this step, so there is no chart.', { exact: false })).toBeVisible();
  await axe();

  await page.getByLabel(CHECK).check();
  await page.getByRole('link', { name: 'Present' }).click();
  const slides = page.getByRole('region', { name: 'Case study presentation' });
  await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Referral and the first visits');
  await expect(slides.getByRole('status').filter({ hasText: 'Every lane is turned off for this step' })).toBeVisible();
  await expect(slides.getByText(/lies outside her journey/)).toBeVisible();
  await expect(slides.locator('svg[data-chart="journey"]')).toHaveCount(0);
  await axe();
});

test('a case study whose woman is no longer loaded still presents from its own redacted copy, and says so', async ({ page, axe }) => {
  await loadSampleWithStudies(page);
  await page.getByRole('button', { name: 'Undo this import' }).click();
  await page.getByRole('dialog', { name: 'Undo this import' }).getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('No data loaded', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  const slides = await present(page, 'Megan');
  await expect(slides.getByText("She is no longer in the loaded data: these slides use the case study's own redacted copy of her journey.")).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { level: 1 })).toHaveText('Leaving, and the risk rises');
  const chart = slides.getByRole('img', { name: /^Her journey up to month 3/ });
  expect(await chart.locator('[data-mark="risk-band"]').count()).toBeGreaterThan(0);
  await expectNoIdentifiers(page);
  await axe();
});
