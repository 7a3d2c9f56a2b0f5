/**
 * The privacy guard's own cost in the import, in node: every file of a generated cohort is read
 * (parse, validate) with the guard and without it, best of BENCH_RUNS runs each, and the
 * difference is the guard's time. Also times scanValue alone over every distinct cell. Times are
 * CPU time of this process (user + system), which a shared, busy machine disturbs far less than
 * the wall clock.
 *
 *   npx tsx bench/privacy-scan-bench.ts [dir]      # default bench/data/50k
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { ingestText } from '../src/ingest/ingest-file';
import { scanValue } from '../src/ingest/scan-privacy';

const dir = process.argv[2] ?? 'bench/data/50k';
const runs = Number(process.env.BENCH_RUNS || 5);
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const texts = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));

function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const t = process.cpuUsage(t0);
    min = Math.min(min, (t.user + t.system) / 1000);
  }
  return min;
}

const withGuard = best(() => texts.forEach((t, i) => ingestText(t, files[i], { currentYear: 2025 })));
const without = best(() => texts.forEach((t, i) => ingestText(t, files[i], { currentYear: 2025, scanner: null })));

const distinct = new Set<string>();
for (const t of texts) {
  for (const row of Papa.parse<string[]>(t, { skipEmptyLines: true }).data.slice(1)) for (const cell of row) if (cell !== '') distinct.add(cell);
}
const values = [...distinct];
let flagged = 0;
const scanMs = best(() => {
  flagged = 0;
  for (const v of values) if (scanValue(v) !== null) flagged++;
});

console.log(
  JSON.stringify({
    dir,
    files: files.length,
    megabytes: +(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1),
    ingestWithGuardMs: Math.round(withGuard),
    ingestWithoutGuardMs: Math.round(without),
    guardMs: Math.round(withGuard - without),
    distinctCells: values.length,
    scanAllDistinctMs: Math.round(scanMs),
    flaggedDistinct: flagged,
  }),
);
