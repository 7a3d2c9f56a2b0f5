/**
 * npm run bench: builds the benchmark page, generates the large cohorts if missing, and times in
 * Chromium the PapaParse floor, the full import, reading everything back after a reload, reading
 * one woman, the longest main-thread task, the progress cadence and the page's memory, and
 * successive extracts (re-import, a second extract with 1% changed, accept all, undo). Prints
 * every figure and whether each target of the foundation issue is met; exits 1 if one is not.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { JOURNEY_TARGETS, runJourneyBench } from './journey-bench';
import { QUALITY_TARGETS, runQualityBench } from './quality-bench';
import { cohortTargets, runCohortBench } from './cohort-bench';
import { compareTargets, runCompareBench } from './compare-bench';
import { extractsTargets, runExtractsBench } from './extracts-bench';
import { runVaultBench, vaultTargets } from './vault-bench';
import { runSlidesBench, SLIDES_TARGETS } from './slides-bench';
import { cohortWorkbook } from './make-workbook';
import { REPORT_TARGETS, runReportBench } from './report-bench';
import { DATASET_TARGETS, runDatasetBench } from './dataset-bench';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT || 4174);
const COHORTS = (process.env.BENCH_COHORTS ?? '10000,50000').split(',').filter(Boolean).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_ONLY=import times only the import table (skips the journey, quality and cohort benches). */
/** Prints PASS or FAIL for each [figure, limit, label] target; true when all pass. */
function checkTargets(figures: Record<string, number>, targets: readonly (readonly [string, number, string])[]): boolean {
  let all = true;
  for (const [key, limit, label] of targets) {
    const ok = figures[key] < limit;
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${label} (${key} ${figures[key]} ms)`);
    if (!ok) all = false;
  }
  return all;
}

const ONLY_IMPORT = process.env.BENCH_ONLY === 'import';
/**
 * BENCH_ONLY=workbook imports each cohort as CSV files and as one 7-sheet workbook in the same
 * run: times, the ratio workbook/CSV, and the longest main-thread task during the workbook import.
 */
const ONLY_WORKBOOK = process.env.BENCH_ONLY === 'workbook';
/** BENCH_ONLY=cohort times only the cohort screen (skips the import table, journey and quality benches). */
const ONLY_COHORT = process.env.BENCH_ONLY === 'cohort';
/** BENCH_ONLY=extracts times only successive extracts: re-import, a second extract, accept all, undo. */
const ONLY_EXTRACTS = process.env.BENCH_ONLY === 'extracts';
/** BENCH_ONLY=compare times only the Cohort screen's Compare view. */
const ONLY_COMPARE = process.env.BENCH_ONLY === 'compare';
/** BENCH_ONLY=vault times only encryption at rest: import and read-back, plain against encrypted. */
const ONLY_VAULT = process.env.BENCH_ONLY === 'vault';
/** BENCH_ONLY=report times only the commissioner's report: 50,000 women over 40 areas. */
const ONLY_REPORT = process.env.BENCH_ONLY === 'report';
/** BENCH_ONLY=dataset times only the analysis dataset export (issue 13) for each cohort; the target is for 50,000 women. */
const ONLY_DATASET = process.env.BENCH_ONLY === 'dataset';
/** BENCH_ONLY=slides times only the case-study slides: the next slide of a 2,000-event journey, and ten slides as PNG. */
const ONLY_SLIDES = process.env.BENCH_ONLY === 'slides';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function run(command: string): void {
  execSync(command, { cwd: ROOT, stdio: 'inherit' });
}

/** Resident memory of the largest Chromium renderer process (one page is open at a time). */
function rendererRssMb(): number {
  const out = execSync('ps -eo rss=,args=', { encoding: 'utf8' });
  let max = 0;
  for (const line of out.split('\n')) {
    if (!line.includes('--type=renderer')) continue;
    max = Math.max(max, Number(line.trim().split(/\s+/)[0]) / 1024);
  }
  return max;
}

function cohortDir(women: number): string {
  return path.join(ROOT, 'bench', 'data', `${women / 1000}k`);
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the benchmark server did not start at ${url}`);
}

async function main(): Promise<void> {
  run('npx vite build -c vite.bench.config.ts --logLevel warn');
  for (const women of ONLY_REPORT ? [50000] : ONLY_SLIDES ? [] : COHORTS) {
    const dir = cohortDir(women);
    if (!existsSync(path.join(dir, 'cases.csv'))) {
      mkdirSync(dir, { recursive: true });
      run(`npx tsx sample-data/generate.ts --cohort ${women} --out ${dir}`);
    }
  }

  const server = spawn('npx', ['vite', 'preview', '-c', 'vite.bench.config.ts', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: Record<string, unknown>[] = [];
  let failed = false;
  try {
    await waitForServer(url);
    // Issue 14: the commissioner's report, 50,000 women over 40 areas.
    if (ONLY_REPORT || (!ONLY_IMPORT && !ONLY_COHORT && !ONLY_EXTRACTS && !ONLY_VAULT && !ONLY_WORKBOOK && !ONLY_DATASET && COHORTS.includes(50000))) {
      const reportPage = await browser.newPage();
      const report = await runReportBench(reportPage, url, cohortDir(50000), RUNS);
      await reportPage.close();
      results.push({ report });
      console.log("\n== Commissioner's report, 50,000 women over 40 areas ==");
      console.table(report);
      if (!checkTargets(report, REPORT_TARGETS)) failed = true;
      if (ONLY_REPORT) {
        // A partial run: printed, not written over bench/results/latest.json.
        console.log(JSON.stringify(results));
        return;
      }
    }
    // Issue 15: case-study slides of one woman's 2,000-event journey.
    if (ONLY_SLIDES || !process.env.BENCH_ONLY) {
      const slidesPage = await browser.newPage();
      const slides = await runSlidesBench(slidesPage, url);
      await slidesPage.close();
      results.push({ slides });
      console.log('\n== Case-study slides of a 2,000-event journey ==');
      console.table(slides);
      if (!checkTargets(slides, SLIDES_TARGETS)) failed = true;
    }
    if (ONLY_SLIDES) {
      // A partial run: printed, not written over bench/results/latest.json.
      console.log(JSON.stringify(results));
      return;
    }
    if (ONLY_WORKBOOK) {
      for (const women of COHORTS) {
        const dir = cohortDir(women);
        const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
        const book = cohortWorkbook(dir);
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector('body[data-ready="true"]');
        const csvRuns = [];
        const bookRuns = [];
        for (let i = 0; i < RUNS; i += 1) {
          await page.setInputFiles('#files', csvs);
          await page.evaluate(() => window.bench.clear());
          csvRuns.push(await page.evaluate(() => window.bench.fullImport()));
          await page.setInputFiles('#files', [book]);
          await page.evaluate(() => window.bench.clear());
          bookRuns.push(await page.evaluate(() => window.bench.fullImport()));
        }
        await page.close();
        const csvMs = median(csvRuns.map((r) => r.ms));
        const bookMs = median(bookRuns.map((r) => r.ms));
        const longest = Math.max(...bookRuns.map((r) => r.longestTaskMs));
        const row = {
          women,
          csvMegabytes: +(csvs.reduce((n, f) => n + statSync(f).size, 0) / 1024 / 1024).toFixed(1),
          workbookMegabytes: +(statSync(book).size / 1024 / 1024).toFixed(1),
          rowsImportedCsv: csvRuns[0].rowsImported,
          rowsImportedWorkbook: bookRuns[0].rowsImported,
          csvImportMs: Math.round(csvMs),
          workbookImportMs: Math.round(bookMs),
          ratio: +(bookMs / csvMs).toFixed(2),
          longestMainThreadTaskMs: Math.round(longest),
          maxProgressGapMs: Math.round(Math.max(...bookRuns.map((r) => r.maxProgressGapMs))),
          allCsvRunsMs: csvRuns.map((r) => Math.round(r.ms)),
          allWorkbookRunsMs: bookRuns.map((r) => Math.round(r.ms)),
        };
        results.push({ workbook: row });
        console.log(`\n== Workbook vs CSV, ${women.toLocaleString('en-GB')} women ==`);
        console.table(row);
        const checks: [string, boolean][] = [
          [`the same rows imported from the workbook as from the CSV files (${row.rowsImportedWorkbook} / ${row.rowsImportedCsv})`, row.rowsImportedWorkbook === row.rowsImportedCsv],
          [`workbook import within 4x the CSV import (ratio ${row.ratio})`, row.ratio <= 4],
          [`no main-thread task over 50 ms during the workbook import (${row.longestMainThreadTaskMs} ms)`, longest <= 50],
        ];
        for (const [label, ok] of checks) {
          console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
          if (!ok) failed = true;
        }
      }
      console.log(JSON.stringify(results));
      return;
    }
    // Issue 13: the analysis dataset, written in a worker.
    if (ONLY_DATASET || !process.env.BENCH_ONLY) {
      for (const women of COHORTS) {
        const page = await browser.newPage();
        const dataset = await runDatasetBench(page, url, cohortDir(women), RUNS);
        await page.close();
        results.push({ dataset });
        console.log(`\n== Analysis dataset, ${women.toLocaleString('en-GB')} women ==`);
        console.table(dataset);
        if (women === 50000 && !checkTargets(dataset, DATASET_TARGETS)) failed = true;
      }
    }
    if (ONLY_DATASET) {
      console.log(JSON.stringify(results));
      return;
    }
    // Issue 13: the Cohort screen's Compare view, for every cohort.
    if (ONLY_COMPARE || !process.env.BENCH_ONLY) {
      for (const women of COHORTS) {
        const comparePage = await browser.newPage();
        const compare = await runCompareBench(comparePage, url, cohortDir(women));
        await comparePage.close();
        results.push({ compare });
        console.log(`\n== Compare view, ${women.toLocaleString('en-GB')} women ==`);
        console.table(compare);
        if (!checkTargets(compare, compareTargets(women))) failed = true;
      }
    }
    if (ONLY_COMPARE) {
      // A partial run: printed, not written over bench/results/latest.json.
      console.log(JSON.stringify(results));
      return;
    }
    // Issue 12: encryption at rest, for the 50,000-woman cohort.
    if (!ONLY_COHORT && !ONLY_IMPORT && !ONLY_EXTRACTS && COHORTS.includes(50000)) {
      const vault = await runVaultBench(browser, url, cohortDir(50000), 50000, RUNS);
      results.push({ vault });
      console.log('\n== Encryption at rest, 50,000 women ==');
      console.table({ ...vault, runs: undefined });
      console.table(vault.runs);
      for (const [label, ok] of vaultTargets(vault)) {
        console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
        if (!ok) failed = true;
      }
    }
    if (ONLY_VAULT) {
      console.log(JSON.stringify(results));
      return;
    }
    // Issue 10: successive extracts, for every cohort.
    for (const women of ONLY_COHORT || ONLY_IMPORT ? [] : COHORTS) {
      const extracts = await runExtractsBench(browser, url, cohortDir(women), women, RUNS);
      results.push({ extracts });
      console.log(`\n== Successive extracts, ${women.toLocaleString('en-GB')} women: ${extracts.rowsChanged.toLocaleString('en-GB')} rows changed ==`);
      console.table({ ...extracts, runs: undefined });
      console.table(extracts.runs);
      if (women === 50000) {
        for (const [label, ok] of extractsTargets(extracts)) {
          console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
          if (!ok) failed = true;
        }
      }
    }
    if (ONLY_EXTRACTS) {
      // A partial run: printed, not written over bench/results/latest.json.
      console.log(JSON.stringify(results));
      return;
    }
    for (const women of ONLY_COHORT ? [] : COHORTS) {
      const dir = cohortDir(women);
      const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
      const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.setInputFiles('#files', files);

      const parses = [];
      for (let i = 0; i < RUNS; i += 1) parses.push(await page.evaluate(() => window.bench.parseOnly()));
      const imports = [];
      for (let i = 0; i < RUNS; i += 1) {
        await page.evaluate(() => window.bench.clear());
        imports.push(await page.evaluate(() => window.bench.fullImport()));
      }
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      const reads = [];
      for (let i = 0; i < RUNS; i += 1) reads.push(await page.evaluate(() => window.bench.readBack()));
      const one = await page.evaluate(() => window.bench.readWomen(1000));
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const metrics = (await cdp.send('Performance.getMetrics')).metrics;
      const heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
      // Typed arrays live outside the JS heap, so the page's memory is its renderer process's RSS.
      const rendererMb = rendererRssMb();
      await context.close();

      const parseMs = median(parses.map((p) => p.ms));
      const importMs = median(imports.map((p) => p.ms));
      const rows = imports[0].rowsImported;
      const rowsPerSecond = rows / (importMs / 1000);
      const ratio = importMs / parseMs;
      const firstRead = reads[0].ms;
      const longest = Math.max(...imports.map((p) => p.longestTaskMs));
      const maxGap = Math.max(...imports.map((p) => p.maxProgressGapMs));
      const row = {
        women,
        files: files.length,
        megabytes: +(bytes / 1024 / 1024).toFixed(1),
        rowsParsed: parses[0].rows,
        rowsImported: rows,
        parseOnlyMs: Math.round(parseMs),
        fullImportMs: Math.round(importMs),
        ratio: +ratio.toFixed(2),
        rowsPerSecond: Math.round(rowsPerSecond),
        readBackAfterReloadMs: Math.round(firstRead),
        readBackMedianMs: Math.round(median(reads.map((r) => r.ms))),
        // What bounds the read-back: IndexedDB reading the blocks alone (the rest builds the working set).
        readBlocksFromIndexedDbOnlyMs: Math.round(median(reads.map((r) => r.idbOnlyMs))),
        decodeBlocksOnlyMs: Math.round(median(reads.map((r) => r.decodeMs))),
        storedBlocks: JSON.stringify(reads[0].storedMb),
        readOneWomanMedianMs: +one.medianMs.toFixed(3),
        readOneWomanMaxMs: +one.maxMs.toFixed(3),
        longestMainThreadTaskMs: Math.round(longest),
        maxProgressGapMs: Math.round(maxGap),
        jsHeapMbWithCohortLoaded: Math.round(heapMb),
        rendererRssMbWithCohortLoaded: Math.round(rendererMb),
        allImportRunsMs: imports.map((p) => Math.round(p.ms)),
        allParseRunsMs: parses.map((p) => Math.round(p.ms)),
      };
      results.push(row);
      console.log(`\n== ${women.toLocaleString('en-GB')} women: ${rows.toLocaleString('en-GB')} rows imported from ${row.megabytes} MB ==`);
      console.table(row);
      if (women === 50000) {
        const checks: [string, boolean][] = [
          [`full import within 2x PapaParse alone (ratio ${row.ratio})`, ratio <= 2],
          [`at least 300,000 rows/s end to end (${row.rowsPerSecond.toLocaleString('en-GB')})`, rowsPerSecond >= 300_000],
          [`read everything back after a reload under 1 s (${row.readBackAfterReloadMs} ms)`, firstRead < 1000],
          [`read one woman under 5 ms (max ${row.readOneWomanMaxMs} ms)`, one.maxMs < 5],
          [`no main-thread task over 50 ms during import (${row.longestMainThreadTaskMs} ms)`, longest <= 50],
          [`progress at least every 250 ms (${row.maxProgressGapMs} ms)`, maxGap <= 250],
          [`page memory under 500 MB with the cohort loaded (renderer process ${row.rendererRssMbWithCohortLoaded} MB)`, rendererMb < 500],
        ];
        for (const [label, ok] of checks) {
          console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
          if (!ok) failed = true;
        }
      }
    }

    if (ONLY_IMPORT) {
      console.log(JSON.stringify(results));
      return;
    }

    // Issue 3: one woman's journey with 2,000 events.
    if (!ONLY_COHORT) {
      const journeyPage = await browser.newPage();
      const journey = await runJourneyBench(journeyPage, url);
      await journeyPage.close();
      results.push({ journey });
      console.log('\n== One journey of 2,000 events ==');
      console.table(journey);
      if (!checkTargets(journey, JOURNEY_TARGETS)) failed = true;

      // Issue 5: the data quality screen's computation over the 50,000-woman cohort.
      if (!existsSync(path.join(cohortDir(50000), 'cases.csv'))) run(`npx tsx sample-data/generate.ts --cohort 50000 --out ${cohortDir(50000)}`);
      const qualityPage = await browser.newPage();
      const quality = await runQualityBench(qualityPage, url, cohortDir(50000));
      await qualityPage.close();
      results.push({ quality });
      console.log('\n== Data quality, 50,000 women ==');
      console.table(quality);
      if (!checkTargets(quality, QUALITY_TARGETS)) failed = true;
    }

    // Issue 4: the Cohort screen over the generated cohorts.
    const cohortPage = await browser.newPage();
    const cohorts = await runCohortBench(cohortPage, url, COHORTS.map(cohortDir));
    await cohortPage.close();
    for (const cohort of cohorts) {
      results.push({ cohort });
      console.log(`\n== Cohort screen, ${cohort.women.toLocaleString('en-GB')} women ==`);
      console.table(cohort);
      if (!checkTargets(cohort, cohortTargets(cohort.women))) failed = true;
    }
    if (ONLY_COHORT) {
      // A partial run: printed, not written over bench/results/latest.json.
      console.log(JSON.stringify(results));
      return;
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
    if ((ONLY_IMPORT || ONLY_COHORT || ONLY_EXTRACTS || ONLY_WORKBOOK || ONLY_REPORT || ONLY_DATASET || ONLY_SLIDES || ONLY_COMPARE) && failed) process.exitCode = 1;
  }
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    chromium: browser.version(),
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log('\nMachine:', machine);
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify({ machine, results }, null, 2));
  if (failed) process.exitCode = 1;
}

await main();
