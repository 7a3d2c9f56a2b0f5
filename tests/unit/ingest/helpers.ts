/** Shared test helpers for the ingest layer: a predictable privacy scanner, and blocks as rows. */
import { readFileSync } from 'node:fs';
import { UNKNOWN_DAY, YN_NO, YN_YES, type Column, type ColumnBlock } from '../../../src/data/columns';
import type { PrivacyFindingKind } from '../../../src/domain/import-report';
import { ingestText, type FileIngest, type FullPrivacyScanner, type IngestOptions } from '../../../src/ingest/ingest-file';
import { formatDay } from '../../../src/ingest/read-value';

/**
 * Flags "07700 …" as a phone, "@x.example" as an email, "Mrs " as a titled name; columns named
 * like `postcode` or `name`. Masks every letter and digit.
 */
export const stubScanner: FullPrivacyScanner = {
  scanValue(value: string): PrivacyFindingKind | null {
    if (value.includes('07700')) return 'phone';
    if (value.includes('@x.example')) return 'email';
    if (value.includes('Mrs ')) return 'titled_name';
    return null;
  },
  maskValue: (value: string) => value.replace(/[\p{L}\p{N}]/gu, '•'),
  isIdentifyingColumn: (header: string) => /postcode|name$/i.test(header),
};

export const fixturePath = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
export const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');

export function ingest(text: string, options: IngestOptions = {}): FileIngest {
  return ingestText(text, 'test.csv', { currentYear: 2025, scanner: stubScanner, ...options });
}

export type Cell = string | number | null;

function cell(col: Column, r: number): Cell {
  switch (col.type) {
    case 'day':
      return col.values[r] === UNKNOWN_DAY ? null : formatDay(col.values[r]);
    case 'num':
      return Number.isNaN(col.values[r]) ? null : col.values[r];
    case 'yn':
      return col.values[r] === YN_YES ? 'yes' : col.values[r] === YN_NO ? 'no' : null;
    case 'dict':
      return col.dict[col.values[r]] || null;
    case 'text':
      return col.values[r] ?? null;
  }
}

/** Every row of the blocks as an object of readable cells (dates ISO, yes/no, codes). */
export function rowsOf(blocks: readonly ColumnBlock[]): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  for (const b of blocks) {
    for (const col of Object.values(b.columns)) {
      const n = col.type === 'text' ? col.values.length : col.values.length;
      if (n !== b.rowCount) throw new Error(`a column has ${n} values for ${b.rowCount} rows`);
    }
    for (let r = 0; r < b.rowCount; r++) {
      const row: Record<string, Cell> = {};
      for (const [name, col] of Object.entries(b.columns)) row[name] = cell(col, r);
      out.push(row);
    }
  }
  return out;
}

/** Only the named cells of each row. */
export function pick(rows: Record<string, Cell>[], ...names: string[]): Record<string, Cell>[] {
  return rows.map((row) => Object.fromEntries(names.map((n) => [n, row[n] ?? null])));
}
