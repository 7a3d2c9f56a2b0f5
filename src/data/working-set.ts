/**
 * Everything stored, loaded once into memory as one table of typed-array columns per kind, with
 * a global index of case ids and, per kind, each woman's rows sorted by date (CSR layout:
 * `rows[offsets[c] .. offsets[c + 1])` are case c's rows). Cohort code scans the columns;
 * one journey reads its rows through the index.
 */
import { KINDS, type Kind } from '../domain/contract';
import { LINE_COLUMN, type Column, type ColumnSet, type ColumnType } from './columns';
import { cellValue, type CellValue } from './cells';
import { columnLayout } from './layout';
import { concatRows } from './column-ops';

/** All rows of one kind. Every column of the kind's layout is present (unknown where absent). */
export interface Table {
  kind: Kind;
  rowCount: number;
  columns: Record<string, Column>;
  /** Per row, the index of its case_id in WorkingSet.caseIds (-1 when unknown). */
  caseIx: Int32Array;
  /** The day column rows are ordered by within a woman: referral_date for cases, else date. */
  dateColumn: string;
}

/** One kind's rows grouped by case: case c's rows are rows[offsets[c] .. offsets[c + 1]). */
export interface CaseRows {
  offsets: Uint32Array;
  rows: Uint32Array;
}

export interface WorkingSet {
  tables: Record<Kind, Table>;
  /** Every case_id seen in any kind: those with a cases row first, in cases order. */
  caseIds: string[];
  caseIndex: Map<string, number>;
  /** caseIds[0 .. casesWithRow) have a cases row; the rest appear only in event files. */
  casesWithRow: number;
  byCase: Record<Kind, CaseRows>;
}

/** One stored row as a plain object: day numbers, numbers, booleans (yn), strings; null unknown. */
export type WorkingRecord = Record<string, CellValue>;

export interface WorkingSetSummary {
  /** Rows in cases. */
  women: number;
  /** Case ids in event files with no cases row. */
  casesWithoutCaseRow: number;
  /** Rows of the six event kinds. */
  events: number;
  rowsByKind: Record<Kind, number>;
}

export const EVENT_KINDS: readonly Kind[] = KINDS.filter((k) => k !== 'cases');

export function dateColumnOf(kind: Kind): string {
  return kind === 'cases' ? 'referral_date' : 'date';
}

/** The named column of a table, checked to be of the given type. */
export function columnOf<T extends ColumnType>(table: Table, name: string, type: T): Extract<Column, { type: T }> {
  const col = table.columns[name];
  if (!col) throw new Error(`${table.kind} has no column ${name}.`);
  if (col.type !== type) throw new Error(`${table.kind}.${name} is ${col.type}, not ${type}.`);
  return col as Extract<Column, { type: T }>;
}

function sortByDay(rows: Uint32Array, start: number, end: number, day: Int32Array): void {
  if (end - start > 48) {
    rows.subarray(start, end).sort((a, b) => day[a] - day[b] || a - b);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const r = rows[i];
    const d = day[r];
    let j = i - 1;
    while (j >= start && day[rows[j]] > d) {
      rows[j + 1] = rows[j];
      j--;
    }
    rows[j + 1] = r;
  }
}

/** Build the working set from stored blocks (in storage order). */
export function buildWorkingSet(blocks: readonly (ColumnSet & { kind: Kind })[]): WorkingSet {
  const tables = {} as Record<Kind, Table>;
  for (const kind of KINDS) {
    const { rowCount, columns } = concatRows(
      blocks.filter((b) => b.kind === kind),
      { drop: [LINE_COLUMN], ensure: columnLayout(kind) },
    );
    tables[kind] = { kind, rowCount, columns, caseIx: new Int32Array(rowCount), dateColumn: dateColumnOf(kind) };
  }

  const caseIds: string[] = [];
  const caseIndex = new Map<string, number>();
  let casesWithRow = 0;
  for (const kind of KINDS) {
    const table = tables[kind];
    const col = columnOf(table, 'case_id', 'dict');
    const byWord = new Int32Array(col.dict.length).fill(-1);
    const values = col.values;
    const caseIx = table.caseIx;
    for (let r = 0; r < table.rowCount; r++) {
      const w = values[r];
      let c = byWord[w];
      if (c < 0 && w !== 0) {
        const id = col.dict[w];
        c = caseIndex.get(id) ?? -1;
        if (c < 0) {
          c = caseIds.length;
          caseIds.push(id);
          caseIndex.set(id, c);
        }
        byWord[w] = c;
      }
      caseIx[r] = c;
    }
    if (kind === 'cases') casesWithRow = caseIds.length;
  }

  const n = caseIds.length;
  const byCase = {} as Record<Kind, CaseRows>;
  for (const kind of KINDS) {
    const table = tables[kind];
    const caseIx = table.caseIx;
    const offsets = new Uint32Array(n + 1);
    for (let r = 0; r < table.rowCount; r++) if (caseIx[r] >= 0) offsets[caseIx[r] + 1]++;
    for (let c = 0; c < n; c++) offsets[c + 1] += offsets[c];
    const rows = new Uint32Array(offsets[n]);
    const next = offsets.slice(0, n);
    for (let r = 0; r < table.rowCount; r++) if (caseIx[r] >= 0) rows[next[caseIx[r]]++] = r;
    const day = columnOf(table, table.dateColumn, 'day').values;
    for (let c = 0; c < n; c++) if (offsets[c + 1] - offsets[c] > 1) sortByDay(rows, offsets[c], offsets[c + 1], day);
    byCase[kind] = { offsets, rows };
  }
  return { tables, caseIds, caseIndex, casesWithRow, byCase };
}

export function emptyWorkingSet(): WorkingSet {
  return buildWorkingSet([]);
}

/** Row numbers of one woman's rows of a kind, sorted by date (a view, not a copy). */
export function rowsOfCase(ws: WorkingSet, kind: Kind, caseIx: number): Uint32Array {
  const { offsets, rows } = ws.byCase[kind];
  return rows.subarray(offsets[caseIx], offsets[caseIx + 1]);
}

/** One row of a table as a plain object. */
export function recordAt(table: Table, row: number): WorkingRecord {
  const out: WorkingRecord = {};
  for (const name in table.columns) out[name] = cellValue(table.columns[name], row);
  return out;
}

/** One woman's records per kind, each kind sorted by date; empty lists for an unknown id. */
export function recordsOf(ws: WorkingSet, caseId: string): Record<Kind, WorkingRecord[]> {
  const ix = ws.caseIndex.get(caseId);
  const out = {} as Record<Kind, WorkingRecord[]>;
  for (const kind of KINDS) {
    const table = ws.tables[kind];
    const list: WorkingRecord[] = [];
    if (ix !== undefined) for (const r of rowsOfCase(ws, kind, ix)) list.push(recordAt(table, r));
    out[kind] = list;
  }
  return out;
}

export function summaryOf(ws: WorkingSet): WorkingSetSummary {
  const rowsByKind = {} as Record<Kind, number>;
  for (const kind of KINDS) rowsByKind[kind] = ws.tables[kind].rowCount;
  return {
    women: rowsByKind.cases,
    casesWithoutCaseRow: ws.caseIds.length - ws.casesWithRow,
    events: EVENT_KINDS.reduce((n, k) => n + rowsByKind[k], 0),
    rowsByKind,
  };
}
