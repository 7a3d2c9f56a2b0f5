/**
 * Shared reads for the data-quality findings: per-case lookups over the working set's typed-array
 * columns, and the log entry every finding exports. Pure.
 */
import { UNKNOWN_DAY } from '../../data/columns';
import type { Kind } from '../../domain/contract';
import { KINDS } from '../../domain/contract';
import type { Table, WorkingSet } from '../../data/working-set';
import type { ColumnNameOfType } from '../../data/layout';
import { dayToIso } from '../../data/days';

/** One line of the "data quality log" CSV. */
export interface LogEntry {
  finding: string;
  caseId: string;
  field: string;
  value: string;
  why: string;
}

export const NO_AREA = 'Area not recorded';

/** Per case index, its row in the cases table (the first, if repeated), or -1. */
export function casesRowOf(ws: WorkingSet): Int32Array {
  const out = new Int32Array(ws.caseIds.length).fill(-1);
  const { offsets, rows } = ws.byCase.cases;
  for (let c = 0; c < ws.casesWithRow; c++) if (offsets[c + 1] > offsets[c]) out[c] = rows[offsets[c]];
  return out;
}

/** Area per case index (cases with no cases row: NO_AREA). */
export function areasOf(ws: WorkingSet, caseRow: Int32Array): string[] {
  const area = ws.tables.cases.text('area');
  return Array.from(caseRow, (row) => area(row) || NO_AREA);
}

/** Areas in a stable order: named areas alphabetically, "not recorded" last. */
export function sortAreas(areas: Iterable<string>): string[] {
  return [...new Set(areas)].sort((a, b) => (a === NO_AREA ? 1 : b === NO_AREA ? -1 : a.localeCompare(b)));
}

/** The latest day in any date column of any table: the "now" of follow-up gaps. */
export function latestDay(ws: WorkingSet): number | null {
  let max = UNKNOWN_DAY;
  for (const kind of KINDS as readonly Kind[]) {
    for (const col of Object.values(ws.tables[kind].columns)) {
      if (col.type !== 'day') continue;
      const v = col.values;
      for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
    }
  }
  return max === UNKNOWN_DAY ? null : max;
}

export function dayText(day: number): string {
  return day === UNKNOWN_DAY ? '' : dayToIso(day);
}

/** Counts of case indices by area, in sortAreas order. */
export function countByArea(cases: readonly number[], areas: readonly string[]): { area: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(areas[c], (counts.get(areas[c]) ?? 0) + 1);
  return sortAreas(counts.keys()).map((area) => ({ area, count: counts.get(area)! }));
}

/**
 * Per row, a small code for a dict column's value: codes[word] for listed words, 0 otherwise.
 * Lets hot loops compare numbers instead of strings.
 */
export function codesOf<K extends Kind>(table: Table<K>, name: ColumnNameOfType<K, 'dict'>, codes: Readonly<Record<string, number>>): Uint8Array {
  const code = table.codes(name, codes, 0);
  const out = new Uint8Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) out[r] = code(r);
  return out;
}
