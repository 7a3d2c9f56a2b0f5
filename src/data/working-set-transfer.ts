/**
 * A working set as plain data for postMessage (its tables are class instances, which a worker
 * would receive as bare objects), and the working set rebuilt from it on the other side. The
 * typed arrays are copied by the structured clone; free-text columns can be left out.
 */
import { KINDS, type Kind } from '../domain/contract';
import type { Column } from './columns';
import { Table, type CaseRows, type DateColumnName, type Tables, type WorkingSet } from './working-set';

export interface PlainTable {
  kind: Kind;
  rowCount: number;
  columns: Record<string, Column>;
  caseIx: Int32Array;
  dateColumn: DateColumnName;
}

export interface PlainWorkingSet {
  tables: Record<Kind, PlainTable>;
  caseIds: string[];
  casesWithRow: number;
  byCase: Record<Kind, CaseRows>;
}

/** The working set as plain data; only the columns `keep` accepts (all by default). */
export function plainWorkingSet(ws: WorkingSet, keep: (kind: Kind, name: string, column: Column) => boolean = () => true): PlainWorkingSet {
  const tables = {} as Record<Kind, PlainTable>;
  for (const kind of KINDS) {
    const t = ws.tables[kind];
    const columns: Record<string, Column> = {};
    for (const [name, col] of Object.entries(t.columns)) if (keep(kind, name, col)) columns[name] = col;
    tables[kind] = { kind, rowCount: t.rowCount, columns, caseIx: t.caseIx, dateColumn: t.dateColumn };
  }
  return { tables, caseIds: ws.caseIds, casesWithRow: ws.casesWithRow, byCase: ws.byCase };
}

export function workingSetFromPlain(p: PlainWorkingSet): WorkingSet {
  const tables = {} as Record<Kind, Table>;
  for (const kind of KINDS) {
    const t = p.tables[kind];
    tables[kind] = new Table(kind, t.rowCount, t.columns, t.caseIx, t.dateColumn);
  }
  return {
    tables: tables as Tables,
    caseIds: p.caseIds,
    caseIndex: new Map(p.caseIds.map((id, i) => [id, i])),
    casesWithRow: p.casesWithRow,
    byCase: p.byCase,
  };
}
