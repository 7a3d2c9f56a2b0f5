/**
 * Shared browser-test fixtures: every page records each request it makes and the test fails if
 * any leaves the page's origin; `axe` checks the current state against WCAG 2.2 AA.
 */
import { test as base, expect, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The preview server of this run (E2E_PORT, as in playwright.config.ts). */
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
  // The sample's ready-made case studies are stored just after the import: wait for them too.
  await expect(page.getByText(/^The sample's ready-made case studies \(Sue, Megan and Chelsea\) are (in|already in) Case studies/)).toBeVisible({ timeout: 15_000 });
}

/** The text of a downloaded file. */
export async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Every store of every IndexedDB database of the page, as a script on the page reads it: its
 * record count, and its records as text (strings, and every buffer's bytes as Latin-1).
 */
export function indexedDbContents(page: Page): Promise<{ store: string; count: number; text: string }[]> {
  return page.evaluate(async () => {
    const stores: { store: string; count: number; text: string }[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const parts: string[] = [];
        const walk = (v: unknown): void => {
          if (v instanceof ArrayBuffer) parts.push(new TextDecoder('latin1').decode(v));
          else if (ArrayBuffer.isView(v)) parts.push(new TextDecoder('latin1').decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
          else if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (parts.push(k), walk(x)));
          else parts.push(String(v));
        };
        walk(all);
        stores.push({ store: `${info.name}.${name}`, count: all.length, text: parts.join('\n') });
      }
      db.close();
    }
    return stores;
  });
}
