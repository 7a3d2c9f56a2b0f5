/**
 * Shared browser-test fixtures: every page records each request it makes and the test fails if
 * any leaves the page's origin; `axe` checks the current state against WCAG 2.2 AA.
 */
import { test as base, expect, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4173}`;

function isSameOrigin(url: string): boolean {
  return url.startsWith(`${ORIGIN}/`) || url === ORIGIN || url.startsWith('data:') || url.startsWith('blob:');
}

/** Collects requests that leave the origin, for every page of the context. */
export function watchRequests(page: Page, offOrigin: string[]): void {
  page.on('request', (request) => {
    if (!isSameOrigin(request.url())) offOrigin.push(request.url());
  });
}

export const test = base.extend<{ offOrigin: string[]; axe: () => Promise<void> }>({
  offOrigin: async ({ context }, use) => {
    const offOrigin: string[] = [];
    context.on('request', (request) => {
      if (!isSameOrigin(request.url())) offOrigin.push(request.url());
    });
    await use(offOrigin);
    expect(offOrigin, 'requests that left the page origin').toEqual([]);
  },
  page: async ({ page, offOrigin }, use) => {
    void offOrigin;
    await use(page);
  },
  axe: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
      ).toEqual([]);
    });
  },
});

export { expect };

/** A CSV file for page.setInputFiles. */
export function csvFile(name: string, text: string | Buffer): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'text/csv', buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text };
}

export async function loadedStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /loaded|No data loaded/ });
}

export async function waitForStoredCounts(page: Page, women: number, events: number): Promise<void> {
  const fmt = new Intl.NumberFormat('en-GB');
  await expect(page.getByText(`${fmt.format(women)} ${women === 1 ? 'woman' : 'women'} and ${fmt.format(events)} ${events === 1 ? 'event' : 'events'} loaded.`)).toBeVisible({ timeout: 30_000 });
}

/** Opens the app and loads the sample data, waiting for its import report. */
export async function loadSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('table', { name: 'Import report' })).toBeVisible({ timeout: 30_000 });
}

/** The text of a downloaded file. */
export async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
