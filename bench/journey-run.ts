/**
 * Runs the journey benchmark on its own: npx tsx bench/journey-run.ts
 * (bench/run.ts calls runJourneyBench as part of npm run bench). Builds bench/journey.html into
 * a temporary folder, serves it, and prints the figures and whether each target is met.
 */
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { JOURNEY_TARGETS, runJourneyBench } from './journey-bench';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(os.tmpdir(), 'waymark-journey-bench');
const PORT = 4176;

await build({
  configFile: path.join(ROOT, 'vite.bench.config.ts'),
  logLevel: 'warn',
  build: { outDir: OUT, emptyOutDir: true, rollupOptions: { input: path.join(ROOT, 'bench', 'journey.html') } },
});
const server = await preview({
  configFile: path.join(ROOT, 'vite.bench.config.ts'),
  logLevel: 'warn',
  build: { outDir: OUT },
  preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const results = await runJourneyBench(page, `http://127.0.0.1:${PORT}/`);
  console.table(results);
  for (const [key, limit, label] of JOURNEY_TARGETS) {
    const ok = results[key] < limit;
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${label} (${key} ${results[key]} ms)`);
    if (!ok) failed = true;
  }
  console.log('Chromium', browser.version(), 'on', os.cpus()[0]?.model, `(${os.cpus().length} cores)`);
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exitCode = 1;
