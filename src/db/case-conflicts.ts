/**
 * The user's answer to case conflicts: a cases row whose case_id was stored with other values.
 * Accepting writes the later values over the stored row; dismissing keeps the stored values.
 * Either way the held-back rows are dropped from the import record, in one transaction.
 */
import { UNKNOWN_DAY, YN_NO, YN_UNKNOWN, YN_YES, type Column } from '../domain/columns';
import type { ImportSummary } from '../domain/import-report';
import { cellValue, columnLayout, comparedColumns, concatRows, emptyColumn } from './column-ops';
import type { StoredBlock, WaymarkDb } from './db';
import { toSummary } from './history';

const dictIndexes = new WeakMap<string[], Map<string, number>>();

function dictIndex(dict: string[]): Map<string, number> {
  let index = dictIndexes.get(dict);
  if (!index) {
    index = new Map();
    for (let i = dict.length - 1; i >= 0; i--) index.set(dict[i], i);
    dictIndexes.set(dict, index);
  }
  return index;
}

const CASE_COLUMN_TYPES = new Map(columnLayout('cases').map((c) => [c.name, c.type]));

/** Set one cell of a stored block to the value of a cell of another block. */
function setCell(block: StoredBlock, name: string, row: number, src: Column | undefined, srcRow: number): void {
  const v = cellValue(src, srcRow);
  let dest = block.columns[name];
  if (!dest) {
    if (v === null) return;
    const type = CASE_COLUMN_TYPES.get(name) ?? src!.type;
    dest = emptyColumn(name, type, block.rowCount);
    block.columns[name] = dest;
  }
  switch (dest.type) {
    case 'day':
      dest.values[row] = v === null ? UNKNOWN_DAY : Number(v);
      break;
    case 'num':
      dest.values[row] = v === null ? NaN : Number(v);
      break;
    case 'yn':
      dest.values[row] = v === null ? YN_UNKNOWN : v ? YN_YES : YN_NO;
      break;
    case 'dict': {
      const s = v === null ? '' : String(v);
      const index = dictIndex(dest.dict);
      let id = index.get(s);
      if (id === undefined) {
        id = dest.dict.length;
        dest.dict.push(s);
        index.set(s, id);
      }
      dest.values[row] = id;
      break;
    }
    case 'text':
      dest.values[row] = v === null ? null : String(v);
      break;
  }
}

async function resolve(db: WaymarkDb, importId: number, accept: boolean): Promise<ImportSummary> {
  return db.transaction('rw', db.blocks, db.imports, async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error(`Import ${importId} is not stored.`);
    const held = record.pendingCases;
    const count = record.caseConflicts.length;
    if (!held || count === 0) return toSummary(record);

    if (accept) {
      const stored = await db.blocks.where('kind').equals('cases').toArray();
      const where = new Map<string, { block: number; row: number }>();
      stored.forEach((block, b) => {
        const col = block.columns.case_id;
        for (let r = 0; r < block.rowCount; r++) {
          const id = cellValue(col, r);
          if (typeof id === 'string') where.set(id, { block: b, row: r });
        }
      });
      const names = comparedColumns('cases');
      const changed = new Set<number>();
      // Rows whose stored case has gone: the later values are added instead (the last one wins).
      const missing = new Map<string, number>();
      for (let i = 0; i < held.rowCount; i++) {
        const id = cellValue(held.columns.case_id, i);
        if (typeof id !== 'string') continue;
        const at = where.get(id);
        if (!at) {
          missing.set(id, i);
          continue;
        }
        for (const name of names) setCell(stored[at.block], name, at.row, held.columns[name], i);
        changed.add(at.block);
      }
      if (changed.size) await db.blocks.bulkPut([...changed].map((b) => stored[b]));
      if (missing.size) {
        const rows = concatRows([{ ...held, rows: [...missing.values()] }]);
        await db.blocks.add({ importId, kind: 'cases', rowCount: rows.rowCount, columns: rows.columns });
      }
    }

    record.pendingCases = null;
    record.caseConflicts = [];
    record.caseConflictResolution = { resolution: accept ? 'accepted' : 'dismissed', count, resolvedAt: Date.now() };
    await db.imports.put(record);
    return toSummary(record);
  });
}

/** Replace the stored cases rows with the later values held by this import; clears its conflicts. */
export function acceptCaseConflicts(db: WaymarkDb, importId: number): Promise<ImportSummary> {
  return resolve(db, importId, true);
}

/** Keep the stored cases rows; clears this import's conflicts. */
export function dismissCaseConflicts(db: WaymarkDb, importId: number): Promise<ImportSummary> {
  return resolve(db, importId, false);
}
