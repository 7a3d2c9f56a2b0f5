/**
 * BENCH_ONLY=vault (and part of the full bench for the 50,000-woman cohort): encryption at rest,
 * timed in one run, alternating: (a) the full import into a plain store and into a store with a
 * passphrase set; (b) after a reload, reading everything back from the plain store, and unlocking
 * plus reading everything back from the encrypted one. Ratios of medians.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';

export interface VaultFigures {
  women: number;
  plainImportMs: number;
  encryptedImportMs: number;
  /** encryptedImportMs / plainImportMs. */
  importRatio: number;
  plainReadBackMs: number;
  unlockAndReadBackMs: number;
  /** unlockAndReadBackMs / plainReadBackMs. */
  readBackRatio: number;
  /** The key derivation alone (PBKDF2, 600,000 iterations), part of unlocking. */
  deriveKeyMs: number;
  longestTaskEncryptedImportMs: number;
  runs: { plainImportMs: number; encryptedImportMs: number; plainReadBackMs: number; unlockAndReadBackMs: number }[];
}

/** Targets of issue 12 (50,000 women): [label, passes]. */
export function vaultTargets(f: VaultFigures): [string, boolean][] {
  return [
    [`encrypted import within 1.3x the plain import (ratio ${f.importRatio})`, f.importRatio <= 1.3],
    [`unlock plus read-back within 1.5x the plain read-back (ratio ${f.readBackRatio})`, f.readBackRatio <= 1.5],
  ];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const PASSPHRASE = 'bench passphrase, long enough';

async function reload(page: Page, files: string[]): Promise<void> {
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#files', files);
}

export async function runVaultBench(browser: Browser, url: string, dir: string, women: number, runs: number): Promise<VaultFigures> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#files', files);
  const all: VaultFigures['runs'] = [];
  let longest = 0;
  let deriveKeyMs = 0;
  try {
    for (let i = 0; i < runs; i += 1) {
      await page.evaluate(() => window.bench.clear());
      const plain = await page.evaluate(() => window.bench.fullImport());
      await reload(page, files);
      const plainRead = await page.evaluate(() => window.bench.readBack());

      await page.evaluate(() => window.bench.clear());
      await page.evaluate((p) => window.bench.encrypt(p), PASSPHRASE);
      const encrypted = await page.evaluate(() => window.bench.fullImport());
      longest = Math.max(longest, encrypted.longestTaskMs);
      await reload(page, files);
      const unlocked = await page.evaluate((p) => window.bench.unlockAndReadBack(p), PASSPHRASE);
      if (unlocked.women !== plainRead.women || unlocked.events !== plainRead.events) throw new Error('the encrypted store reads back other rows');
      deriveKeyMs = unlocked.deriveKeyMs;
      all.push({
        plainImportMs: Math.round(plain.ms),
        encryptedImportMs: Math.round(encrypted.ms),
        plainReadBackMs: Math.round(plainRead.ms),
        unlockAndReadBackMs: Math.round(unlocked.ms),
      });
    }
  } finally {
    await page.evaluate(() => window.bench.clear()).catch(() => undefined);
    await context.close();
  }
  const plainImportMs = median(all.map((r) => r.plainImportMs));
  const encryptedImportMs = median(all.map((r) => r.encryptedImportMs));
  const plainReadBackMs = median(all.map((r) => r.plainReadBackMs));
  const unlockAndReadBackMs = median(all.map((r) => r.unlockAndReadBackMs));
  return {
    women,
    plainImportMs,
    encryptedImportMs,
    importRatio: +(encryptedImportMs / plainImportMs).toFixed(2),
    plainReadBackMs,
    unlockAndReadBackMs,
    readBackRatio: +(unlockAndReadBackMs / plainReadBackMs).toFixed(2),
    deriveKeyMs: Math.round(deriveKeyMs),
    longestTaskEncryptedImportMs: Math.round(longest),
    runs: all,
  };
}
