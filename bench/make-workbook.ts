/**
 * The benchmark's workbook: a generated cohort's CSV files as one workbook of one sheet per
 * file, written with @e965/xlsx (bench and tests only, never in the app). Dates become date cells
 * and numbers number cells, as Excel would save them. Cached beside the CSVs as cohort.xlsx.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';

const ISO_DAY = /^\d{4}-\d\d-\d\d$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function cohortWorkbook(dir: string): string {
  const out = path.join(dir, 'cohort.xlsx');
  if (existsSync(out)) return out;
  const wb = XLSX.utils.book_new();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const rows = Papa.parse<string[]>(readFileSync(path.join(dir, file), 'utf8'), { skipEmptyLines: true }).data;
    const typed = rows.map((row, i) =>
      i === 0 ? row : row.map((v) => (ISO_DAY.test(v) ? new Date(`${v}T00:00:00`) : NUMBER.test(v) ? Number(v) : v)),
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(typed, { cellDates: true }), file.replace(/\.csv$/, ''));
  }
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer);
  return out;
}
