/** Hand-built ColumnBlocks and reports, shaped as the ingest worker sends them. */
import { FILE_KINDS, type Kind } from '../../../src/domain/contract';
import { UNKNOWN_DAY, YN_NO, YN_UNKNOWN, YN_YES, type Column, type ColumnBlock } from '../../../src/data/columns';
import type { FileReport } from '../../../src/domain/import-report';
import { RAW_SUFFIX } from '../../../src/data/columns';
import { columnTypeOf, hasRawColumn } from '../../../src/data/layout';
import { openDb, type WaymarkDb } from '../../../src/db/db';
import type { PendingBlock, PendingImport } from '../../../src/db/import-batch';

/** Day number of an ISO (2014-03-17) or UK (17/03/2014) date, read the way the worker does. */
export function day(text: string): number {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return Date.UTC(+m[3], +m[2] - 1, +m[1]) / 86_400_000;
  throw new Error(`not a test date: ${text}`);
}

export type RowInput = Record<string, string | number | boolean | null | undefined>;

export interface BlockOptions {
  /** Source line of the first row (the header is line 1). */
  firstLine?: number;
  /** Words placed first in every dictionary, so equal values get other indices than elsewhere. */
  seed?: readonly string[];
}

/** A block of the contract columns of `kind` (+ __line, + raw columns used by the rows). */
export function makeBlock(kind: Kind, rows: readonly RowInput[], options: BlockOptions = {}): ColumnBlock {
  const n = rows.length;
  const columns: Record<string, Column> = {};
  for (const field of FILE_KINDS[kind].fields) {
    const type = columnTypeOf(field);
    const get = (r: number) => rows[r][field.name];
    if (type === 'day') {
      const values = new Int32Array(n);
      for (let r = 0; r < n; r++) {
        const v = get(r);
        values[r] = v == null ? UNKNOWN_DAY : typeof v === 'number' ? v : day(String(v));
      }
      columns[field.name] = { type, values };
    } else if (type === 'num') {
      const values = new Float64Array(n);
      for (let r = 0; r < n; r++) values[r] = get(r) == null ? NaN : Number(get(r));
      columns[field.name] = { type, values };
    } else if (type === 'yn') {
      const values = new Int8Array(n);
      for (let r = 0; r < n; r++) values[r] = get(r) == null ? YN_UNKNOWN : get(r) ? YN_YES : YN_NO;
      columns[field.name] = { type, values };
    } else if (type === 'text') {
      columns[field.name] = { type, values: rows.map((row) => (row[field.name] == null ? null : String(row[field.name]))) };
    } else {
      const dict = ['', ...(options.seed ?? [])];
      const index = new Map(dict.map((w, i) => [w, i]));
      const values = new Uint32Array(n);
      for (let r = 0; r < n; r++) {
        const v = get(r);
        if (v == null) continue;
        let i = index.get(String(v));
        if (i === undefined) {
          i = dict.push(String(v)) - 1;
          index.set(String(v), i);
        }
        values[r] = i;
      }
      columns[field.name] = { type: 'dict', values, dict };
    }
    const rawName = field.name + RAW_SUFFIX;
    if (hasRawColumn(field) && rows.some((row) => row[rawName] != null)) {
      columns[rawName] = { type: 'text', values: rows.map((row) => (row[rawName] == null ? null : String(row[rawName]))) };
    }
  }
  const first = options.firstLine ?? 2;
  columns.__line = { type: 'num', values: Float64Array.from(rows, (_, r) => first + r) };
  return { kind, rowCount: n, columns };
}

export function makeFile(fileName: string, kind: Kind | null, rowsRead: number, extra: Partial<FileReport> = {}): FileReport {
  return {
    fileName,
    kind,
    rowsRead,
    rowsImported: 0,
    rowsQuarantined: 0,
    rowsAlreadyPresent: 0,
    ignoredColumns: [],
    droppedColumns: [],
    encoding: 'utf-8',
    delimiter: ',',
    notes: [],
    quarantined: [],
    ...extra,
  };
}

/** One file per block, named after the kind unless given. */
export function pendingOf(
  blocks: readonly (ColumnBlock | { block: ColumnBlock; fileName: string })[],
  options: { allOrNothing?: boolean; files?: FileReport[]; blocks?: PendingBlock[] } = {},
): PendingImport {
  const files: FileReport[] = [];
  const pending: PendingBlock[] = [];
  for (const item of blocks) {
    const block = 'block' in item ? item.block : item;
    const fileName = 'block' in item ? item.fileName : FILE_KINDS[block.kind].fileName;
    let fileIndex = files.findIndex((f) => f.fileName === fileName);
    if (fileIndex < 0) fileIndex = files.push(makeFile(fileName, block.kind, 0)) - 1;
    files[fileIndex].rowsRead += block.rowCount;
    pending.push({ fileIndex, block });
  }
  return {
    blocks: pending,
    files,
    privacyFindings: [],
    privacyFindingsOmitted: 0,
    allOrNothing: options.allOrNothing ?? false,
  };
}

let counter = 0;
/** A database of its own for one test. */
export function freshDb(): WaymarkDb {
  return openDb(`waymark-test-${process.pid}-${++counter}`);
}

/** Everything in the database, for before/after comparisons. */
export async function snapshot(db: WaymarkDb): Promise<unknown> {
  return {
    imports: await db.imports.toArray(),
    blocks: await db.blocks.toArray(),
    settings: await db.settings.toArray(),
  };
}
