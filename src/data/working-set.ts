/**
 * Everything stored, loaded once into memory as one table of typed-array columns per kind, with
 * a global index of case ids and, per kind, each woman's rows sorted by date (CSR layout:
 * `rows[offsets[c] .. offsets[c + 1])` are case c's rows). Cohort code scans the columns;
 * one journey reads its rows through the index.
 */
import { KINDS, type Kind } from '../domain/contract';
import { LINE_COLUMN, UNKNOWN_DAY, YN_NO, YN_YES, type Column, type ColumnSet, type ColumnType } from './columns';
import { cellValue, type CellValue } from './cells';
import { columnLayout, type ColumnName, type ColumnNameOfType, type ColumnsOf } from './layout';
import { concatRows } from './column-ops';

/** The column of type T; for a T that is not known here (a generic kind), any column. */
type ColumnOf<T> = [Extract<Column, { type: T }>] extends [never] ? Column : Extract<Column, { type: T }>;

/** A column name of kind K whose column is dictionary-encoded or plain text. */
type TextColumnName<K extends Kind> = ColumnNameOfType<K, 'dict' | 'text'>;

/** The day column rows are ordered by within a woman. */
export type DateColumnName = 'referral_date' | 'date';

const layoutTypes = new Map<Kind, Map<string, ColumnType>>();

function layoutTypeOf(kind: Kind, name: string): ColumnType | undefined {
  let types = layoutTypes.get(kind);
  if (!types) layoutTypes.set(kind, (types = new Map(columnLayout(kind).map((c) => [c.name, c.type]))));
  return types.get(name);
}

/**
 * All rows of one kind. Every column of the kind's layout is present (unknown where absent).
 * Columns are read by the contract's names, typed per kind: `cases.days('closure_date')` is an
 * Int32Array of day numbers, and a misspelt name or a `days(...)` of a code column does not
 * compile. A table of any kind (`Table`) accepts the names of every kind.
 */
export class Table<K extends Kind = Kind> {
  constructor(
    readonly kind: K,
    readonly rowCount: number,
    /** By name; prefer the typed readers below. */
    readonly columns: Readonly<Record<string, Column>>,
    /** Per row, the index of its case_id in WorkingSet.caseIds (-1 when unknown). */
    readonly caseIx: Int32Array,
    /** The day column rows are ordered by within a woman: referral_date for cases, else date. */
    readonly dateColumn: DateColumnName,
  ) {}

  /** The named column, typed by the contract. */
  col<N extends ColumnName<K>>(name: N): ColumnOf<ColumnsOf<K>[N]> {
    const col = this.columns[name];
    if (!col) throw new Error(`${this.kind} has no column ${name}.`);
    const expected = layoutTypeOf(this.kind, name);
    if (expected !== undefined && col.type !== expected) throw new Error(`${this.kind}.${name} is ${col.type}, not ${expected}.`);
    return col as ColumnOf<ColumnsOf<K>[N]>;
  }

  #typed<T extends ColumnType>(name: string, type: T): Extract<Column, { type: T }> {
    const col = this.col(name as ColumnName<K>) as Column;
    if (col.type !== type) throw new Error(`${this.kind}.${name} is ${col.type}, not ${type}.`);
    return col as Extract<Column, { type: T }>;
  }

  /** A day column's values: day numbers, UNKNOWN_DAY where unknown. */
  days(name: ColumnNameOfType<K, 'day'>): Int32Array {
    return this.#typed(name, 'day').values;
  }

  /** A number column's values, NaN where unknown. */
  nums(name: ColumnNameOfType<K, 'num'>): Float64Array {
    return this.#typed(name, 'num').values;
  }

  /** A day column by row: the day number, or null when unknown. */
  day(name: ColumnNameOfType<K, 'day'>): (row: number) => number | null {
    const v = this.days(name);
    return (row) => (v[row] === UNKNOWN_DAY ? null : v[row]);
  }

  /** A number column by row: the number, or null when unknown. */
  num(name: ColumnNameOfType<K, 'num'>): (row: number) => number | null {
    const v = this.nums(name);
    return (row) => (Number.isNaN(v[row]) ? null : v[row]);
  }

  /** A yes/no column by row: true, false, or null when unknown. */
  yn(name: ColumnNameOfType<K, 'yn'>): (row: number) => boolean | null {
    const v = this.#typed(name, 'yn').values;
    return (row) => (v[row] === YN_YES ? true : v[row] === YN_NO ? false : null);
  }

  /** A code or text column by row: the text, or null when unknown (or row < 0). */
  text(name: TextColumnName<K>): (row: number) => string | null {
    const col = this.col(name) as Column;
    if (col.type === 'dict') {
      const { dict, values } = col;
      return (row) => (row < 0 ? null : dict[values[row]] || null);
    }
    if (col.type === 'text') {
      const values = col.values;
      return (row) => (row < 0 ? null : values[row] || null);
    }
    throw new Error(`${this.kind}.${name} is ${col.type}, not text.`);
  }

  /**
   * A dictionary column mapped to small integer codes: code(row) = map[word] (or `fallback` for
   * words not in map and for unknown). One lookup per row instead of a string comparison.
   */
  codes(name: ColumnNameOfType<K, 'dict'>, map: Readonly<Record<string, number>>, fallback = -1): (row: number) => number {
    const { dict, values } = this.#typed(name, 'dict');
    const byWord = Int32Array.from(dict, (w) => (w in map ? map[w] : fallback));
    return (row) => byWord[values[row]];
  }
}

/** The table of each kind, typed by its kind. */
export type Tables = { readonly [K in Kind]: Table<K> };

/** One kind's rows grouped by case: case c's rows are rows[offsets[c] .. offsets[c + 1]). */
export interface CaseRows {
  offsets: Uint32Array;
  rows: Uint32Array;
}

export interface WorkingSet {
  tables: Tables;
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

export function dateColumnOf(kind: Kind): DateColumnName {
  return kind === 'cases' ? 'referral_date' : 'date';
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
export function buildWorkingSet(
  blocks: readonly (ColumnSet & { kind: Kind })[],
  options: {
    /**
     * Per kind, a dict column whose words are known to differ from row to row across all blocks
     * (stored key columns: see distinctColumn in src/db/natural-keys.ts): built without lookups.
     */
    distinct?: (kind: Kind) => string | undefined;
  } = {},
): WorkingSet {
  const tables = {} as Record<Kind, Table>;
  for (const kind of KINDS) {
    const { rowCount, columns } = concatRows(
      blocks.filter((b) => b.kind === kind),
      { drop: [LINE_COLUMN], ensure: columnLayout(kind), distinct: options.distinct?.(kind) },
    );
    tables[kind] = new Table(kind, rowCount, columns, new Int32Array(rowCount), dateColumnOf(kind));
  }

  const caseIds: string[] = [];
  const caseIndex = new Map<string, number>();
  let casesWithRow = 0;
  for (const kind of KINDS) {
    const table = tables[kind];
    const col = table.col('case_id');
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
    const day = table.days(table.dateColumn);
    for (let c = 0; c < n; c++) if (offsets[c + 1] - offsets[c] > 1) sortByDay(rows, offsets[c], offsets[c + 1], day);
    byCase[kind] = { offsets, rows };
  }
  return { tables: tables as Tables, caseIds, caseIndex, casesWithRow, byCase };
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
